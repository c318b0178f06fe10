package io.lancers.broadcast;

import io.lancers.sim.World;

import java.io.IOException;

/**
 * Plays a {@link ReplayFile}: the world and control state at any tick between
 * {@link ReplayFile#firstTick()} and {@link ReplayFile#lastTick()}. Seeking starts at the nearest
 * full part at or before the target and plays its deltas forward (at most one fragment of ticks);
 * playing on crosses fragments by appending the next delta part. Not thread-safe: give it to one
 * thread (a UI's loader thread, not the JavaFX thread, for large jumps).
 */
public final class Replayer {
    private final ReplayFile file;
    private StreamCursor cursor;
    /** The file position of the last delta part appended to {@link #cursor}. */
    private int appended;

    /** A player at the recording's first tick. */
    public Replayer(ReplayFile file) throws IOException {
        this.file = file;
        restartAt(0);
    }

    public ReplayFile file() {
        return file;
    }

    public int firstTick() {
        return file.firstTick();
    }

    public int lastTick() {
        return file.lastTick();
    }

    /**
     * Moves to {@code tick}: forward by playing on when that is no further than the nearest full part,
     * else from that full part.
     *
     * @throws IllegalArgumentException if the tick is outside the recording
     * @throws IOException              if the fragments on the way cannot be read or are damaged
     */
    public void seek(int tick) throws IOException {
        int position = file.positionAt(tick);
        boolean playOn = tick >= cursor.tick() && file.entry(position).firstTick() <= cursor.tick();
        if (!playOn) {
            restartAt(position);
        }
        while (cursor.endTick() < tick) {
            cursor.append(file.fragment(++appended).delta());
        }
        cursor.advanceTo(tick);
    }

    /** One tick forward; false at the end of the recording. */
    public boolean step() throws IOException {
        if (cursor.tick() >= file.lastTick()) {
            return false;
        }
        seek(cursor.tick() + 1);
        return true;
    }

    public int tick() {
        return cursor.tick();
    }

    /** The world at {@link #tick()}, exactly as the server had it. */
    public World world() {
        return cursor.world();
    }

    /** Roster and the last chat lines and notices as of {@link #tick()}. */
    public ControlState control() {
        return cursor.control();
    }

    private void restartAt(int position) throws IOException {
        Fragment fragment = file.fragment(position);
        cursor = StreamCursor.start(fragment.full());
        cursor.append(fragment.delta());
        appended = position;
    }
}
