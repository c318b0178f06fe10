package io.lancers.client.net;

/**
 * Counts per one-second window: {@link #perSecond} reports the last complete window, so the
 * figure is steady between windows. Not thread-safe: the owner synchronises.
 */
final class WindowedRate {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long windowStart;
    private boolean started;
    private long inWindow;
    private double lastRate;
    private long total;

    void add(long nowNanos, long amount) {
        roll(nowNanos);
        inWindow += amount;
        total += amount;
    }

    double perSecond(long nowNanos) {
        roll(nowNanos);
        return lastRate;
    }

    long total() {
        return total;
    }

    private void roll(long nowNanos) {
        if (!started) {
            started = true;
            windowStart = nowNanos;
            return;
        }
        long elapsed = nowNanos - windowStart;
        if (elapsed < WINDOW_NANOS) {
            return;
        }
        // Windows close lazily, on the next add or read: dividing by the real elapsed time makes a
        // stopped flow read as a falling rate rather than the last busy second.
        lastRate = inWindow * (double) WINDOW_NANOS / elapsed;
        inWindow = 0;
        windowStart = nowNanos;
    }
}
