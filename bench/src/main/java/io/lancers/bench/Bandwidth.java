package io.lancers.bench;

import io.lancers.protocol.StateCodec;
import io.lancers.sim.World;

import java.nio.charset.StandardCharsets;

/**
 * What one receiver gets per tick over a match, three ways: our binary DELTA, a binary SNAPSHOT every
 * tick, and the whole world as Gson JSON every tick. Every figure is a WebSocket frame as it leaves
 * the server: payload plus unmasked frame header. The join snapshot (once per receiver) is left out:
 * this is the steady stream.
 */
public final class Bandwidth {
    private Bandwidth() {
    }

    /**
     * Bytes per tick of one match, per receiver.
     *
     * @param players  bots in the match
     * @param tickRate ticks per second, to turn bytes per tick into bytes per second
     * @param delta    wire bytes of each tick's DELTA frame
     * @param snapshot wire bytes of each tick's SNAPSHOT frame
     * @param json     wire bytes of each tick's world as a JSON text frame
     */
    public record Result(int players, int tickRate, long[] delta, long[] snapshot, long[] json) {

        public Stats deltaStats() {
            return Stats.of(delta);
        }

        public Stats snapshotStats() {
            return Stats.of(snapshot);
        }

        public Stats jsonStats() {
            return Stats.of(json);
        }

        public double bytesPerSecond(Stats perTick) {
            return perTick.mean() * tickRate;
        }

        /** Mean JSON full snapshot over mean delta: the goal is at least 20. */
        public double jsonOverDelta() {
            return jsonStats().mean() / deltaStats().mean();
        }

        public double snapshotOverDelta() {
            return snapshotStats().mean() / deltaStats().mean();
        }
    }

    public static Result measure(ReferenceMatch match) {
        ReferenceMatch.Run run = match.start();
        long[] delta = new long[match.ticks()];
        long[] snapshot = new long[match.ticks()];
        long[] json = new long[match.ticks()];
        World previous = run.world();
        for (int t = 0; t < match.ticks(); t++) {
            World next = run.step(run.decide());
            delta[t] = WebSocketFrames.serverFrameBytes(StateCodec.encodeDelta(previous, next).length);
            snapshot[t] = WebSocketFrames.serverFrameBytes(StateCodec.encodeSnapshot(next).length);
            json[t] = WebSocketFrames.serverFrameBytes(WorldJson.toJson(next).getBytes(StandardCharsets.UTF_8).length);
            previous = next;
        }
        return new Result(match.players(), match.config().tickRate(), delta, snapshot, json);
    }
}
