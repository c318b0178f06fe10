package io.lancers.client.render;

import java.util.Arrays;

/** Frame durations (ns) kept for percentiles: the last {@code capacity} of them. */
public final class FrameTimes {
    private final long[] ring;
    private int next;
    private int count;

    public FrameTimes(int capacity) {
        ring = new long[capacity];
    }

    public void add(long nanos) {
        ring[next] = nanos;
        next = (next + 1) % ring.length;
        count = Math.min(count + 1, ring.length);
    }

    public int count() {
        return count;
    }

    public void clear() {
        next = 0;
        count = 0;
    }

    /** The nearest-rank percentile in ms, 0 when empty; {@code p} in 0..100. */
    public double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(ring, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    public double maxMillis() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, ring[i]);
        }
        return max / 1e6;
    }
}
