package io.lancers.client.playback;

/**
 * Where playback is, in fractional ticks, as a function of time: a position and the instant it
 * was taken, moving at {@code speed × tickRate} ticks per second while playing. Play, pause, a
 * speed change or a seek take a new position at that instant, so the playhead never jumps. It
 * stops at the end of what can be played ({@link #extendTo} moves that end while a broadcast
 * grows). Time is a parameter (nanoseconds on any monotonic clock); no JavaFX, not thread-safe.
 */
public final class PlaybackClock {
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 4;

    private final int tickRate;
    private final int firstTick;
    private int lastTick;
    private double anchorTick;
    private long anchorNanos;
    private boolean playing;
    private double speed = 1;

    /** Paused at {@code firstTick}. */
    public PlaybackClock(int tickRate, int firstTick, int lastTick, long nowNanos) {
        if (tickRate <= 0 || lastTick < firstTick) {
            throw new IllegalArgumentException("tick rate " + tickRate + ", ticks " + firstTick + ".." + lastTick);
        }
        this.tickRate = tickRate;
        this.firstTick = firstTick;
        this.lastTick = lastTick;
        this.anchorTick = firstTick;
        this.anchorNanos = nowNanos;
    }

    /** The playhead at {@code nowNanos}: fractional, within {@link #firstTick()}..{@link #lastTick()}. */
    public double tickAt(long nowNanos) {
        if (!playing) {
            return anchorTick;
        }
        double moved = (nowNanos - anchorNanos) / 1e9 * tickRate * speed;
        return Math.min(lastTick, anchorTick + Math.max(0, moved));
    }

    public void play(long nowNanos) {
        anchor(tickAt(nowNanos), nowNanos);
        playing = true;
    }

    public void pause(long nowNanos) {
        if (playing) {
            anchor(tickAt(nowNanos), nowNanos);
            playing = false;
        }
    }

    public void toggle(long nowNanos) {
        if (playing(nowNanos)) {
            pause(nowNanos);
        } else {
            play(nowNanos);
        }
    }

    /** Moves the playhead to {@code tick} (clamped to the playable range), playing on if it was playing. */
    public void seek(double tick, long nowNanos) {
        anchor(Math.max(firstTick, Math.min(lastTick, tick)), nowNanos);
    }

    /** Sets the speed, clamped to {@link #MIN_SPEED}..{@link #MAX_SPEED}; the playhead stays where it is. */
    public void setSpeed(double newSpeed, long nowNanos) {
        anchor(tickAt(nowNanos), nowNanos);
        speed = Math.max(MIN_SPEED, Math.min(MAX_SPEED, newSpeed));
    }

    /** More can be played now (a broadcast's new fragment); the playhead does not move. */
    public void extendTo(int newLastTick, long nowNanos) {
        if (newLastTick > lastTick) {
            anchor(tickAt(nowNanos), nowNanos);
            lastTick = newLastTick;
        }
    }

    /** Playing, and not yet at the end. */
    public boolean playing(long nowNanos) {
        return playing && tickAt(nowNanos) < lastTick;
    }

    public double speed() {
        return speed;
    }

    public int tickRate() {
        return tickRate;
    }

    public int firstTick() {
        return firstTick;
    }

    public int lastTick() {
        return lastTick;
    }

    private void anchor(double tick, long nowNanos) {
        anchorTick = tick;
        anchorNanos = nowNanos;
    }
}
