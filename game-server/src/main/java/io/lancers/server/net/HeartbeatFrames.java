package io.lancers.server.net;

import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.SharedFrame;

import java.util.HashMap;
import java.util.Map;

/**
 * The heartbeats of one poll round, each encoded and framed once: every connection due in a round gets
 * the round's time and the tick of its last state frame, so a thousand spectators of one room share one
 * or two frames instead of a JSON encoding each (BENCHMARKS.md §3, issue 14 step 3). Heartbeat thread only.
 */
final class HeartbeatFrames {
    private final Map<Integer, SharedFrame> byTick = new HashMap<>();
    private long round = Long.MIN_VALUE;

    /** {@code heartbeat} with time {@code now} and {@code tick}; the frames of an earlier round are dropped. */
    SharedFrame at(long now, int tick) {
        if (now != round) {
            round = now;
            byTick.clear();
        }
        return byTick.computeIfAbsent(tick, t -> SharedFrame.text(ControlCodec.encode(new ServerMessage.Heartbeat(now, t))));
    }
}
