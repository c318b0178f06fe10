package io.lancers.server.broadcast;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a server broadcasts and records its matches.
 *
 * @param enabled        serve {@code GET /broadcast/…} (docs/BROADCAST.md §5)
 * @param delay          nothing newer than now − delay is served: 0 – 1 h
 * @param fragmentLength play time per fragment: 1 – 60 s, whole seconds (fragment numbers are Unix seconds)
 * @param retention      how long a fragment stays servable: 1 s – 24 h
 * @param recordDir      write every match's replay files here; null records nothing
 */
public record BroadcastSettings(boolean enabled, Duration delay, Duration fragmentLength, Duration retention,
                                Path recordDir) {
    public static final long DEFAULT_DELAY_SECONDS = 10;
    public static final long MAX_DELAY_SECONDS = 3600;
    public static final long DEFAULT_FRAGMENT_SECONDS = 3;
    public static final long MIN_FRAGMENT_SECONDS = 1;
    public static final long MAX_FRAGMENT_SECONDS = 60;
    public static final long DEFAULT_RETENTION_SECONDS = 300;
    public static final long MAX_RETENTION_SECONDS = 24 * 3600;

    public BroadcastSettings {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(fragmentLength, "fragmentLength");
        Objects.requireNonNull(retention, "retention");
        require(!delay.isNegative() && delay.toSeconds() <= MAX_DELAY_SECONDS,
                "broadcast delay must be 0 s – 1 h, was " + delay);
        require(fragmentLength.toNanosPart() == 0 && fragmentLength.toSeconds() >= MIN_FRAGMENT_SECONDS
                        && fragmentLength.toSeconds() <= MAX_FRAGMENT_SECONDS,
                "fragment length must be 1–60 whole seconds, was " + fragmentLength);
        require(retention.toSeconds() >= 1 && retention.compareTo(Duration.ofSeconds(MAX_RETENTION_SECONDS)) <= 0,
                "broadcast retention must be 1 s – 24 h, was " + retention);
    }

    /** On, 10 s delay, 3 s fragments, kept 5 minutes, no recording. */
    public static BroadcastSettings defaults() {
        return new BroadcastSettings(true, Duration.ofSeconds(DEFAULT_DELAY_SECONDS),
                Duration.ofSeconds(DEFAULT_FRAGMENT_SECONDS), Duration.ofSeconds(DEFAULT_RETENTION_SECONDS), null);
    }

    /** Whether rooms need a stream tap at all. */
    public boolean active() {
        return enabled || recordDir != null;
    }

    /** Ticks per fragment at {@code tickRate}. */
    public int fragmentTicks(int tickRate) {
        return Math.toIntExact(fragmentLength.toSeconds() * tickRate);
    }

    public BroadcastSettings withEnabled(boolean on) {
        return new BroadcastSettings(on, delay, fragmentLength, retention, recordDir);
    }

    public BroadcastSettings withDelay(Duration newDelay) {
        return new BroadcastSettings(enabled, newDelay, fragmentLength, retention, recordDir);
    }

    public BroadcastSettings withFragmentLength(Duration length) {
        return new BroadcastSettings(enabled, delay, length, retention, recordDir);
    }

    public BroadcastSettings withRetention(Duration newRetention) {
        return new BroadcastSettings(enabled, delay, fragmentLength, newRetention, recordDir);
    }

    /** Records every match into {@code dir}; null records nothing. */
    public BroadcastSettings withRecordDir(Path dir) {
        return new BroadcastSettings(enabled, delay, fragmentLength, retention, dir);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
