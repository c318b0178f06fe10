package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import io.lancers.bench.load.Latency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench latency}: see its description and BENCHMARKS.md. */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Input sent to first frame acknowledging it (Ship.lastInputSeq), loopback.")
final class LatencyCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Override
    public Integer call() throws Exception {
        int inputs = common.quick ? 120 : 1800;
        Latency.Result r = Latency.run(inputs, ReferenceMatch.PLAYERS);
        System.out.printf(Locale.ROOT, "One player sending an input every 16.7 ms in a room of %d (bots fill the rest).%n%n",
                ReferenceMatch.PLAYERS);
        System.out.println("| inputs acknowledged | not acknowledged | p50 ms | p99 ms | max ms | goal p99 |");
        System.out.println("|---:|---:|---:|---:|---:|---|");
        System.out.printf(Locale.ROOT, "| %d | %d | %s | ≤ 17.67 ms (one tick + 1 ms) |%n", r.samples(), r.lost(),
                BenchMain.millisCells(r.nanos(), "%.2f"));
        return 0;
    }
}
