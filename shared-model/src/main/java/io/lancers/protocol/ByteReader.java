package io.lancers.protocol;

import java.nio.ByteBuffer;

/**
 * Big-endian reads from a frame with a bounds check on every read, so a short or forged frame
 * ends in a {@link ProtocolException} (1002) rather than a runtime exception. Reads by absolute
 * index: the buffer's own byte order and position are left alone until {@link #consume()}.
 */
final class ByteReader {
    /** The longest mask or count varint: 21 bits, more than any mask or list needs. */
    static final int SHORT_VARINT_BYTES = 3;

    private final ByteBuffer buffer;
    private final int start;
    private final int limit;
    private int position;

    ByteReader(ByteBuffer buffer) {
        this.buffer = buffer;
        this.start = buffer.position();
        this.limit = buffer.limit();
        this.position = start;
    }

    int remaining() {
        return limit - position;
    }

    /** Fails unless at least {@code count} items of {@code itemBytes} each can still be read. */
    void requireItems(int count, int itemBytes, String what) throws ProtocolException {
        if ((long) count * itemBytes > remaining()) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                    what + " count " + count + " exceeds the frame (" + remaining() + " bytes left)");
        }
    }

    int u8() throws ProtocolException {
        require(1);
        return buffer.get(position++) & 0xFF;
    }

    int i8() throws ProtocolException {
        return (byte) u8();
    }

    int u16() throws ProtocolException {
        require(2);
        int value = (buffer.get(position) & 0xFF) << 8 | buffer.get(position + 1) & 0xFF;
        position += 2;
        return value;
    }

    int i16() throws ProtocolException {
        return (short) u16();
    }

    long u32() throws ProtocolException {
        require(4);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 8 | buffer.get(position + i) & 0xFF;
        }
        position += 4;
        return value;
    }

    /** A u32 that must fit a non-negative Java int (ticks, ids, sequence numbers): larger is 1003. */
    int u31(String what) throws ProtocolException {
        long value = u32();
        if (value > Integer.MAX_VALUE) {
            throw new ProtocolException(CloseCodes.UNSUPPORTED_DATA, what + " out of range: " + value);
        }
        return (int) value;
    }

    /** A mask or count varint as {@link ByteWriter#varint} writes it; longer than needed or than 3 bytes is 1002. */
    int varint(String what) throws ProtocolException {
        return (int) varint(what, SHORT_VARINT_BYTES);
    }

    /**
     * A varint of at most {@code maxBytes} (at most {@link ByteWriter#MAX_VARINT_BYTES}) bytes; one
     * longer than that, or than its value needs (a last byte 0 after a continuation), is 1002.
     */
    long varint(String what, int maxBytes) throws ProtocolException {
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            value |= (long) (b & 0x7F) << 7 * i;
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, what + " varint longer than needed");
                }
                return value;
            }
        }
        throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, what + " varint longer than " + maxBytes + " bytes");
    }

    long i64() throws ProtocolException {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | buffer.get(position + i) & 0xFF;
        }
        position += 8;
        return value;
    }

    void requireEnd(String frame) throws ProtocolException {
        if (position != limit) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                    frame + " has " + (limit - position) + " trailing bytes");
        }
    }

    /** Marks everything read so far as consumed in the underlying buffer. */
    void consume() {
        buffer.position(position);
    }

    private void require(int n) throws ProtocolException {
        if (limit - position < n) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                    "frame truncated at byte " + (position - start));
        }
    }
}
