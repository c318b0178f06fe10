package io.lancers.bench;

import io.lancers.protocol.StateCodec;
import io.lancers.sim.Input;
import io.lancers.sim.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one server tick costs on the tick thread, timed phase by phase over a match: the bots
 * deciding, the simulation step, and diff + encode of the DELTA (one call: the codec diffs while it
 * writes). The server's tick also sends, which is measured by the fan-out run, not here.
 */
public final class TickCost {
    private TickCost() {
    }

    /**
     * Per-tick durations in nanoseconds.
     *
     * @param players bots in the match
     * @param bots    all bots deciding their inputs
     * @param step    {@code Simulation.step}
     * @param encode  {@code StateCodec.encodeDelta}: diff and encode
     * @param total   step + encode: the figure the goal is about
     */
    public record Result(int players, Stats bots, Stats step, Stats encode, Stats total) {
    }

    /**
     * Plays {@code match} once untimed to warm the JIT, then {@code runs} times timed; each figure
     * is the median over the runs.
     */
    public static Result measure(ReferenceMatch match, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive, was " + runs);
        }
        play(match, null);
        List<List<Stats>> phases = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < runs; r++) {
            long[][] nanos = new long[phases.size()][match.ticks()];
            play(match, nanos);
            for (int p = 0; p < phases.size(); p++) {
                phases.get(p).add(Stats.of(nanos[p]));
            }
        }
        return new Result(match.players(), Stats.medianOf(phases.get(0)), Stats.medianOf(phases.get(1)),
                Stats.medianOf(phases.get(2)), Stats.medianOf(phases.get(3)));
    }

    /** One play; fills {@code nanos[bots|step|encode|total][tick]} unless it is null. */
    private static void play(ReferenceMatch match, long[][] nanos) {
        ReferenceMatch.Run run = match.start();
        World previous = run.world();
        long checksum = 0;
        for (int t = 0; t < match.ticks(); t++) {
            long t0 = System.nanoTime();
            Map<Integer, Input> inputs = run.decide();
            long t1 = System.nanoTime();
            World next = run.step(inputs);
            long t2 = System.nanoTime();
            byte[] frame = StateCodec.encodeDelta(previous, next);
            long t3 = System.nanoTime();
            checksum += frame.length;
            previous = next;
            if (nanos != null) {
                nanos[0][t] = t1 - t0;
                nanos[1][t] = t2 - t1;
                nanos[2][t] = t3 - t2;
                nanos[3][t] = t3 - t1;
            }
        }
        if (checksum <= 0) {
            throw new IllegalStateException("the match produced no frames");
        }
    }
}
