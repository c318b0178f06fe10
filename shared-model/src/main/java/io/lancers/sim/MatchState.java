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
 */
public record MatchState(MatchPhase phase, int phaseEndTick, int killLimit, long seed, int nextProjectileId,
                         int round) {
}
