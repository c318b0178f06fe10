package io.lancers.broadcast;

import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.World;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A viewer's position in a match stream: the {@link World} and {@link ControlState} at one tick,
 * moved forward by delta parts. Starts at a full part, then takes that fragment's delta part and
 * the following ones in order ({@link #append}), wherever they come from: a {@link ReplayFile}
 * (see {@link Replayer}) or an HTTP broadcast ({@code /broadcast/{match}/{n}/full} once, then
 * {@code /{n}/delta}, {@code /{n+1}/delta}, …).
 *
 * <p>Invariant: every control message sent at or before {@link #tick()} among the appended parts
 * has been applied, so {@link #control()} is the roster and chat "as of that moment" (messages
 * sent at {@link #endTick()} after its frame arrive with the next delta part). Not
 * thread-safe. After a {@link BroadcastFormatException} the cursor stays at the last good tick.
 */
public final class StreamCursor {
    private final StreamInfo info;
    private final Deque<DeltaPart.Entry> pending = new ArrayDeque<>();
    private World world;
    private ControlState control;
    private int nextFragment;
    private int endTick;

    private StreamCursor(StreamInfo info, World world, ControlState control, int fragment) {
        this.info = info;
        this.world = world;
        this.control = control;
        this.nextFragment = fragment;
        this.endTick = world.tick();
    }

    /**
     * A cursor at the full part's tick. Append the same fragment's delta part next.
     *
     * @throws BroadcastFormatException if its snapshot does not decode
     */
    public static StreamCursor start(FullPart full) throws BroadcastFormatException {
        World world = decode(null, ByteBuffer.wrap(full.snapshot()), full.tick());
        return new StreamCursor(full.info(), world, full.control(), full.fragment());
    }

    /**
     * Queues the next delta part: first the start fragment's own, then each following one in order.
     *
     * @throws BroadcastFormatException if it is not the next fragment or does not continue at
     *                                  {@link #endTick()}, or a control message it brings is bad
     */
    public void append(DeltaPart delta) throws BroadcastFormatException {
        if (delta.fragment() != nextFragment || delta.fromTick() != endTick) {
            throw new BroadcastFormatException("expected delta part " + nextFragment + " from tick " + endTick
                    + ", got " + delta.fragment() + " from tick " + delta.fromTick());
        }
        pending.addAll(delta.entries());
        nextFragment++;
        endTick = delta.toTick();
        advanceTo(world.tick());
    }

    /**
     * Plays forward to {@code target}, applying frames and control messages in stream order.
     *
     * @throws IllegalArgumentException if {@code target} is before {@link #tick()} or after {@link #endTick()}
     * @throws BroadcastFormatException if a frame does not decode against the world before it
     */
    public void advanceTo(int target) throws BroadcastFormatException {
        if (target < world.tick() || target > endTick) {
            throw new IllegalArgumentException("tick " + target + " is outside " + world.tick() + ".." + endTick);
        }
        while (!pending.isEmpty() && pending.peekFirst().tick() <= target) {
            DeltaPart.Entry entry = pending.peekFirst();
            if (entry instanceof DeltaPart.Frame frame) {
                world = decode(world, frame.buffer(), frame.tick());
            } else if (entry instanceof DeltaPart.Control message) {
                control = control.apply(message.message());
            }
            pending.removeFirst();
        }
    }

    /** One tick forward, if the appended parts reach it; false at {@link #endTick()}. */
    public boolean step() throws BroadcastFormatException {
        if (world.tick() >= endTick) {
            return false;
        }
        advanceTo(world.tick() + 1);
        return true;
    }

    public StreamInfo info() {
        return info;
    }

    public int tick() {
        return world.tick();
    }

    /** The world at {@link #tick()}: exactly the server's. */
    public World world() {
        return world;
    }

    /** Roster and recent lines as of {@link #tick()}. */
    public ControlState control() {
        return control;
    }

    /** The furthest tick the appended parts reach. */
    public int endTick() {
        return endTick;
    }

    /** The number of the delta part {@link #append} expects next. */
    public int nextFragment() {
        return nextFragment;
    }

    private static World decode(World base, ByteBuffer frame, int tick) throws BroadcastFormatException {
        try {
            World next = StateCodec.apply(base, frame);
            if (next.tick() != tick) {
                throw new BroadcastFormatException("frame says tick " + next.tick() + " where " + tick + " belongs");
            }
            return next;
        } catch (ProtocolException e) {
            throw new BroadcastFormatException("state frame of tick " + tick + " does not decode: " + e.reason(), e);
        }
    }
}
