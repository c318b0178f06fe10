package io.lancers.server.match;

/** What a membership is in its match; {@link #wire()} is the {@code joined.role} value. */
public enum Role {
    PLAYER,
    SPECTATOR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
