package io.lancers.broadcast;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writes into a growing array: the encoding side of {@link PartReader}. */
final class PartWriter {
    private final ByteArrayOutputStream out;

    PartWriter(int initialCapacity) {
        out = new ByteArrayOutputStream(initialCapacity);
    }

    PartWriter bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    PartWriter u8(int value) {
        out.write(value);
        return this;
    }

    PartWriter u32(int value) {
        if (value < 0) {
            throw new IllegalArgumentException(value + " does not fit u31");
        }
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    /** The low 32 bits of {@code value}, unsigned: a CRC-32. */
    PartWriter u32Bits(long value) {
        return u8((int) (value >>> 24) & 0xFF).u8((int) (value >>> 16) & 0xFF).u8((int) (value >>> 8) & 0xFF)
                .u8((int) value & 0xFF);
    }

    /** A u32 length, then the bytes. */
    PartWriter sized(byte[] bytes) {
        return u32(bytes.length).bytes(bytes);
    }

    PartWriter sized(String text) {
        return sized(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
