package io.lancers.sim;

/**
 * How a match runs: tick rate and the lengths of its phases.
 *
 * @param tickRate            simulation steps per second
 * @param durationSeconds     length of a PLAYING phase
 * @param killLimit           kills that end a match early; 0 = no limit
 * @param intermissionSeconds scoreboard pause between matches
 * @param respawnSeconds      delay between death and respawn
 */
public record MatchConfig(int tickRate, int durationSeconds, int killLimit, int intermissionSeconds,
                          int respawnSeconds) {

    public MatchConfig {
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

    /** 60 Hz, 5 minutes, 20 kills, 10 s intermission, 3 s respawn. */
    public static MatchConfig defaults() {
        return new MatchConfig(60, 300, 20, 10, 3);
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
