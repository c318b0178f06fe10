package io.lancers.server.broadcast;

import io.lancers.broadcast.Fragment;
import io.lancers.broadcast.FragmentCutter;
import io.lancers.broadcast.StreamInfo;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.StreamTap;
import io.lancers.sim.World;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One room's stream tap: cuts fragments on the tick thread and hands each, once complete, to the
 * broadcast store and the recorder (either may be absent), which encode and write it on the io thread. A fault here is logged once and ends this room's
 * broadcast and recording, never its game.
 */
final class MatchStream implements StreamTap {
    private static final Logger LOG = Logger.getLogger(MatchStream.class.getName());

    private final FragmentCutter cutter;
    private final Clock clock;
    private final Executor io;
    private final FragmentStore store;
    private final Recorder recorder;
    /** The round of the fragment being cut: a recording starts a new file with a new round. */
    private int fragmentRound = -1;
    private boolean broken;
    private boolean closed;

    /** @param io encodes fragments for the store (and writes the recording): not the tick thread's job */
    MatchStream(StreamInfo info, Clock clock, Executor io, FragmentStore store, Recorder recorder) {
        // Numbered from the Unix second the stream starts: URLs never repeat across restarts.
        this.cutter = new FragmentCutter(info, Math.toIntExact(clock.instant().getEpochSecond()));
        this.clock = clock;
        this.io = io;
        this.store = store;
        this.recorder = recorder;
    }

    StreamInfo info() {
        return cutter.info();
    }

    /** This room's fragments for HTTP, or null when the broadcast is off. */
    FragmentStore store() {
        return store;
    }

    @Override
    public void frame(World world, ByteBuffer delta) {
        if (broken) {
            return;
        }
        try {
            byte[] bytes = new byte[delta.remaining()];
            delta.get(bytes);
            if (recorder != null) {
                recorder.world(world);
            }
            if (fragmentRound < 0) {
                fragmentRound = world.match().round();
            }
            Fragment done = cutter.frame(world, bytes);
            if (done != null) {
                publish(done);
                fragmentRound = world.match().round();
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void control(ServerMessage message) {
        if (broken) {
            return;
        }
        try {
            cutter.control(message);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void mapChanged(String mapId) {
        if (broken) {
            return;
        }
        try {
            cutter.mapChanged(mapId);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** After the room has stopped: the last fragment goes to the recording, which is finished. */
    void close() {
        if (closed || broken) {
            return;
        }
        closed = true;
        Fragment last = cutter.finish();
        if (recorder != null) {
            recorder.close(last, fragmentRound, cutter.control().roster());
        }
    }

    private void publish(Fragment fragment) {
        if (store != null) {
            long completedAt = clock.millis();
            io.execute(() -> store.add(fragment, completedAt));
        }
        if (recorder != null) {
            recorder.fragment(fragment, fragmentRound, cutter.control().roster());
        }
    }

    private void fail(RuntimeException e) {
        broken = true;
        LOG.log(Level.SEVERE, cutter.info().matchId() + ": broadcast and recording of this match stopped", e);
    }
}
