package io.lancers.server.match;

import io.lancers.sim.Input;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection's place in a match, handed to the net layer when a join, spectate or resume
 * succeeds. Every method may be called from any thread: it only enqueues for the tick thread.
 * After {@link #leave()} or {@link #connectionLost()} (or once the match dropped or superseded
 * this connection) calls are ignored.
 */
public final class Membership {
    private final Match match;
    final Peer peer;
    private final Role role;
    private final int playerId;
    final ChatWindow chatWindow;
    /** Null for spectators: they cannot steer. */
    private final InputQueue inputs;
    private final AtomicBoolean departed = new AtomicBoolean();

    /**
     * Sends queued in the match's {@link Outbox} for this receiver, ever: tick thread only. Of those, the
     * ones its sender has handed to the peer: {@link #handedOver}. Two counters of one writer each, not one
     * that both threads change: an atomic add on both sides moved the counter's cache line between the
     * tick's core and a sender's with a locked instruction each way, for every receiver every tick.
     */
    int queuedSends;
    /** Written only by this receiver's sender (one lane, one batch at a time), read by the tick. */
    final AtomicInteger handedOver = new AtomicInteger();

    /** {@link #baseTick} when the receiver has no world the server can take a delta against. */
    static final int NO_BASE = -1;

    // Frame delivery state, tick thread only.
    /** The tick of the newest world queued for this receiver (what its next DELTA is taken against), or NO_BASE. */
    int baseTick = NO_BASE;
    boolean lagging;
    int laggingSinceTick;

    Membership(Match match, Peer peer, Role role, int playerId, ChatWindow chatWindow, InputQueue inputs) {
        this.match = match;
        this.peer = peer;
        this.role = role;
        this.playerId = playerId;
        this.chatWindow = chatWindow;
        this.inputs = inputs;
    }

    /** The player's id (its ship's id); 0 for a spectator. */
    public int playerId() {
        return playerId;
    }

    public Role role() {
        return role;
    }

    public String matchId() {
        return match.id();
    }

    /**
     * Queues an input for the tick. Returns false when the queue is full: the client floods, and the
     * net layer closes it with 1008. A spectator cannot steer: its inputs are ignored and this returns
     * false too, so the net layer can treat it as a violation. Inputs whose seq is not above the last
     * queued one are ignored (true).
     */
    public boolean submitInput(Input input) {
        if (inputs == null) {
            return false;
        }
        return departed.get() || inputs.offer(input);
    }

    /** Says something to everyone in the match; refusals come back as {@code error} messages. */
    public void chat(String text) {
        if (!departed.get()) {
            match.enqueue(new Command.Chat(this, text));
        }
    }

    /** The client saw a gap in the frame sequence: the next frame it gets is a snapshot. */
    public void resync() {
        if (!departed.get()) {
            match.enqueue(new Command.Resync(this));
        }
    }

    /** A vote for the next map during the intermission; refusals come back as {@code error} messages. */
    public void vote(String mapId) {
        if (!departed.get()) {
            match.enqueue(new Command.Vote(this, mapId));
        }
    }

    /** The client asked to leave: it gets {@code left}, its ship is removed. */
    public void leave() {
        depart(false);
    }

    /**
     * The connection is gone (closed or timed out). A player goes offline and may resume within the
     * grace; a spectator is simply removed. Call it also when the connection closed before the
     * join's future completed.
     */
    public void connectionLost() {
        depart(true);
    }

    /**
     * The net layer measured the round trip to this client; a player's is shown in the roster. A
     * spectator's is nobody's business, so it never reaches the tick: a thousand spectators' heartbeat
     * acks would otherwise be a thousand commands a second for the tick thread to queue and drop.
     */
    public void pingMeasured(int ms) {
        if (role == Role.PLAYER && !departed.get()) {
            match.enqueue(new Command.Ping(this, ms));
        }
    }

    private void depart(boolean connectionLost) {
        if (departed.compareAndSet(false, true)) {
            match.depart(new Command.Departure(this, connectionLost));
        }
    }

    /** The match let go of this connection (superseded, slow consumer): later calls are ignored. */
    void detach() {
        departed.set(true);
    }

    InputQueue inputs() {
        return inputs;
    }

    @Override
    public String toString() {
        return role.wire() + (playerId > 0 ? " " + playerId : "") + " on " + peer.label();
    }
}
