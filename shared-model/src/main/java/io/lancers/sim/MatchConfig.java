package io.lancers.sim;

import java.util.Objects;

/**
 * How a match runs: tick rate and the lengths of its phases.
 *
 * @param tickRate            simulation steps per second
 * @param durationSeconds     length of a PLAYING phase
 * @param killLimit           kills that end a match early; 0 = no limit
 * @param intermissionSeconds scoreboard pause between matches
 * @param respawnSeconds      delay between death and respawn
 * @param mode                free-for-all or team deathmatch; in a team match the kill limit is a team's score
 * @param friendlyFire        in a team match, whether shots hit teammates (they fly through them when not)
 */
public record MatchConfig(int tickRate, int durationSeconds, int killLimit, int intermissionSeconds,
                          int respawnSeconds, GameMode mode, boolean friendlyFire) {

    public MatchConfig {
        Objects.requireNonNull(mode, "mode");
        if (tickRate < 1 || tickRate > 1000) {
            throw new IllegalArgumentException("tickRate must be 1..1000, was " + tickRate);
        }
        if (durationSeconds < 1) {
            throw new IllegalArgumentException("durationSeconds must be positive, was " + durationSeconds);
        }
        if (killLimit < 0) {
            throw new IllegalArgumentException("killLimit must be >= 0, was " + killLimit);
        }
        if (intermissionSeconds < 0) {
            throw new IllegalArgumentException("intermissionSeconds must be >= 0, was " + intermissionSeconds);
        }
        if (respawnSeconds < 0) {
            throw new IllegalArgumentException("respawnSeconds must be >= 0, was " + respawnSeconds);
        }
    }

    /** A free-for-all match. */
    public MatchConfig(int tickRate, int durationSeconds, int killLimit, int intermissionSeconds, int respawnSeconds) {
        this(tickRate, durationSeconds, killLimit, intermissionSeconds, respawnSeconds, GameMode.FFA, false);
    }

    /** 60 Hz, 5 minutes, 20 kills, 10 s intermission, 3 s respawn, free-for-all. */
    public static MatchConfig defaults() {
        return new MatchConfig(60, 300, 20, 10, 3);
    }

    /** These settings played as {@code newMode}, shots hitting teammates or not. */
    public MatchConfig withMode(GameMode newMode, boolean newFriendlyFire) {
        return new MatchConfig(tickRate, durationSeconds, killLimit, intermissionSeconds, respawnSeconds, newMode,
                newFriendlyFire);
    }

    /** Seconds per tick. */
    public float dt() {
        return 1f / tickRate;
    }

    /** Whole ticks in {@code seconds}, rounded to nearest. */
    public int ticks(double seconds) {
        return (int) Math.round(seconds * tickRate);
    }
}
