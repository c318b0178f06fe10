package io.lancers.server.match;

import io.lancers.sim.Input;

import java.util.ArrayDeque;

/**
 * One connection's inputs waiting for the tick: filled by a network thread, drained by the tick
 * thread. Bounded; inputs whose sequence number is not above the last queued one (duplicates,
 * reordering) are ignored. Sequence numbers are compared as the unsigned 32-bit values of the wire.
 */
final class InputQueue {
    private final int capacity;
    private final ArrayDeque<Input> queue;
    private long lastQueuedSeq = -1; // guarded by this; -1: nothing queued yet, so seq 0 is accepted

    InputQueue(int capacity) {
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(capacity);
    }

    /** Returns false only on overflow; stale inputs are dropped silently and return true. */
    synchronized boolean offer(Input input) {
        long seq = Integer.toUnsignedLong(input.seq());
        if (seq <= lastQueuedSeq) {
            return true;
        }
        if (queue.size() >= capacity) {
            return false;
        }
        queue.addLast(input);
        lastQueuedSeq = seq;
        return true;
    }

    /**
     * Consumes up to {@code max} inputs and merges them into the one the ship gets this tick: the
     * latest buttons and aim, FIRE if any consumed input fired (a tap between ticks is not lost),
     * the view tick of the latest that fired (else the latest's: what the shot is judged by), and the
     * latest seq as the ack. With nothing queued the ship keeps {@code previous}.
     */
    synchronized Input drain(int max, Input previous) {
        Input latest = null;
        Input fired = null;
        for (int i = 0; i < max && !queue.isEmpty(); i++) {
            latest = queue.pollFirst();
            if ((latest.buttons() & Input.FIRE) != 0) {
                fired = latest;
            }
        }
        if (latest == null) {
            return previous;
        }
        return fired == null ? latest
                : new Input(latest.seq(), latest.buttons() | Input.FIRE, latest.aim(), fired.viewTick());
    }
}
