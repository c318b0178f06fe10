package io.lancers.protocol;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * The wire layout of one record type as a table of fields (as in Quake III's netField_t): the
 * same table drives encoding and decoding, and checks at construction that it carries every
 * component of the record exactly once. Each field maps the record to one integer wire value;
 * {@link Builder} maps the wire values back to a record.
 *
 * <p>A table is <em>keyed</em> or not: field 0 of a keyed table is the key (an id), which lists of
 * records are sorted and merged by; the list writes it first, as a gap from the previous key (its
 * field's encoding only bounds its range). The other fields are <em>masked</em>
 * (a change mask, then only the fields it selects, in table order) or <em>full</em> (every field,
 * always, no mask). Mask bit {@code i} (bit 0 least significant) stands for the {@code i}-th field
 * after the key, so the table lists the fields that change most often first: the mask is a
 * {@linkplain ByteWriter#varint varint}, and seven such fields fit its first byte.
 *
 * <p>A masked table may also carry a component as an {@linkplain #increment increment}: a second
 * field of the same component, with its own mask bit, holding the step {@code next − base} in one
 * byte when that is non-zero and fits the increment's encoding (1..255 in a u8, −128..127 in an
 * i8). A changed value that is not such a step (a jump, a step the wrong way, a new record) goes
 * under the component's absolute field; one mask never sets both.
 *
 * <p>A field added to a keyed masked table after its first version is {@linkplain #optional optional}
 * for new records: a new record's mask selects every other absolute field, and this one only when
 * its value is not 0 (absent: 0). So frames of the older version, which never name it, still decode,
 * and a record that does not use it costs what it did.
 */
final class FieldTable<R> {
    /** Mask bits a varint of at most {@link ByteReader#SHORT_VARINT_BYTES} bytes can hold. */
    private static final int MAX_MASKED_FIELDS = 7 * ByteReader.SHORT_VARINT_BYTES;

    /** Builds the record from one wire value per record component, in the record's component order. */
    interface Builder<R> {
        R build(long[] wire);
    }

    /** How a field carries its component. */
    enum Form {
        /** The value itself. */
        ABSOLUTE,
        /** The value minus the base record's, non-zero, in one byte: only in deltas of a record the base has. */
        INCREMENT
    }

    /**
     * One field: the record component it carries, how, its encoding, its largest valid value, its wire
     * value, and whether a new record may leave it out (then 0).
     */
    record Field<R>(String component, Form form, Encoding encoding, long max, ToLongFunction<R> toWire,
                    boolean optional) {
        long wire(R record) {
            return toWire.applyAsLong(record);
        }
    }

    static <R> Field<R> field(String component, Encoding encoding, ToLongFunction<R> toWire) {
        return new Field<>(component, Form.ABSOLUTE, encoding, encoding.max, toWire, false);
    }

    /** An absolute field a new record carries only when its wire value is not 0 (see the class comment). */
    static <R> Field<R> optional(String component, Encoding encoding, ToLongFunction<R> toWire) {
        return new Field<>(component, Form.ABSOLUTE, encoding, encoding.max, toWire, true);
    }

    /** An enum carried as its ordinal in a u8; an unknown ordinal on the wire is 1003. */
    static <R, E extends Enum<E>> Field<R> ordinal(String component, Class<E> type, Function<R, E> getter) {
        return new Field<>(component, Form.ABSOLUTE, Encoding.U8, type.getEnumConstants().length - 1,
                record -> getter.apply(record).ordinal(), false);
    }

    /**
     * {@code absolute}'s component as a non-zero step from its base value in {@code step}, a
     * one-byte encoding (U8 for steps up, I8 for either way); the table must also carry {@code absolute}.
     */
    static <R> Field<R> increment(Field<R> absolute, Encoding step) {
        if (absolute.form != Form.ABSOLUTE || step.bytes != 1) {
            throw new IllegalArgumentException(absolute.component + ": an increment is one byte over an absolute field");
        }
        return new Field<>(absolute.component, Form.INCREMENT, step, step.max, absolute.toWire, false);
    }

    private final Class<R> type;
    /**
     * The fields in wire order, an array, which the codec's loops index: as a {@code List.copyOf} they were a
     * {@code List12} for the one- and two-field event tables and a {@code ListN} for the others, and C2
     * deoptimized the encoder on the second kind it met (a class check), at the first kill or spawn event.
     */
    private final Field<R>[] fieldArray;
    private final int firstMasked;
    private final boolean hasMask;
    private final int componentCount;
    /** Per field: the index of its record component. */
    private final int[] componentOf;
    /** Per field: for an absolute one, the index of its component's increment field, else −1. */
    private final int[] incrementOf;
    /** Per field: for an increment, the index of its component's absolute field, else −1. */
    private final int[] absoluteOf;
    /** The bits of every absolute field: what a full table writes. */
    private final int absoluteBits;
    /** The absolute bits a new record's mask must hold: all but the optional ones. */
    private final int requiredBits;
    /** Per optional field: its bit, else 0. */
    private final int[] optionalBit;
    /** The indices of the optional fields. */
    private final int[] optionalFields;
    private final int definedBits;
    /** Per increment field: its bit and its absolute twin's, which one mask must not both set. */
    private final int[] exclusiveBits;
    /** Named once here, not per decoded value: the decoder's hot path allocates no strings. */
    private final String maskName;
    /** Per field: "Type.component", for messages. */
    private final String[] names;
    private final Builder<R> builder;

    private FieldTable(Class<R> type, boolean keyed, boolean hasMask, Builder<R> builder, List<Field<R>> fields) {
        this.type = type;
        @SuppressWarnings("unchecked")
        Field<R>[] array = fields.toArray(new Field[0]);
        this.fieldArray = array;
        this.firstMasked = keyed ? 1 : 0;
        this.hasMask = hasMask;
        this.builder = builder;
        this.maskName = type.getSimpleName() + " mask";
        this.names = fields.stream().map(f -> type.getSimpleName() + "." + f.component).toArray(String[]::new);
        int maskedFields = fields.size() - firstMasked;
        if (maskedFields > MAX_MASKED_FIELDS) {
            throw new IllegalArgumentException("at most " + MAX_MASKED_FIELDS + " masked fields");
        }
        RecordComponent[] components = type.getRecordComponents();
        componentCount = components.length;
        componentOf = new int[fields.size()];
        incrementOf = new int[fields.size()];
        absoluteOf = new int[fields.size()];
        int[] absoluteField = new int[components.length];
        int[] incrementField = new int[components.length];
        Arrays.fill(absoluteField, -1);
        Arrays.fill(incrementField, -1);
        for (int i = 0; i < fields.size(); i++) {
            Field<R> field = fields.get(i);
            int c = componentIndex(components, field.component);
            int[] slot = field.form == Form.ABSOLUTE ? absoluteField : incrementField;
            if (slot[c] >= 0) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + field.component + " carried twice as " + field.form);
            }
            if (field.form == Form.INCREMENT && (!hasMask || i < firstMasked)) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + field.component
                        + ": an increment needs a base, so only a masked field can be one");
            }
            slot[c] = i;
            componentOf[i] = c;
        }
        for (int c = 0; c < components.length; c++) {
            if (absoluteField[c] < 0) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + components[c].getName()
                        + " has no absolute field");
            }
        }
        int absolute = 0;
        int optional = 0;
        optionalBit = new int[fields.size()];
        List<Integer> exclusive = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            boolean isAbsolute = fields.get(i).form == Form.ABSOLUTE;
            incrementOf[i] = isAbsolute ? incrementField[componentOf[i]] : -1;
            absoluteOf[i] = isAbsolute ? -1 : absoluteField[componentOf[i]];
            if (fields.get(i).optional && (!hasMask || i < firstMasked)) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + fields.get(i).component
                        + ": only a masked field can be optional");
            }
            if (isAbsolute && i >= firstMasked) {
                absolute |= bit(i);
                optionalBit[i] = fields.get(i).optional ? bit(i) : 0;
                optional |= optionalBit[i];
            } else if (!isAbsolute) {
                exclusive.add(bit(i) | bit(absoluteOf[i]));
            }
        }
        this.optionalFields = IntStream.range(0, fields.size()).filter(i -> optionalBit[i] != 0).toArray();
        this.absoluteBits = absolute;
        this.requiredBits = absolute & ~optional;
        this.exclusiveBits = exclusive.stream().mapToInt(Integer::intValue).toArray();
        this.definedBits = maskedFields == 0 ? 0 : -1 >>> (32 - maskedFields);
    }

    private static int componentIndex(RecordComponent[] components, String name) {
        for (int c = 0; c < components.length; c++) {
            if (components[c].getName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no record component " + name);
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

    /** The fields in wire order (the key first if keyed): mask bit {@code i} is field {@code i + (keyed ? 1 : 0)}. */
    List<Field<R>> fields() {
        return List.of(fieldArray);
    }

    boolean hasMask() {
        return hasMask;
    }

    /** The fewest bytes one entry can take, its key gap included: what a forged count is checked against. */
    int minEntryBytes() {
        int bytes = firstMasked; // a key's gap is a varint, one byte at least
        if (hasMask) {
            return bytes + 1;
        }
        for (int i = firstMasked; i < fieldArray.length; i++) {
            bytes += fieldArray[i].encoding.bytes;
        }
        return bytes;
    }

    long key(R record) {
        return fieldArray[0].wire(record);
    }

    /** The largest key its field allows. */
    long keyMax() {
        return fieldArray[0].max;
    }

    private int bit(int field) {
        return 1 << (field - firstMasked);
    }

    /**
     * Bits of the fields whose wire values differ, each by its increment when it has one and the
     * step fits, else absolutely; for a new record ({@code base} null) every absolute bit but those of
     * optional fields that are 0.
     */
    int changeMask(R base, R next) {
        if (base == null) {
            int mask = requiredBits;
            for (int i : optionalFields) {
                // Without a branch on the value: the first new ship with lance charges (in a snapshot)
                // came seconds into a match, and C2 compiled the encoder again (BENCHMARKS.md §3, step 7).
                mask |= optionalBit[i] & allBitsIfNonZero(fieldArray[i].wire(next));
            }
            return mask;
        }
        if (base.equals(next)) {
            return 0; // the common case for most records, decided without converting a field
        }
        int mask = 0;
        for (int i = firstMasked; i < fieldArray.length; i++) {
            Field<R> field = fieldArray[i];
            if (field.form == Form.INCREMENT) {
                continue; // decided with its absolute twin
            }
            long before = field.wire(base);
            long after = field.wire(next);
            if (before != after) {
                boolean step = incrementOf[i] >= 0 && isStep(fieldArray[incrementOf[i]], after - before);
                mask |= bit(step ? incrementOf[i] : i);
            }
        }
        return mask;
    }

    /** −1 (every bit set) if {@code value} is not 0, else 0: {@code value | −value} has its sign bit set exactly then. */
    private static int allBitsIfNonZero(long value) {
        return (int) ((value | -value) >> 63);
    }

    /** Whether a change of {@code by} (never 0) fits the increment field's encoding. */
    private static boolean isStep(Field<?> increment, long by) {
        return by >= increment.encoding.min && by <= increment.encoding.max;
    }

    /**
     * Writes the mask (if any) and the fields it selects (every absolute one if full), not the key,
     * which the caller writes; {@code base} is what increments are taken from, and may be null if
     * the mask selects none.
     */
    void write(ByteWriter out, R base, R record, int mask) {
        int selected = absoluteBits;
        if (hasMask) {
            out.varint(mask);
            selected = mask;
        }
        for (int i = firstMasked; i < fieldArray.length; i++) {
            if ((selected & bit(i)) == 0) {
                continue;
            }
            Field<R> field = fieldArray[i];
            if (field.form == Form.INCREMENT) {
                field.encoding.write(out, field.wire(record) - field.wire(base));
            } else {
                writeField(out, field, record);
            }
        }
    }

    void writeAll(ByteWriter out, R record) {
        write(out, null, record, absoluteBits);
    }

    private void writeField(ByteWriter out, Field<R> field, R record) {
        try {
            field.encoding.write(out, field.wire(record));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + field.component + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an entry whose key the caller has read already (pass anything for an unkeyed table).
     * A masked entry patches {@code base}; without a base its mask must be the absolute bits, the
     * optional ones at will (absent: 0).
     */
    R readEntry(ByteReader in, long key, R base) throws ProtocolException {
        long[] wire = new long[componentCount];
        int mask = absoluteBits;
        if (hasMask) {
            mask = readMask(in, key, base);
        }
        if (firstMasked == 1) {
            wire[componentOf[0]] = key;
        }
        for (int i = firstMasked; i < fieldArray.length; i++) {
            Field<R> field = fieldArray[i];
            boolean present = (mask & bit(i)) != 0;
            if (field.form == Form.INCREMENT) {
                if (present) {
                    wire[componentOf[i]] = readIncrement(in, i, base);
                }
            } else if (present) {
                wire[componentOf[i]] = readField(in, i);
            } else if (incrementOf[i] < 0 || (mask & bit(incrementOf[i])) == 0) {
                wire[componentOf[i]] = base == null ? 0 : field.wire(base); // no base: an optional field left out
            }
        }
        return builder.build(wire);
    }

    private int readMask(ByteReader in, long key, R base) throws ProtocolException {
        int mask = in.varint(maskName);
        if ((mask & ~definedBits) != 0) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                    maskName + " has undefined bits 0x" + Integer.toHexString(mask & ~definedBits));
        }
        if (base == null && ((mask & ~absoluteBits) != 0 || (mask & requiredBits) != requiredBits)) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "new " + type.getSimpleName() + " " + key
                    + " needs exactly its absolute fields, mask 0x" + Integer.toHexString(mask));
        }
        for (int both : exclusiveBits) {
            if ((mask & both) == both) {
                throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                        maskName + " 0x" + Integer.toHexString(mask) + " sends a field both as an increment and absolutely");
            }
        }
        return mask;
    }

    private long readIncrement(ByteReader in, int i, R base) throws ProtocolException {
        long step = fieldArray[i].encoding.read(in, names[i]);
        if (step == 0) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, names[i] + " increment of 0");
        }
        long value = fieldArray[i].wire(base) + step;
        Field<R> absolute = fieldArray[absoluteOf[i]];
        if (value < absolute.encoding.min || value > absolute.max) {
            throw new ProtocolException(CloseCodes.UNSUPPORTED_DATA, names[i] + " out of range: " + value);
        }
        return value;
    }

    /** Reads a whole entry of an unkeyed table: a masked one patches {@code base}, a full one ignores it. */
    R read(ByteReader in, R base) throws ProtocolException {
        return readEntry(in, 0, base);
    }

    private long readField(ByteReader in, int i) throws ProtocolException {
        Field<R> field = fieldArray[i];
        long value = field.encoding.read(in, names[i]);
        if (value > field.max) {
            throw new ProtocolException(CloseCodes.UNSUPPORTED_DATA, "unknown " + names[i] + " value " + value);
        }
        return value;
    }
}
