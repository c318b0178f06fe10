package io.lancers.bench;

import io.lancers.bench.load.Fanout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FanoutGoalTest {
    private static Fanout.Result result(int n, long worstFrames, double lateP99Ms, double microsPerFrame) {
        Fanout.Delivery delivery = Fanout.Delivery.of(600, new long[] {600, worstFrames}, 0, Map.of(), 600);
        return new Fanout.Result(n, 1.0, delivery, 60, 0, 0, 0, Stats.of(new long[] {1}),
                new Fanout.ServerCost(0.5, microsPerFrame, microsPerFrame / 2, microsPerFrame / 2, Double.NaN, Map.of()),
                10, 0.5, 1, new Fanout.StartLate(0.1, lateP99Ms, lateP99Ms + 1, 3));
    }

    @Test
    void eachFigureSaysWhetherItMeetsTheGoal() {
        List<String> lines = FanoutGoal.lines(List.of(result(1000, 600, 1.5, 6.0), result(1500, 570, 3.0, 7.0)),
                List.of(result(1000, 600, Double.NaN, 7.0), result(1500, 600, Double.NaN, 6.5)));

        assertTrue(lines.get(1).startsWith("N = 1000: frames/receiver min 600 of 600 (100.0 %, met)"), lines.get(1));
        assertTrue(lines.get(1).contains("(p99 met)") && lines.get(1).endsWith("0.86x, met."), lines.get(1));
        assertTrue(lines.get(2).contains("(95.0 %, NOT met)") && lines.get(2).contains("(p99 NOT met)")
                && lines.get(2).endsWith("1.08x, NOT met."), lines.get(2));
        assertEquals("Highest N with every receiver >= 99 %: lancers 1000, node ws 1500 (of the N run; every smaller "
                + "N run held too).", lines.get(3));
    }

    @Test
    void theCompilerThreadsShareOfTheCpuIsNamed() {
        Fanout.Result fresh = result(1000, 600, 1.5, 6.0);
        Fanout.ServerCost cost = fresh.cost();
        Fanout.Result withJit = new Fanout.Result(1000, 1.0, fresh.delivery(), 60, 0, 0, 0, fresh.jitterNanos(),
                new Fanout.ServerCost(cost.cores(), cost.microsPerFrame(), cost.userMicrosPerFrame(),
                        cost.systemMicrosPerFrame(), Double.NaN, Map.of("JIT", new double[] {1.5, 0.1})),
                10, 0.5, 1, fresh.startLate());
        String line = FanoutGoal.lines(List.of(withJit), List.of()).get(1);
        assertTrue(line.contains("CPU 6.0 µs/frame (user 3.0, kernel 3.0; of it JIT compiler threads 1.6)"), line);
    }

    @Test
    void theHighestNStopsAtTheFirstThatFailed() {
        assertEquals("100", FanoutGoal.highestHeld(List.of(result(1000, 600, 1, 1), result(500, 500, 1, 1),
                result(100, 600, 1, 1))));
        assertEquals("none", FanoutGoal.highestHeld(List.of(result(100, 10, 1, 1))));
    }
}
