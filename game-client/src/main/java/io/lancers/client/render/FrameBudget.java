package io.lancers.client.render;

/**
 * The match screen's frame times, second by second, and the automatic switch to low effects.
 *
 * <p>Every frame reports the time it started; each whole second of frames gives the figures the net
 * stats panel shows (frames per second and the 99th percentile of the intervals between frames).
 * When {@link #SLOW_SECONDS} seconds in a row have a p99 over {@link #BUDGET_NANOS}, effects go low
 * and stay low for the rest of the match: switching back and forth would make the picture flicker
 * between two looks, and a machine that was slow for seconds will be slow again. Time is a
 * parameter, so tests step it.
 */
public final class FrameBudget {
    /** 60 Hz frames come 16.7 ms apart; a p99 over this means frames are being missed. */
    public static final long BUDGET_NANOS = 20_000_000L;
    /** Seconds in a row over budget before effects go low. */
    public static final int SLOW_SECONDS = 3;
    private static final long SECOND = 1_000_000_000L;

    private final FrameTimes second = new FrameTimes(2_000);
    private boolean auto;
    private long previousNanos = Long.MIN_VALUE;
    private long secondStartNanos;
    private int slowSeconds;
    private boolean lowEffects;
    private double fps;
    private double p99Millis;

    /** @param auto whether long frames switch effects to low (the player's setting) */
    public FrameBudget(boolean auto) {
        this.auto = auto;
    }

    /** A frame starts at {@code nowNanos}. */
    public void frame(long nowNanos) {
        if (previousNanos == Long.MIN_VALUE) {
            previousNanos = nowNanos;
            secondStartNanos = nowNanos;
            return;
        }
        second.add(nowNanos - previousNanos);
        previousNanos = nowNanos;
        long elapsed = nowNanos - secondStartNanos;
        if (elapsed >= SECOND) {
            fps = second.count() * 1e9 / elapsed;
            p99Millis = second.percentileMillis(99);
            slowSeconds = p99Millis * 1e6 > BUDGET_NANOS ? slowSeconds + 1 : 0;
            if (auto && slowSeconds >= SLOW_SECONDS) {
                lowEffects = true;
            }
            second.clear();
            secondStartNanos = nowNanos;
        }
    }

    /** The player changed the setting; turning it off brings the full effects back. */
    public void setAuto(boolean on) {
        auto = on;
        if (!on) {
            lowEffects = false;
        }
    }

    public boolean lowEffects() {
        return lowEffects;
    }

    /** Frames per second over the last whole second; 0 before the first. */
    public double fps() {
        return fps;
    }

    /** The 99th percentile of the intervals between frames over the last whole second, ms. */
    public double p99Millis() {
        return p99Millis;
    }
}
