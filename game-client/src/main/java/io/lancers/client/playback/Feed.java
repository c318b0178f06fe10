package io.lancers.client.playback;

import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.StreamInfo;

import java.util.List;

/**
 * Where a played-back match comes from: a replay file ({@link ReplayFeed}) or a delayed HTTP
 * broadcast ({@link BroadcastFeed}). A feed loads moments on a thread of its own, around the tick
 * playback asks for; the frame loop only reads what is loaded, so it never waits on a disk or a
 * network. Thread-safe.
 */
public interface Feed extends AutoCloseable {
    StreamInfo info();

    /** The first tick that can be played. */
    int firstTick();

    /** The last tick that can be played now; a broadcast's grows. */
    int lastTick();

    /** Whether playback may move anywhere between the first and last tick (a replay), or only play on. */
    boolean seekable();

    /** The moment at {@code tick} if it is loaded, else null. Never blocks. */
    Moment moment(int tick);

    /** Playback is at {@code tick} now: have it and the ticks after it loaded soon. Never blocks. */
    void want(int tick);

    /** The kills of the stream known so far, for the timeline. */
    List<ReplayFile.Kill> kills();

    /** What people should know about this stream now (damage, incompleteness, a lost server), or null. */
    String status();

    /** Stops loading and lets go of the file or the connection. */
    @Override
    void close();
}
