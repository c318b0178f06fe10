package io.lancers.sim;

/** A ship's side in a {@link GameMode#TDM} match; {@link #NONE} in free-for-all. */
public enum Team {
    /** No team: an enemy of every other ship. */
    NONE,
    RED,
    BLUE;

    /** Whether ships of this team and {@code other} fight on the same side (never for {@link #NONE}). */
    public boolean alliedWith(Team other) {
        return this != NONE && this == other;
    }
}
