package io.lancers.sim;

import java.util.Locale;

/** What a match is played as. On the wire (control messages) by its lower-case name. */
public enum GameMode {
    /** Free-for-all: every ship against every other. */
    FFA,
    /** Team deathmatch: two {@link Team}s, a team scores its members' kills of the other team. */
    TDM;

    /** The wire name: {@code "ffa"} or {@code "tdm"}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode named {@code wire} ({@code "ffa"} or {@code "tdm"}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static GameMode ofWire(String wire) {
        for (GameMode mode : values()) {
            if (mode.wire().equals(wire)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be ffa or tdm, was '" + wire + "'");
    }
}
