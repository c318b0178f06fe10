package io.lancers.bench.load;

import io.lancers.bench.Stats;
import io.lancers.load.LoadClient;
import org.HdrHistogram.Histogram;

/**
 * Arrival times of state frames at one receiver, with their ticks, up to a fixed capacity (later
 * frames are not logged). Written by one client thread, read after the run.
 */
public final class ArrivalLog implements LoadClient.Arrivals {
    private final long[] nanos;
    private final int[] ticks;
    private volatile int size;

    public ArrivalLog(int capacity) {
        nanos = new long[capacity];
        ticks = new int[capacity];
    }

    @Override
    public void add(long arrivedNanos, int tick) {
        int n = size;
        if (n < nanos.length) {
            nanos[n] = arrivedNanos;
            ticks[n] = tick;
            size = n + 1;
        }
    }

    /**
     * Inter-arrival jitter of the frames that arrived within {@code [from, to)}: for consecutive
     * frames, how far the time between them is from the ticks between them at the nominal period,
     * in nanoseconds, as a histogram ({@link Stats#histogram()}; empty if no pair was in the window).
     */
    public Histogram jitterNanos(long periodNanos, long fromNanos, long toNanos) {
        int n = size;
        Histogram jitter = Stats.histogram();
        for (int i = 1; i < n; i++) {
            if (nanos[i - 1] >= fromNanos && nanos[i] < toNanos) {
                long expected = (long) (ticks[i] - ticks[i - 1]) * periodNanos;
                jitter.recordValue(Math.abs(nanos[i] - nanos[i - 1] - expected));
            }
        }
        return jitter;
    }

    public int size() {
        return size;
    }
}
