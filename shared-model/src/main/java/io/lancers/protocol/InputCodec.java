package io.lancers.protocol;

import io.lancers.sim.Input;
import io.lancers.sim.Quantum;

import java.nio.ByteBuffer;

/**
 * The client's INPUT frame, big-endian, {@value #LENGTH} bytes in {@code lancers.v5} ({@link InputFormat}):
 * <pre>
 *  0        1                 5          6          8                 12
 * +--------+-----------------+----------+----------+-----------------+
 * | 0x01   | seq u32         | buttons  | aim u16  | viewTick u32    |
 * +--------+-----------------+----------+----------+-----------------+
 * </pre>
 * {@code seq} is 0..2<sup>31</sup>−1, {@code buttons} a subset of {@link InputFormat#buttons()},
 * {@code aim} the binary angle {@link Quantum#angleToSteps} (65536 steps per turn), {@code viewTick}
 * 0..2<sup>31</sup>−1 (0: unknown).
 */
public final class InputCodec {
    public static final byte TYPE = 0x01;
    /** The {@code lancers.v5} length; see {@link InputFormat#length()}. */
    public static final int LENGTH = 12;

    private InputCodec() {
    }

    /** A {@code lancers.v5} frame. */
    public static byte[] encode(Input input) {
        return encode(input, InputFormat.V5);
    }

    /**
     * @throws IllegalArgumentException for a negative seq or view tick, unknown button bits or a
     *                                  non-finite aim
     */
    public static byte[] encode(Input input, InputFormat format) {
        if (input.seq() < 0) {
            throw new IllegalArgumentException("input seq must be >= 0: " + input.seq());
        }
        if ((input.buttons() & ~format.buttons()) != 0) {
            throw new IllegalArgumentException("button bits " + Integer.toHexString(input.buttons()) + " are not all in "
                    + format.subprotocol());
        }
        if (!Float.isFinite(input.aim())) {
            throw new IllegalArgumentException("aim must be finite: " + input.aim());
        }
        if (input.viewTick() < 0) {
            throw new IllegalArgumentException("view tick must be >= 0: " + input.viewTick());
        }
        ByteWriter out = new ByteWriter(format.length());
        out.u8(TYPE);
        out.u32(input.seq());
        out.u8(input.buttons());
        out.u16(Quantum.angleToSteps(input.aim()));
        out.u32(input.viewTick());
        return out.toByteArray();
    }

    /** Decodes a {@code lancers.v5} frame: see {@link #decode(ByteBuffer, InputFormat)}. */
    public static Input decode(ByteBuffer frame) throws ProtocolException {
        return decode(frame, InputFormat.V5);
    }

    /**
     * Decodes one whole INPUT frame (the buffer's remaining bytes) and consumes it. The aim comes
     * back snapped to {@link Quantum#ANGLE} in [0, 2π).
     *
     * @throws ProtocolException 1003 for another frame type, out-of-range seq or view tick, or unknown
     *                           button bits; 1002 for a frame that is not exactly the format's length
     */
    public static Input decode(ByteBuffer frame, InputFormat format) throws ProtocolException {
        ByteReader in = new ByteReader(frame);
        if (in.remaining() == 0) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "empty binary frame");
        }
        int type = in.u8();
        if (type != TYPE) {
            throw new ProtocolException(CloseCodes.UNSUPPORTED_DATA,
                    "unknown client frame type 0x" + Integer.toHexString(type));
        }
        if (in.remaining() != format.length() - 1) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                    "INPUT must be " + format.length() + " bytes, got " + (in.remaining() + 1));
        }
        int seq = in.u31("input seq");
        int buttons = in.u8();
        if ((buttons & ~format.buttons()) != 0) {
            throw new ProtocolException(CloseCodes.UNSUPPORTED_DATA,
                    "unknown button bits 0x" + Integer.toHexString(buttons & ~format.buttons()));
        }
        float aim = Quantum.angleFromSteps(in.u16());
        int viewTick = in.u31("input view tick");
        in.consume();
        return new Input(seq, buttons, aim, viewTick);
    }
}
