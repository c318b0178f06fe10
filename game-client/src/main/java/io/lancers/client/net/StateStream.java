package io.lancers.client.net;

import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.World;

import java.nio.ByteBuffer;

/**
 * The state frames of one match as the client applies them (PROTOCOL.md §8): a SNAPSHOT replaces
 * the world; a DELTA patches the last one, and only if it was taken against it. It has its own
 * lock, so decoding never holds the connection's, which the frame loop takes to send its input.
 *
 * <p>{@link #reset} and {@link #expectSnapshot} come from the connection (under its lock);
 * {@link #apply} from the link's receiving thread, without it. A frame decoded against a stream
 * that has been reset meanwhile is dropped: every {@link #reset} starts a new epoch.
 */
final class StateStream {

    /** What became of one frame: {@code world} is the new world when {@code outcome} is APPLIED, else null. */
    record Result(Outcome outcome, World world) {
        private static final Result GAP = new Result(Outcome.GAP, null);
        private static final Result DROPPED = new Result(Outcome.DROPPED, null);
    }

    enum Outcome {
        /** A new world, to pass on. */
        APPLIED,
        /** A delta against a world we do not have: ask for a snapshot (deltas are dropped until it comes). */
        GAP,
        /** Waiting for a snapshot, or the stream was reset meanwhile: nothing to do. */
        DROPPED
    }

    // Guarded by this.
    private World last;
    private boolean awaitingSnapshot = true;
    private int epoch;

    /** A new match (or none): forget the world, wait for a snapshot. @return the new epoch */
    synchronized int reset() {
        last = null;
        awaitingSnapshot = true;
        return ++epoch;
    }

    synchronized int epoch() {
        return epoch;
    }

    /** We asked for a resync: deltas are dropped until the snapshot comes. */
    synchronized void expectSnapshot() {
        awaitingSnapshot = true;
    }

    /** Applies one frame received while the stream was at {@code epoch}. */
    synchronized Result apply(ByteBuffer frame, int epochSeen) throws ProtocolException {
        if (epochSeen != epoch) {
            return Result.DROPPED;
        }
        StateCodec.Header header = StateCodec.header(frame);
        if (header.kind() == StateCodec.SNAPSHOT) {
            last = StateCodec.apply(null, frame);
            awaitingSnapshot = false;
            return new Result(Outcome.APPLIED, last);
        }
        if (awaitingSnapshot) {
            return Result.DROPPED;
        }
        if (last == null || header.baseTick() != last.tick()) {
            awaitingSnapshot = true;
            return Result.GAP;
        }
        last = StateCodec.apply(last, frame);
        return new Result(Outcome.APPLIED, last);
    }
}
