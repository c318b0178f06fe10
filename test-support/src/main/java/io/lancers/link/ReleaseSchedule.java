package io.lancers.link;

import java.util.SplittableRandom;

/**
 * When each chunk of one direction of a link leaves the relay: {@code release = max(previous release,
 * arrival + delay + jitter)}, so jitter stretches gaps but never reorders the bytes of a TCP stream.
 * Pure and seeded: the same seed and arrivals give the same releases and the same drops.
 */
final class ReleaseSchedule {
    private final long delayNanos;
    private final long jitterNanos;
    private final double dropChance;
    private final SplittableRandom random;
    private long lastRelease = Long.MIN_VALUE;

    ReleaseSchedule(LinkProfile profile, long seed) {
        delayNanos = profile.delayMillis() * 1_000_000L;
        jitterNanos = profile.jitterMillis() * 1_000_000L;
        dropChance = profile.dropChance();
        random = new SplittableRandom(seed);
    }

    /** The release time of a chunk that arrived at {@code arrivalNanos} (same clock), never before the last one. */
    long release(long arrivalNanos) {
        long jitter = jitterNanos == 0 ? 0 : random.nextLong(jitterNanos + 1);
        long release = arrivalNanos + delayNanos + jitter;
        if (lastRelease != Long.MIN_VALUE && release - lastRelease < 0) {
            release = lastRelease;
        }
        lastRelease = release;
        return release;
    }

    /** Whether the next chunk is lost (the link is cut in its place); one draw per chunk. */
    boolean drops() {
        return dropChance > 0 && random.nextDouble() < dropChance;
    }
}
