package io.lancers.sim;

/**
 * Match-wide state.
 *
 * @param phase            current phase
 * @param phaseEndTick     the tick at which the current phase ends (absolute, so it rarely changes)
 * @param killLimit        a PLAYING phase ends early when a ship reaches this many kills (0 = none)
 * @param seed             per-match seed; all "randomness" in the rules is a hash of (seed, tick, id)
 * @param nextProjectileId id the next spawned projectile gets
 * @param round            how many matches this room has started (1 = the first)
 * @param teamScores       the teams' kills this match ({@link TeamScores#NONE} in free-for-all): kept here as
 *                         they happen, so a player who leaves takes no score with them
 */
public record MatchState(MatchPhase phase, int phaseEndTick, int killLimit, long seed, int nextProjectileId,
                         int round, TeamScores teamScores) {

    /** A match state with no team score. */
    public MatchState(MatchPhase phase, int phaseEndTick, int killLimit, long seed, int nextProjectileId, int round) {
        this(phase, phaseEndTick, killLimit, seed, nextProjectileId, round, TeamScores.NONE);
    }

    /** This state with {@code nextProjectileId} and {@code teamScores} of a step. */
    MatchState after(int nextProjectileId, TeamScores teamScores) {
        return new MatchState(phase, phaseEndTick, killLimit, seed, nextProjectileId, round, teamScores);
    }
}
