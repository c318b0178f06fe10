package io.lancers.protocol;

import io.lancers.sim.Input;

import java.util.Optional;

/**
 * The INPUT frame's layout and buttons, chosen by the negotiated subprotocol (docs/PROTOCOL.md §2,
 * §6). Only {@code lancers.v5} is spoken now; a new subprotocol that changes INPUT adds its layout here.
 */
public enum InputFormat {
    /** 12 bytes: type, seq, buttons (LANCE included), aim and the view tick (u32), for lag compensation. */
    V5(ProtocolVersion.SUBPROTOCOL, 12, Input.ALL_BUTTONS);

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
