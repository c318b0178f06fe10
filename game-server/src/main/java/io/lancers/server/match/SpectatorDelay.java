package io.lancers.server.match;

import io.lancers.sim.World;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What live spectators see when the room shows them the match {@code delayTicks} late
 * ({@code --spectator-delay}, so that a spectator talking to a player cannot ghost): at tick t the
 * world of tick t − D, and the chat and notices of tick t − D. Players are never delayed.
 *
 * <p>It keeps the worlds of the last D ticks plus {@link FrameFanout#BASELINE_TICKS} more, which are the
 * delta bases of spectators that fell behind on delayed ticks, exactly as {@link WorldRing} does for
 * live receivers. Until the match is D ticks old there is no delayed world and spectators get no
 * frames yet. Control messages wait here with the tick they were sent at, and so do changes of what
 * spectators are shown (a new round's map: {@code joined}) with the tick they take effect at. Tick thread only.
 */
final class SpectatorDelay {
    private final int delayTicks;
    private final WorldRing worlds;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final ArrayDeque<Change> changes = new ArrayDeque<>();

    private record Held(int tick, SharedFrame frame) {
    }

    private record Change(int tick, Runnable change) {
    }

    /** @param delayTicks D; 0 turns the delay off (spectators get what players get, when they get it) */
    SpectatorDelay(int delayTicks) {
        if (delayTicks < 0) {
            throw new IllegalArgumentException("delay must be >= 0 ticks: " + delayTicks);
        }
        this.delayTicks = delayTicks;
        this.worlds = new WorldRing(delayTicks == 0 ? 1 : delayTicks + FrameFanout.BASELINE_TICKS + 1);
    }

    boolean on() {
        return delayTicks > 0;
    }

    int delayTicks() {
        return delayTicks;
    }

    /** Keeps the world the tick just made. */
    void record(World next) {
        if (on()) {
            worlds.add(next);
        }
    }

    /** The world spectators see at tick {@code now}: that of {@code now − D}, or null while the match is younger. */
    World shown(int now) {
        return worlds.get(now - delayTicks);
    }

    /** The world spectators saw the tick before {@code now}, or null. */
    World shownBefore(int now) {
        return worlds.get(now - delayTicks - 1);
    }

    /** The delayed worlds still here, by tick: the delta bases of spectators behind on delayed ticks. */
    WorldRing bases() {
        return worlds;
    }

    /** A control message sent at {@code tick}, for spectators once the delayed world reaches that tick. */
    void hold(int tick, SharedFrame frame) {
        held.addLast(new Held(tick, frame));
    }

    /** A change to make when spectators' frames reach {@code tick}, before that tick's frame. */
    void holdChange(int tick, Runnable change) {
        changes.addLast(new Change(tick, change));
    }

    /** The held changes due at tick {@code now} (for {@code now − D} or before), oldest first. */
    List<Runnable> changesDue(int now) {
        List<Runnable> due = new ArrayList<>();
        while (!changes.isEmpty() && changes.peekFirst().tick() <= now - delayTicks) {
            due.add(changes.removeFirst().change());
        }
        return due;
    }

    /** The held messages that spectators may have at tick {@code now} (sent at {@code now − D} or before), oldest first. */
    List<SharedFrame> release(int now) {
        List<SharedFrame> due = new ArrayList<>();
        while (!held.isEmpty() && held.peekFirst().tick() <= now - delayTicks) {
            due.add(held.removeFirst().frame());
        }
        return due;
    }
}
