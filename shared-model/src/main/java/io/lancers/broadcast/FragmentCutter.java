package io.lancers.broadcast;

import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.World;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one match's stream into fragments as it happens: fed each tick's world with the delta
 * frame players got for it, and each control message broadcast to everyone. The first world fed
 * starts fragment {@code firstFragment}; every {@link StreamInfo#fragmentTicks} ticks a fragment is complete and the
 * next one starts with a snapshot of that tick. Not thread-safe: one feeder (a match's tick thread).
 */
public final class FragmentCutter {
    private StreamInfo info;
    private final int firstFragment;
    private ControlState control = ControlState.EMPTY;
    private FullPart full;
    private List<DeltaPart.Entry> entries = new ArrayList<>();
    private int tick = -1;
    private boolean finished;

    /**
     * @param firstFragment the number of the first fragment: a server starts each stream at the Unix
     *                      second it started, so that numbers never repeat across restarts and caches
     *                      may keep each part forever (docs/BROADCAST.md)
     */
    public FragmentCutter(StreamInfo info, int firstFragment) {
        if (firstFragment < 0) {
            throw new IllegalArgumentException("fragment numbers are non-negative, got " + firstFragment);
        }
        this.info = info;
        this.firstFragment = firstFragment;
    }

    public StreamInfo info() {
        return info;
    }

    /** The roster and recent lines as of now. */
    public ControlState control() {
        return control;
    }

    /**
     * The world of the next tick and the DELTA frame that brought players to it from the previous
     * one (ignored for the first world fed, which is encoded as a snapshot).
     *
     * @return the fragment this tick completed, or null
     * @throws IllegalArgumentException if the world is not the tick after the previous one
     */
    public Fragment frame(World world, byte[] delta) {
        requireOpen();
        if (full == null) {
            startFragment(firstFragment, world);
            return null;
        }
        if (world.tick() != tick + 1) {
            throw new IllegalArgumentException("tick " + world.tick() + " does not follow tick " + tick);
        }
        tick = world.tick();
        entries.add(new DeltaPart.Frame(tick, delta));
        if (tick - full.tick() < info.fragmentTicks()) {
            return null;
        }
        Fragment done = completed();
        startFragment(done.number() + 1, world);
        return done;
    }

    /**
     * The room moved to another map (between rounds): the next full part, and every one after it,
     * names {@code mapId}; the fragment being cut keeps the map it started on.
     */
    public void mapChanged(String mapId) {
        requireOpen();
        info = info.withMapId(mapId);
    }

    /** A control message broadcast to everyone, at the tick of the last world fed. */
    public void control(ServerMessage message) {
        requireOpen();
        control = control.apply(message);
        if (full != null) {
            entries.add(new DeltaPart.Control(tick, message));
        }
    }

    /**
     * Ends the stream: the fragment in progress, shorter than the others, if it holds anything
     * (a recording keeps its last seconds and last words); null if not. Nothing may be fed afterwards.
     */
    public Fragment finish() {
        requireOpen();
        finished = true;
        return full == null || entries.isEmpty() ? null : completed();
    }

    private Fragment completed() {
        return new Fragment(full, new DeltaPart(full.fragment(), full.tick(), tick, entries));
    }

    private void startFragment(int number, World world) {
        tick = world.tick();
        full = new FullPart(number, tick, info, control, StateCodec.encodeSnapshot(world));
        entries = new ArrayList<>();
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the stream of " + info.matchId() + " has finished");
        }
    }
}
