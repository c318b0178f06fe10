package io.lancers.protocol;

import java.util.Optional;

/**
 * The INPUT frame's layout, chosen by the negotiated subprotocol: the only difference between
 * {@code lancers.v2} and {@code lancers.v3} (docs/PROTOCOL.md §2, §6).
 */
public enum InputFormat {
    /** 8 bytes: type, seq, buttons, aim. No view tick: shots are not lag-compensated. */
    V2(ProtocolVersion.SUBPROTOCOL, 8),
    /** 12 bytes: V2's fields and the view tick (u32), for lag compensation. */
    V3(ProtocolVersion.SUBPROTOCOL_V3, 12);

    private final String subprotocol;
    private final int length;

    InputFormat(String subprotocol, int length) {
        this.subprotocol = subprotocol;
        this.length = length;
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
