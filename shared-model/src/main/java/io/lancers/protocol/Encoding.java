package io.lancers.protocol;

/** How one integer wire value is laid out in a binary frame (big-endian). */
enum Encoding {
    U8(1, 0, 0xFF),
    /** Two's complement: a signed step, such as a position's move in one tick. */
    I8(1, Byte.MIN_VALUE, Byte.MAX_VALUE),
    U16(2, 0, 0xFFFF),
    I16(2, Short.MIN_VALUE, Short.MAX_VALUE),
    /** Four bytes on the wire holding 0..2^31−1: ticks, ids and sequence numbers that Java keeps in an int. */
    U31(4, 0, Integer.MAX_VALUE),
    /** Four bytes holding 0..2^32−1: two u16 side by side (the team scores), high half first. */
    U32(4, 0, 0xFFFF_FFFFL),
    I64(8, Long.MIN_VALUE, Long.MAX_VALUE);

    final int bytes;
    final long min;
    final long max;

    Encoding(int bytes, long min, long max) {
        this.bytes = bytes;
        this.min = min;
        this.max = max;
    }

    void write(ByteWriter out, long value) {
        switch (this) {
            case U8 -> out.u8((int) checked(value));
            case I8 -> out.i8((int) checked(value));
            case U16 -> out.u16((int) checked(value));
            case I16 -> out.i16((int) checked(value));
            case U31, U32 -> out.u32(checked(value));
            case I64 -> out.i64(value);
        }
    }

    long read(ByteReader in, String what) throws ProtocolException {
        return switch (this) {
            case U8 -> in.u8();
            case I8 -> in.i8();
            case U16 -> in.u16();
            case I16 -> in.i16();
            case U31 -> in.u31(what);
            case U32 -> in.u32();
            case I64 -> in.i64();
        };
    }

    private long checked(long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + name() + " [" + min + ", " + max + "]");
        }
        return value;
    }
}
