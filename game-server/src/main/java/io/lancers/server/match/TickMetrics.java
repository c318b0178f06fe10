package io.lancers.server.match;

import java.util.Arrays;

/**
 * Tick durations over the last {@link #WINDOW} ticks (for p50/p99) and bytes sent over the last
 * second of ticks. Written by the tick thread, read by the status endpoint: hence synchronized.
 */
final class TickMetrics {
    static final int WINDOW = 256;

    private final long[] tickNanos = new long[WINDOW];
    private int recorded;
    private final long[] bytesPerTick;
    private long bytesInLastSecond;
    private long ticks;

    /** @param tickRate ticks per second: the bytes window spans that many ticks */
    TickMetrics(int tickRate) {
        this.bytesPerTick = new long[tickRate];
    }

    synchronized void record(long durationNanos, long bytesSent) {
        tickNanos[(int) (ticks % WINDOW)] = durationNanos;
        recorded = Math.min(recorded + 1, WINDOW);
        int slot = (int) (ticks % bytesPerTick.length);
        bytesInLastSecond += bytesSent - bytesPerTick[slot];
        bytesPerTick[slot] = bytesSent;
        ticks++;
    }

    /** Nearest-rank percentile of the recorded tick durations in milliseconds; 0 before any tick. */
    synchronized double tickMillis(double percentile) {
        if (recorded == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(tickNanos, recorded);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * recorded);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }

    /** Bytes handed to peers during the last {@code tickRate} ticks, i.e. one second at the nominal rate. */
    synchronized long bytesPerSecond() {
        return bytesInLastSecond;
    }
}
