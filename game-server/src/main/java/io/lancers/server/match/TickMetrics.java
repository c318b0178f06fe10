package io.lancers.server.match;

import java.util.Arrays;

/**
 * Tick durations and tick start lateness over the last {@link #WINDOW} ticks (for p50/p99/max) and
 * bytes sent over the last second of ticks and in all. Written by the tick thread, read by the status
 * endpoint: hence synchronized.
 */
final class TickMetrics {
    static final int WINDOW = 256;

    private final Window tickNanos = new Window();
    private final Window startLateNanos = new Window();
    private final long[] bytesPerTick;
    private long bytesInLastSecond;
    private long bytesTotal;
    private long ticks;

    /** @param tickRate ticks per second: the bytes window spans that many ticks */
    TickMetrics(int tickRate) {
        this.bytesPerTick = new long[tickRate];
    }

    synchronized void record(long durationNanos, long bytesSent) {
        tickNanos.add(durationNanos);
        int slot = (int) (ticks % bytesPerTick.length);
        bytesInLastSecond += bytesSent - bytesPerTick[slot];
        bytesPerTick[slot] = bytesSent;
        bytesTotal += bytesSent;
        ticks++;
    }

    /** How late a tick started: its actual start minus the deadline its schedule gave it, ≥ 0. */
    synchronized void recordStartLateness(long lateNanos) {
        startLateNanos.add(lateNanos);
    }

    /** Nearest-rank percentile of the recorded tick durations in milliseconds; 0 before any tick. */
    synchronized double tickMillis(double percentile) {
        return tickNanos.percentile(percentile) / 1e6;
    }

    /** Nearest-rank percentile of the recorded start lateness in milliseconds; 0 before any tick. */
    synchronized double startLateMillis(double percentile) {
        return startLateNanos.percentile(percentile) / 1e6;
    }

    /** The latest start among the recorded ticks, in milliseconds; 0 before any tick. */
    synchronized double maxStartLateMillis() {
        return startLateNanos.percentile(100) / 1e6;
    }

    /** Bytes handed to peers during the last {@code tickRate} ticks, i.e. one second at the nominal rate. */
    synchronized long bytesPerSecond() {
        return bytesInLastSecond;
    }

    /** Bytes handed to peers since the first tick. */
    synchronized long bytesTotal() {
        return bytesTotal;
    }

    /** The last {@link #WINDOW} samples, oldest overwritten first. */
    private static final class Window {
        private final long[] samples = new long[WINDOW];
        private long added;

        void add(long sample) {
            samples[(int) (added % WINDOW)] = sample;
            added++;
        }

        /** Nearest rank: the smallest sample with at least {@code percentile} % of the samples at or below it. */
        long percentile(double percentile) {
            int recorded = (int) Math.min(added, WINDOW);
            if (recorded == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(samples, recorded);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percentile / 100 * recorded);
            return sorted[Math.max(rank, 1) - 1];
        }
    }
}
