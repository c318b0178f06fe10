package io.lancers.link;

/**
 * How one direction of a {@link LatencyRelay} link misbehaves.
 *
 * @param delayMillis  fixed one-way delay added to every chunk
 * @param jitterMillis extra delay drawn uniformly from 0 … this for every chunk (never reorders: see
 *                     {@link ReleaseSchedule})
 * @param dropChance   chance per chunk (0 … 1) that the link is cut (reset) instead of delivering it:
 *                     TCP cannot lose bytes silently, so loss on a TCP link is the link going away
 */
public record LinkProfile(long delayMillis, long jitterMillis, double dropChance) {
    /** No delay, no jitter, no loss. */
    public static final LinkProfile CLEAN = new LinkProfile(0, 0, 0);

    public LinkProfile {
        if (delayMillis < 0 || jitterMillis < 0) {
            throw new IllegalArgumentException("delay and jitter must be >= 0: " + delayMillis + ", " + jitterMillis);
        }
        if (!(dropChance >= 0 && dropChance <= 1)) {
            throw new IllegalArgumentException("drop chance must be in 0..1: " + dropChance);
        }
    }

    /** A fixed one-way delay, nothing else: half of a round trip of {@code 2 × delayMillis}. */
    public static LinkProfile delay(long delayMillis) {
        return new LinkProfile(delayMillis, 0, 0);
    }
}
