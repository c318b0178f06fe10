package io.lancers.client.net;

/**
 * How often input goes to the server: one input per tick period, whatever the frame rate. A frame
 * that comes late sends at most two to catch up; one that comes very late (more than four
 * periods: a stall, a hidden window) starts the schedule afresh instead of sending a burst. Time
 * is a parameter, so tests step it.
 */
public final class InputPacer {
    /** The most inputs one frame sends, catching up a late schedule. */
    static final int MAX_PER_FRAME = 2;
    /** Further behind than this many periods, the schedule restarts at now. */
    private static final int RESTART_AFTER_PERIODS = 4;

    private final long periodNanos;
    private long nextNanos;
    private boolean started;

    /** @param tickRate the match's ticks per second (from {@code joined}) */
    public InputPacer(int tickRate) {
        this.periodNanos = 1_000_000_000L / Math.max(1, tickRate);
    }

    /** How many inputs to send at {@code nowNanos} (0, 1 or {@link #MAX_PER_FRAME}); advances the schedule. */
    public int due(long nowNanos) {
        if (!started || nowNanos - nextNanos > RESTART_AFTER_PERIODS * periodNanos) {
            started = true;
            nextNanos = nowNanos;
        }
        int n = 0;
        while (nowNanos >= nextNanos && n < MAX_PER_FRAME) {
            nextNanos += periodNanos;
            n++;
        }
        return n;
    }
}
