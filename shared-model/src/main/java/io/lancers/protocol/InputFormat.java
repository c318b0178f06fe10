package io.lancers.protocol;

import io.lancers.sim.Input;

import java.util.Optional;

/**
 * The INPUT frame's layout and buttons, chosen by the negotiated subprotocol: the only differences
 * between {@code lancers.v2}, {@code lancers.v3} and {@code lancers.v4} (docs/PROTOCOL.md §2, §6).
 */
public enum InputFormat {
    /** 8 bytes: type, seq, buttons, aim. No view tick: shots are not lag-compensated. */
    V2(ProtocolVersion.SUBPROTOCOL, 8, Input.ALL_BUTTONS & ~Input.LANCE),
    /** 12 bytes: V2's fields and the view tick (u32), for lag compensation. */
    V3(ProtocolVersion.SUBPROTOCOL_V3, 12, Input.ALL_BUTTONS & ~Input.LANCE),
    /** V3's 12 bytes, and the LANCE button. */
    V4(ProtocolVersion.SUBPROTOCOL_V4, 12, Input.ALL_BUTTONS);

    private final String subprotocol;
    private final int length;
    private final int buttons;

    InputFormat(String subprotocol, int length, int buttons) {
        this.subprotocol = subprotocol;
        this.length = length;
        this.buttons = buttons;
    }

    /** The button bits this format carries; others are invalid in it. */
    public int buttons() {
        return buttons;
    }

    /** Whether the frame carries a view tick. */
    public boolean hasViewTick() {
        return length > V2.length;
    }

    public String subprotocol() {
        return subprotocol;
    }

    /** The frame's exact length in bytes. */
    public int length() {
        return length;
    }

    /** The format of a negotiated subprotocol, if this code speaks it. */
    public static Optional<InputFormat> of(String subprotocol) {
        for (InputFormat format : values()) {
            if (format.subprotocol.equals(subprotocol)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
