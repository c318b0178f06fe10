package io.lancers.server.match;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One tick's sends — text, binary frames and closes — in the order the tick made them, handed to
 * the match's senders as one batch per sender when the tick ends. The tick thread only decides and
 * encodes and frames each message once ({@link SharedFrame}); the per-receiver cost of writing it is
 * paid on the senders, so a room with a thousand receivers still ticks on time.
 *
 * <p>Order: each membership always goes to the same sender (its lane), and each sender runs its
 * batches one after another (a single thread, or inline in tests), so every peer sees its messages
 * in tick order and, within a tick, in the order they were queued (joined → roster → notice →
 * snapshot). Different peers' sends run in parallel on different lanes.
 *
 * <p>Bound: {@link #ticksBehind()} counts, on the slowest lane, batches handed over and not yet
 * finished. The match
 * queues no state frames while the sender is too far behind and marks receivers for a snapshot
 * instead, so at most a few ticks of frames wait here; control messages always go, they are few.
 * Each membership counts its sends queued here and those handed to its peer
 * ({@link Membership#queuedSends}, {@link Membership#handedOver}); the difference, waiting here,
 * {@link #pendingSends} adds to the peer's own count for the slow-consumer checks.
 */
final class Outbox {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final List<Lane> lanes;

    /** @param senders one per lane; each must run its batches in the order given, one at a time */
    Outbox(List<Executor> senders) {
        this.lanes = senders.stream().map(Lane::new).toList();
    }

    /** {@code frame} may go to many receivers: each peer writes the same bytes. Tick thread only, like every method here. */
    void send(Membership to, SharedFrame frame) {
        add(new Message(to, frame));
    }

    /** Closes after everything queued before it for that peer has been sent. */
    void close(Membership to, int code, String reason) {
        add(new Close(to, code, reason));
    }

    /** Sends in flight on the peer plus sends still waiting in this outbox. */
    static int pendingSends(Membership receiver) {
        return receiver.queuedSends - receiver.handedOver.get() + receiver.peer.pendingSends();
    }

    /** Batches handed to the slowest sender and not yet finished. */
    int ticksBehind() {
        return lanes.stream().mapToInt(lane -> lane.batchesWaiting.get()).max().orElse(0);
    }

    /** Hands this tick's sends to the senders; nothing is sent before this. */
    void flush() {
        lanes.forEach(Lane::flush);
    }

    /** A membership's lane never changes: identity hashes spread memberships evenly enough. */
    private void add(Send send) {
        send.to().queuedSends++;
        lanes.get(Math.floorMod(System.identityHashCode(send.to()), lanes.size())).batch.add(send);
    }

    /** One sender and the batch being filled for it. */
    private static final class Lane {
        private final Executor sender;
        private final AtomicInteger batchesWaiting = new AtomicInteger();
        private List<Send> batch = new ArrayList<>();

        Lane(Executor sender) {
            this.sender = sender;
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Send> sends = batch;
            batch = new ArrayList<>(sends.size());
            batchesWaiting.incrementAndGet();
            sender.execute(() -> {
                try {
                    sends.forEach(Outbox::deliver);
                } finally {
                    batchesWaiting.decrementAndGet();
                }
            });
        }
    }

    /**
     * Counted down after the peer took it, so a send is never missing from both counts. A peer
     * that throws is logged and skipped: the others of the batch still get theirs.
     */
    private static void deliver(Send send) {
        try {
            send.deliver();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "send to " + send.to() + " failed", e);
        } finally {
            // Its one writer: a plain add and an ordered store, no locked instruction.
            AtomicInteger handedOver = send.to().handedOver;
            handedOver.lazySet(handedOver.get() + 1);
        }
    }

    private sealed interface Send {
        Membership to();

        void deliver();
    }

    private record Message(Membership to, SharedFrame frame) implements Send {
        @Override
        public void deliver() {
            to.peer.send(frame);
        }
    }

    private record Close(Membership to, int code, String reason) implements Send {
        @Override
        public void deliver() {
            to.peer.close(code, reason);
        }
    }
}
