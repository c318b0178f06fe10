package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code bench tickcost}: see its description and BENCHMARKS.md. */
@Command(name = "tickcost", mixinStandardHelpOptions = true,
        description = "Tick thread cost per tick: bots, simulation step, diff + encode; p50/p99/max in µs.")
final class TickCostCommand implements Runnable {
    @Mixin
    Common common;

    @Option(names = "--runs", description = "timed runs per player count; figures are medians (default: 3, 1 with --quick)")
    Integer runs;

    @Override
    public void run() {
        PrintStream out = System.out;
        ReferenceMatch match = common.match();
        int timedRuns = runs != null ? runs : common.quick ? 1 : 3;
        out.printf("Reference match, %d ticks, one warm-up play then the median of %d timed plays. µs per tick.%n%n",
                match.ticks(), timedRuns);
        out.println("| players | step+encode p50 | p99 | max | step p50 | step p99 | encode p50 | encode p99 "
                + "| bots p50 | bots p99 |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<TickCost.Result> results = new ArrayList<>();
        for (int players : common.players()) {
            TickCost.Result r = TickCost.measure(match.withPlayers(players), timedRuns);
            results.add(r);
            out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", players,
                    micros(r.total().p50()), micros(r.total().p99()), micros(r.total().max()),
                    micros(r.step().p50()), micros(r.step().p99()), micros(r.encode().p50()),
                    micros(r.encode().p99()), micros(r.bots().p50()), micros(r.bots().p99()));
        }
        double[] xs = results.stream().mapToDouble(TickCost.Result::players).toArray();
        SvgChart chart = new SvgChart("Tick cost vs players (simulation step + diff + encode)", "players",
                "µs per tick", true)
                .add(new SvgChart.Series("p50", xs, results.stream().mapToDouble(r -> r.total().p50() / 1e3).toArray(), true))
                .add(new SvgChart.Series("p99", xs, results.stream().mapToDouble(r -> r.total().p99() / 1e3).toArray(), true))
                .add(new SvgChart.Series("bots p99", xs, results.stream().mapToDouble(r -> r.bots().p99() / 1e3).toArray(), true));
        Path file = common.charts().resolve("tick-cost.svg");
        BenchMain.writeOrFail(chart, file);
        out.printf("%nChart: %s%n", file);
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e3);
    }
}
