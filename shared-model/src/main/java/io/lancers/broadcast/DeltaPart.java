package io.lancers.broadcast;

import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The rest of fragment {@code n}: the DELTA frames that take a viewer from the full part's tick
 * {@code fromTick} to {@code toTick} (the next fragment's first tick), one per tick, and the
 * control messages the server broadcast to everyone meanwhile, in the order they were sent.
 * <pre>
 * magic "LNCD" | version u8 (2) | fragment u32 | fromTick u32 | toTick u32 | count u32
 *   | count × (kind u8 | tick u32 | length u32 | bytes)
 * kind 0x01: a DELTA state frame (lancers.v5) bringing the viewer to tick
 * kind 0x02: a control message (the JSON text players receive); tick = the tick of the frame before it, or fromTick
 * </pre>
 * A viewer that has played fragment {@code n} continues with delta part {@code n + 1}; one that
 * starts at {@code n} plays full part {@code n}, then delta part {@code n}.
 *
 * @param fragment the fragment number
 * @param fromTick the full part's tick: the base of the first frame
 * @param toTick   the last frame's tick ({@code fromTick} if there is none)
 * @param entries  frames and control messages in stream order
 */
public record DeltaPart(int fragment, int fromTick, int toTick, List<Entry> entries) {
    static final byte[] MAGIC = "LNCD".getBytes(StandardCharsets.US_ASCII);
    static final int FRAME = 0x01;
    static final int CONTROL = 0x02;

    /** One record of a delta part. */
    public sealed interface Entry {
        /** The tick the stream is at with this entry: a frame's own tick, a message's tick when it was sent. */
        int tick();
    }

    /** A DELTA state frame from {@code tick − 1} to {@code tick}, the very bytes players got. */
    public record Frame(int tick, byte[] bytes) implements Entry {
        public Frame {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Frame o && tick == o.tick && Arrays.equals(bytes, o.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * tick + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Frame[tick=" + tick + ", " + bytes.length + " bytes]";
        }
    }

    /** A control message broadcast to everyone in the match while the stream was at {@code tick}. */
    public record Control(int tick, ServerMessage message) implements Entry {
        public Control {
            Objects.requireNonNull(message, "message");
        }
    }

    public DeltaPart {
        entries = List.copyOf(entries);
    }

    public byte[] encode() {
        PartWriter out = new PartWriter(64 + entries.size() * 160).bytes(MAGIC).u8(FullPart.FORMAT_VERSION)
                .u32(fragment).u32(fromTick).u32(toTick).u32(entries.size());
        for (Entry entry : entries) {
            if (entry instanceof Frame frame) {
                out.u8(FRAME).u32(frame.tick()).sized(frame.bytes);
            } else if (entry instanceof Control control) {
                out.u8(CONTROL).u32(control.tick()).sized(ControlCodec.encode(control.message()));
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads a delta part and checks its structure: one DELTA frame per tick from {@code fromTick + 1}
     * to {@code toTick}, each on the tick before it, control messages valid and tagged with the
     * tick the stream was at. Frame bodies are decoded by the {@link StreamCursor}.
     *
     * @throws BroadcastFormatException with a message saying what is wrong
     */
    public static DeltaPart decode(byte[] bytes) throws BroadcastFormatException {
        PartReader in = new PartReader(bytes, "delta part");
        in.magic(MAGIC, "Lancers delta part");
        in.version(FullPart.FORMAT_VERSION);
        int fragment = in.u31("fragment");
        int fromTick = in.u31("fromTick");
        int toTick = in.u31("toTick");
        int count = in.u31("entry count");
        if (toTick < fromTick) {
            throw new BroadcastFormatException("delta part: toTick " + toTick + " before fromTick " + fromTick);
        }
        // Each entry takes at least 9 bytes: a forged count cannot make us allocate much.
        if ((long) count * 9 > in.remaining()) {
            throw new BroadcastFormatException("delta part: " + count + " entries cannot fit in " + in.remaining() + " bytes");
        }
        List<Entry> entries = new ArrayList<>(count);
        int at = fromTick;
        for (int i = 0; i < count; i++) {
            int kind = in.u8("entry kind");
            int tick = in.u31("entry tick");
            int length = in.u31("entry length");
            if (kind == FRAME) {
                if (tick != at + 1) {
                    throw new BroadcastFormatException("delta part: frame of tick " + tick + " where " + (at + 1) + " belongs");
                }
                byte[] frame = in.bytes(length, "frame of tick " + tick);
                requireDeltaOf(frame, tick);
                entries.add(new Frame(tick, frame));
                at = tick;
            } else if (kind == CONTROL) {
                if (tick != at) {
                    throw new BroadcastFormatException("delta part: control message tagged " + tick + " at tick " + at);
                }
                String json = in.utf8(length, "control message");
                entries.add(new Control(tick, Json.message(json, "delta part control message")));
            } else {
                throw new BroadcastFormatException("delta part: unknown entry kind " + kind);
            }
        }
        in.requireEnd();
        if (at != toTick) {
            throw new BroadcastFormatException("delta part: frames end at tick " + at + ", header says " + toTick);
        }
        return new DeltaPart(fragment, fromTick, toTick, entries);
    }

    private static void requireDeltaOf(byte[] frame, int tick) throws BroadcastFormatException {
        try {
            StateCodec.Header header = StateCodec.header(ByteBuffer.wrap(frame));
            if (header.kind() != StateCodec.DELTA || header.tick() != tick || header.baseTick() != tick - 1) {
                throw new BroadcastFormatException("delta part: the frame of tick " + tick
                        + " is not a DELTA from tick " + (tick - 1));
            }
        } catch (ProtocolException e) {
            throw new BroadcastFormatException("delta part frame of tick " + tick + ": " + e.reason(), e);
        }
    }
}
