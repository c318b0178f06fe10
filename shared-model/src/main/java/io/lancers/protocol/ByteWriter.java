package io.lancers.protocol;

import java.util.Arrays;

/**
 * A growable big-endian byte sink, reused across frames so that encoding a tick allocates only the
 * final array. Every put checks its range: a value that does not fit is a bug of the caller
 * ({@link IllegalArgumentException}), never silently truncated.
 */
final class ByteWriter {
    /** The longest varint: 35 bits, room for an id gap up to 2^31. */
    static final int MAX_VARINT_BYTES = 5;

    private byte[] bytes;
    private int size;

    ByteWriter(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void u8(int value) {
        checkRange(value, 0, 0xFF, "u8");
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void i8(int value) {
        checkRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "i8");
        u8(value & 0xFF);
    }

    void u16(int value) {
        checkRange(value, 0, 0xFFFF, "u16");
        putShort(value);
    }

    void i16(int value) {
        checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "i16");
        putShort(value);
    }

    void u32(long value) {
        checkRange(value, 0, 0xFFFF_FFFFL, "u32");
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    /**
     * A non-negative value in LEB128 style: seven bits per byte, least significant group first, the
     * high bit set on every byte but the last; as few bytes as the value needs (0 is one byte).
     */
    void varint(long value) {
        checkRange(value, 0, (1L << 7 * MAX_VARINT_BYTES) - 1, "varint");
        ensure(varintBytes(value));
        while (value >= 0x80) {
            bytes[size++] = (byte) (value & 0x7F | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    /** Where the next byte goes: an offset to {@link #insertVarint insert} a count at later. */
    int position() {
        return size;
    }

    /** Inserts a varint at {@code at}, moving what was written since then up behind it. */
    void insertVarint(int at, long value) {
        int n = varintBytes(value);
        ensure(n);
        System.arraycopy(bytes, at, bytes, at + n, size - at);
        int end = size + n;
        size = at;
        varint(value);
        size = end;
    }

    /** The bytes {@link #varint} writes for {@code value}. */
    static int varintBytes(long value) {
        int n = 1;
        while (value >= 0x80) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    private void putShort(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private static void checkRange(long value, long min, long max, String type) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " does not fit " + type);
        }
    }
}
