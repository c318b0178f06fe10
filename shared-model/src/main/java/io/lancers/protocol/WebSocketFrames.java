package io.lancers.protocol;

import java.nio.ByteBuffer;

/**
 * A whole, unmasked server-to-client WebSocket frame (RFC 6455 §5.2) around a message, so a server can
 * frame a message once and write the same bytes to every receiver (server frames carry no mask, so
 * they do not differ per connection):
 * <pre>
 * byte 0   FIN (0x80) | opcode (0x1 text, 0x2 binary)
 * byte 1   payload length L if L ≤ 125; 126 then L as u16 if L ≤ 65535; 127 then L as u64 otherwise
 *          (mask bit 0x80 clear: no masking key)
 * then     the payload, L bytes
 * </pre>
 * The length always takes the shortest form, as RFC 6455 requires.
 */
public final class WebSocketFrames {
    private static final int FIN = 0x80;
    private static final int MASKED = 0x80;
    private static final int MAX_SHORT = 125;
    private static final int U16_LENGTH = 126;
    private static final int U64_LENGTH = 127;

    /** The message kinds a server sends in data frames. */
    public enum Opcode {
        TEXT(0x1), BINARY(0x2);

        final int wire;

        Opcode(int wire) {
            this.wire = wire;
        }

        static Opcode of(int wire) throws ProtocolException {
            for (Opcode opcode : values()) {
                if (opcode.wire == wire) {
                    return opcode;
                }
            }
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "not a data frame: opcode 0x" + Integer.toHexString(wire));
        }
    }

    /** A decoded frame: its kind and a view of its payload. */
    public record Frame(Opcode opcode, ByteBuffer payload) {
    }

    private WebSocketFrames() {
    }

    /**
     * The frame around {@code payload}, as a read-only direct buffer: direct, so each write of it to a
     * socket needs no copy into native memory first; read-only, because it is shared by every
     * receiver (each must write through its own {@link ByteBuffer#duplicate()}).
     */
    public static ByteBuffer encode(Opcode opcode, byte[] payload) {
        int length = payload.length;
        int header = length <= MAX_SHORT ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocateDirect(header + length);
        frame.put((byte) (FIN | opcode.wire));
        if (length <= MAX_SHORT) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) U16_LENGTH).putShort((short) length);
        } else {
            frame.put((byte) U64_LENGTH).putLong(length);
        }
        frame.put(payload).flip();
        return frame.asReadOnlyBuffer();
    }

    /**
     * Decodes one whole unmasked final data frame, the buffer's remaining bytes exactly; consumes them.
     *
     * @throws ProtocolException 1002 for a fragment, a control frame, a mask, a length not in its shortest
     *                           form, or a buffer that is not exactly one frame
     */
    public static Frame decode(ByteBuffer wire) throws ProtocolException {
        if (wire.remaining() < 2) {
            throw truncated();
        }
        int first = wire.get() & 0xFF;
        int second = wire.get() & 0xFF;
        if ((first & FIN) == 0 || (first & 0x70) != 0) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "a fragment or reserved bits set");
        }
        Opcode opcode = Opcode.of(first & 0x0F);
        if ((second & MASKED) != 0) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "a server frame is not masked");
        }
        long length = second;
        if (second == U16_LENGTH) {
            length = wire.remaining() < 2 ? -1 : wire.getShort() & 0xFFFF;
            if (length >= 0 && length <= MAX_SHORT) {
                throw notShortest(length);
            }
        } else if (second == U64_LENGTH) {
            length = wire.remaining() < 8 ? -1 : wire.getLong();
            if (length >= 0 && length <= 0xFFFF) {
                throw notShortest(length);
            }
        }
        if (length < 0 || length != wire.remaining()) {
            throw truncated();
        }
        ByteBuffer payload = wire.slice();
        wire.position(wire.limit());
        return new Frame(opcode, payload);
    }

    private static ProtocolException truncated() {
        return new ProtocolException(CloseCodes.PROTOCOL_ERROR, "not exactly one whole frame");
    }

    private static ProtocolException notShortest(long length) {
        return new ProtocolException(CloseCodes.PROTOCOL_ERROR, "length " + length + " not in its shortest form");
    }
}
