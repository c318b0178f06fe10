package io.lancers.server.match;

import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.World;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Who in one room gets what, and when: each tick's state frames (built once per base, catch-up
 * deltas from the ring of recent worlds, snapshots), the slow-consumer policy (lagging receivers
 * get nothing, hopeless ones are closed with 4003), the spectator delay (spectators get the frames
 * of tick t − D and the chat and notices held since), control messages to everyone or one, and the
 * bytes each tick queued. {@link Match} decides what happens; this class queues it on the
 * {@link Outbox}. Tick thread only.
 */
final class FrameFanout {
    private static final Logger LOG = Logger.getLogger(FrameFanout.class.getName());

    /**
     * While more ticks than this wait for the sender, ticks queue no state frames: once the sender
     * has caught up, their receivers get one DELTA from the newest world they have to the then newest
     * (the backlog stays bounded; the skipped ticks are simply not sent, PROTOCOL.md §11).
     */
    private static final int MAX_SENDER_LAG_TICKS = 3;
    /**
     * Worlds kept as delta bases for receivers that fell behind (Quake III keeps 32 too): about half a
     * second at 60 Hz. Further behind, a receiver gets a SNAPSHOT, which is then no bigger than such a delta.
     */
    static final int BASELINE_TICKS = 32;

    private final String matchId;
    private final MatchSettings.SlowConsumerLimits limits;
    private final int slowConsumerDropTicks;
    private final StateEncoder encoder;
    private final StreamTap tap;
    private final Outbox outbox;
    private final WorldRing sent = new WorldRing(BASELINE_TICKS);
    private final SpectatorDelay spectatorDelay;
    /** The room's players and spectators, read live (the room's own collections, tick thread). */
    private final Collection<Player> players;
    private final Set<Membership> spectators;
    private long bytesThisTick;

    FrameFanout(String matchId, MatchSettings settings, StateEncoder encoder, StreamTap tap, Outbox outbox,
                Collection<Player> players, Set<Membership> spectators) {
        this.matchId = matchId;
        this.limits = settings.slowConsumer();
        this.slowConsumerDropTicks = settings.rules().ticks(limits.dropAfterSeconds());
        this.encoder = encoder;
        this.tap = tap;
        this.outbox = outbox;
        this.spectatorDelay = new SpectatorDelay(settings.rules().ticks(settings.spectatorDelaySeconds()));
        this.players = players;
        this.spectators = spectators;
    }

    /** Whether spectators watch with a delay. */
    boolean spectatorsDelayed() {
        return spectatorDelay.on();
    }

    // ------------------------------------------------------------------ state frames

    /**
     * This tick's state frames: live ones to players (and to spectators when there is no delay),
     * delayed ones and the messages held for them to spectators. Receivers too slow to keep are
     * detached, closed (4003) and handed to {@code dropped}.
     *
     * @param base the previous tick's world, which every receiver that keeps up has
     */
    void frames(World base, World next, Consumer<Membership> dropped) {
        Frames live = new Frames(base, next, sent); // lazily, on first use
        sent.add(next);
        spectatorDelay.record(next);
        spectatorDelay.changesDue(next.tick()).forEach(Runnable::run);
        broadcastFrames(live, delayedFrames(next.tick()), dropped);
        releaseHeld(next.tick());
        tap.frame(next, live.delta().payload());
    }

    /**
     * This tick's state frames, each encoded and framed at most once and only if someone gets it: the
     * delta from the previous tick, a delta from each older base some receiver still has (shared by
     * all receivers with that base), and the snapshot.
     */
    private final class Frames {
        private final World base;
        private final World next;
        private final WorldRing bases;
        private SharedFrame delta;
        private SharedFrame snapshot;
        private Map<Integer, SharedFrame> catchUps;

        /** @param base the previous tick's world, or null if there was none; {@code bases}: older ones */
        Frames(World base, World next, WorldRing bases) {
            this.base = base;
            this.next = next;
            this.bases = bases;
        }

        /** The tick's plain delta (base: the previous tick), shared by every receiver that gets it. */
        SharedFrame delta() {
            if (delta == null) {
                delta = SharedFrame.binary(encoder.delta(base, next));
            }
            return delta;
        }

        SharedFrame snapshot() {
            if (snapshot == null) {
                snapshot = SharedFrame.binary(encoder.snapshot(next));
            }
            return snapshot;
        }

        /** The frame for a receiver whose newest world is that of {@code baseTick}. */
        SharedFrame from(int baseTick) {
            if (base != null && baseTick == base.tick()) {
                return delta();
            }
            World older = bases.get(baseTick);
            if (older == null) {
                return snapshot();
            }
            if (catchUps == null) {
                catchUps = new HashMap<>();
            }
            return catchUps.computeIfAbsent(baseTick, tick -> SharedFrame.binary(encoder.delta(older, next)));
        }
    }

    /** With a spectator delay, spectators' frames of tick {@code now − D} (null while the match is younger). */
    private Frames delayedFrames(int now) {
        World shown = spectatorDelay.shown(now);
        return shown == null ? null : new Frames(spectatorDelay.shownBefore(now), shown, spectatorDelay.bases());
    }

    /** Live frames to players (and spectators when there is no delay), delayed ones to spectators. */
    private void broadcastFrames(Frames live, Frames delayed, Consumer<Membership> dropped) {
        if (outbox.ticksBehind() > MAX_SENDER_LAG_TICKS) {
            skipFrames(live.next.tick());
            return;
        }
        List<Membership> hopeless = new ArrayList<>();
        for (Membership receiver : receivers()) {
            Frames frames = receiver.role() == Role.SPECTATOR && spectatorDelay.on() ? delayed : live;
            if (frames != null && !deliver(receiver, frames)) {
                hopeless.add(receiver);
            }
        }
        for (Membership receiver : hopeless) {
            receiver.detach();
            outbox.close(receiver, CloseCodes.SLOW_CONSUMER, "slow consumer");
            dropped.accept(receiver);
        }
    }

    /** The sender is behind: no frames this tick; each receiver catches up with its next frame. */
    private void skipFrames(int tick) {
        LOG.fine(() -> matchId + ": sender " + outbox.ticksBehind() + " ticks behind, no frames at tick " + tick);
    }

    /**
     * Sends this tick's frame to one receiver, unless it is backed up: above the high-water mark
     * it is lagging and gets nothing; once drained it gets a delta from the newest world it has (a
     * snapshot if that has left the ring) and deltas again. Returns
     * false when it has been backed up for too long, or too far, to keep.
     */
    private boolean deliver(Membership receiver, Frames frames) {
        int pending = Outbox.pendingSends(receiver);
        int tick = frames.next.tick();
        if (pending >= limits.dropPending()
                || receiver.lagging && tick - receiver.laggingSinceTick >= slowConsumerDropTicks) {
            LOG.warning(() -> matchId + ": kicked " + receiver + ": slow consumer, " + pending + " sends pending"
                    + (receiver.lagging ? ", lagging since tick " + receiver.laggingSinceTick : ""));
            return false;
        }
        if (!receiver.lagging && pending > limits.highWater()) {
            receiver.lagging = true;
            receiver.laggingSinceTick = tick;
            LOG.info(() -> matchId + ": " + receiver + " is lagging, " + pending + " sends pending; frames paused");
            return true;
        }
        if (receiver.lagging) {
            if (pending > limits.drained()) {
                return true;
            }
            receiver.lagging = false;
            LOG.info(() -> matchId + ": " + receiver + " drained after " + (tick - receiver.laggingSinceTick)
                    + " ticks; frames again");
        }
        SharedFrame frame = frames.from(receiver.baseTick);
        receiver.baseTick = tick;
        queue(receiver, frame);
        return true;
    }

    // ------------------------------------------------------------------ control messages

    /**
     * Encodes and frames once, sends to everyone in the match, lagging receivers included (control
     * messages are small). With a spectator delay, spectators get chat and notices when their frames
     * reach {@code tick} (they tell what happened); the roster (who is here) they get at once.
     */
    void broadcast(ServerMessage message, int tick) {
        tap.control(message);
        SharedFrame frame = SharedFrame.text(ControlCodec.encode(message));
        boolean hold = spectatorDelay.on() && !(message instanceof ServerMessage.Roster);
        if (hold) {
            spectatorDelay.hold(tick, frame);
        }
        for (Membership receiver : hold ? playerReceivers() : receivers()) {
            queue(receiver, frame);
        }
    }

    /**
     * Runs {@code change} (which tells spectators something about the world of {@code tick}, a new
     * round's map) when spectators' frames reach that tick, before its frame; at once without a delay.
     */
    void whenSpectatorsReach(int tick, Runnable change) {
        if (spectatorDelay.on()) {
            spectatorDelay.holdChange(tick, change);
        } else {
            change.run();
        }
    }

    /** The chat and notices held for spectators whose delayed frames reached their tick, after those frames. */
    private void releaseHeld(int now) {
        for (SharedFrame held : spectatorDelay.release(now)) {
            for (Membership spectator : spectators) {
                queue(spectator, held);
            }
        }
    }

    void send(Membership receiver, ServerMessage message) {
        queue(receiver, SharedFrame.text(ControlCodec.encode(message)));
    }

    /** A message encoded and framed before, the same for several receivers. */
    void send(Membership receiver, SharedFrame frame) {
        queue(receiver, frame);
    }

    /** Closes after whatever was queued for it before. */
    void close(Membership receiver, int code, String reason) {
        outbox.close(receiver, code, reason);
    }

    private void queue(Membership receiver, SharedFrame frame) {
        bytesThisTick += frame.payloadLength();
        outbox.send(receiver, frame);
    }

    /** Hands everything this tick queued to the senders, in order; returns the bytes it queued. */
    long flush() {
        outbox.flush();
        long bytes = bytesThisTick;
        bytesThisTick = 0;
        return bytes;
    }

    // ------------------------------------------------------------------ receivers

    /** Every connection in the room: connected players, then spectators. */
    List<Membership> receivers() {
        List<Membership> receivers = playerReceivers();
        receivers.addAll(spectators);
        return receivers;
    }

    /** The connected players. */
    List<Membership> playerReceivers() {
        List<Membership> receivers = new ArrayList<>(players.size() + spectators.size());
        for (Player player : players) {
            if (player.membership != null) {
                receivers.add(player.membership);
            }
        }
        return receivers;
    }
}
