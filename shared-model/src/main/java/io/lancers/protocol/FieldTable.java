package io.lancers.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The wire layout of one record type as a table of fields (as in Quake III's netField_t): the
 * same table drives encoding and decoding, and a test keeps it in step with the record's
 * components. Each field maps the record to one integer wire value; {@link Builder} maps the
 * wire values back to a record.
 *
 * <p>A table is <em>keyed</em> or not: field 0 of a keyed table is the key (an id), always written
 * first, which lists of records are sorted and merged by. The other fields are <em>masked</em>
 * (a change mask, then only the fields it selects, in table order) or <em>full</em> (every field,
 * always, no mask). Mask bit {@code i} (bit 0 least significant) stands for the {@code i}-th field after the key.
 */
final class FieldTable<R> {

    /** Builds the record from one wire value per field, in table order. */
    interface Builder<R> {
        R build(long[] wire);
    }

    /** One field: the record component it carries, its encoding, its largest valid value, its wire value. */
    record Field<R>(String component, Encoding encoding, long max, ToLongFunction<R> toWire) {
        long wire(R record) {
            return toWire.applyAsLong(record);
        }
    }

    static <R> Field<R> field(String component, Encoding encoding, ToLongFunction<R> toWire) {
        return new Field<>(component, encoding, encoding.max, toWire);
    }

    /** An enum carried as its ordinal in a u8; an unknown ordinal on the wire is 1003. */
    static <R, E extends Enum<E>> Field<R> ordinal(String component, Class<E> type, Function<R, E> getter) {
        return new Field<>(component, Encoding.U8, type.getEnumConstants().length - 1,
                record -> getter.apply(record).ordinal());
    }

    private final Class<R> type;
    private final List<Field<R>> fields;
    private final int firstMasked;
    private final int maskBytes;
    private final int allBits;
    private final Builder<R> builder;

    private FieldTable(Class<R> type, boolean keyed, boolean hasMask, Builder<R> builder, List<Field<R>> fields) {
        this.type = type;
        this.fields = List.copyOf(fields);
        this.firstMasked = keyed ? 1 : 0;
        int maskedFields = fields.size() - firstMasked;
        if (maskedFields > 16) {
            throw new IllegalArgumentException("at most 16 masked fields");
        }
        this.maskBytes = hasMask ? (maskedFields + 7) / 8 : 0;
        this.allBits = (1 << maskedFields) - 1;
        this.builder = builder;
    }

    @SafeVarargs
    static <R> FieldTable<R> keyedMasked(Class<R> type, Builder<R> builder, Field<R>... fields) {
        return new FieldTable<>(type, true, true, builder, List.of(fields));
    }

    @SafeVarargs
    static <R> FieldTable<R> keyedFull(Class<R> type, Builder<R> builder, Field<R>... fields) {
        return new FieldTable<>(type, true, false, builder, List.of(fields));
    }

    @SafeVarargs
    static <R> FieldTable<R> masked(Class<R> type, Builder<R> builder, Field<R>... fields) {
        return new FieldTable<>(type, false, true, builder, List.of(fields));
    }

    @SafeVarargs
    static <R> FieldTable<R> full(Class<R> type, Builder<R> builder, Field<R>... fields) {
        return new FieldTable<>(type, false, false, builder, List.of(fields));
    }

    Class<R> type() {
        return type;
    }

    /** The record components this table carries, in wire order. */
    List<String> components() {
        List<String> names = new ArrayList<>(fields.size());
        for (Field<R> field : fields) {
            names.add(field.component);
        }
        return names;
    }

    boolean hasMask() {
        return maskBytes > 0;
    }

    /** The fewest bytes one entry can take: what a forged count is checked against. */
    int minEntryBytes() {
        if (hasMask()) {
            return firstMasked * fields.get(0).encoding.bytes + maskBytes;
        }
        int bytes = 0;
        for (Field<R> field : fields) {
            bytes += field.encoding.bytes;
        }
        return bytes;
    }

    long key(R record) {
        return fields.get(0).wire(record);
    }

    int keyBytes() {
        return fields.get(0).encoding.bytes;
    }

    void writeKey(ByteWriter out, R record) {
        writeField(out, fields.get(0), record);
    }

    /** Bits of the fields whose wire values differ; all bits for a new record ({@code base} null). */
    int changeMask(R base, R next) {
        if (base == null) {
            return allBits;
        }
        if (base.equals(next)) {
            return 0; // the common case for most records, decided without converting a field
        }
        int mask = 0;
        for (int i = firstMasked; i < fields.size(); i++) {
            Field<R> field = fields.get(i);
            if (field.wire(base) != field.wire(next)) {
                mask |= 1 << (i - firstMasked);
            }
        }
        return mask;
    }

    /** Writes the key (if keyed), the mask (if any) and the fields it selects (every one if full). */
    void write(ByteWriter out, R record, int mask) {
        for (int i = 0; i < firstMasked; i++) {
            writeField(out, fields.get(i), record);
        }
        if (maskBytes == 2) {
            out.u16(mask);
        } else if (maskBytes == 1) {
            out.u8(mask);
        }
        for (int i = firstMasked; i < fields.size(); i++) {
            if (maskBytes == 0 || (mask & 1 << (i - firstMasked)) != 0) {
                writeField(out, fields.get(i), record);
            }
        }
    }

    void writeAll(ByteWriter out, R record) {
        write(out, record, allBits);
    }

    private void writeField(ByteWriter out, Field<R> field, R record) {
        try {
            field.encoding.write(out, field.wire(record));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + field.component + ": " + e.getMessage(), e);
        }
    }

    long readKey(ByteReader in) throws ProtocolException {
        return readField(in, fields.get(0));
    }

    /**
     * Reads an entry whose key the caller has read already (pass anything for an unkeyed table).
     * A masked entry patches {@code base}; without a base its mask must name every field.
     */
    R readEntry(ByteReader in, long key, R base) throws ProtocolException {
        long[] wire = new long[fields.size()];
        int mask = allBits;
        if (hasMask()) {
            mask = maskBytes == 2 ? in.u16() : in.u8();
            if ((mask & ~allBits) != 0) {
                throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                        type.getSimpleName() + " mask has undefined bits 0x" + Integer.toHexString(mask & ~allBits));
            }
            if (base == null && mask != allBits) {
                throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                        "new " + type.getSimpleName() + " " + key + " lacks fields");
            }
        }
        if (firstMasked == 1) {
            wire[0] = key;
        }
        for (int i = firstMasked; i < fields.size(); i++) {
            Field<R> field = fields.get(i);
            boolean present = (mask & 1 << (i - firstMasked)) != 0;
            wire[i] = present ? readField(in, field) : field.wire(base);
        }
        return builder.build(wire);
    }

    /** Reads a whole entry of an unkeyed table: a masked one patches {@code base}, a full one ignores it. */
    R read(ByteReader in, R base) throws ProtocolException {
        return readEntry(in, 0, base);
    }

    private long readField(ByteReader in, Field<R> field) throws ProtocolException {
        long value = field.encoding.read(in, type.getSimpleName() + "." + field.component);
        if (value > field.max) {
            throw new ProtocolException(CloseCodes.UNSUPPORTED_DATA,
                    "unknown " + type.getSimpleName() + "." + field.component + " value " + value);
        }
        return value;
    }
}
