package io.lancers.sim;

/** Where a match is in its cycle. Wire ordinal is the enum ordinal. */
public enum MatchPhase {
    /** Ships fight; ends at {@link MatchState#phaseEndTick()} or at the kill limit. */
    PLAYING,
    /** Scoreboard between matches; the next match starts at {@code phaseEndTick}. */
    INTERMISSION
}
