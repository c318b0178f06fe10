package io.lancers.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The measurement commands of BENCHMARKS.md. Each prints Markdown tables to standard output and
 * writes its charts as SVG; {@code --quick} runs a small form that finishes in seconds.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Lancers measurements on the recorded reference match; see BENCHMARKS.md.",
        subcommands = {BenchMain.BandwidthCommand.class, BenchMain.TickCostCommand.class,
                BenchMain.ExportCommand.class})
public final class BenchMain implements Runnable {
    static final int[] ALL_PLAYERS = {2, 8, 16, 32, 64};
    static final int[] QUICK_PLAYERS = {2, 16};
    static final int QUICK_TICKS = 300;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options every measurement takes. */
    static final class Common {
        @Option(names = "--quick", description = "a small form that finishes in seconds")
        boolean quick;

        @Option(names = "--out", description = "directory for charts (default: docs/bench, or target/bench-quick with --quick)")
        Path out;

        Path charts() {
            return out != null ? out : Path.of(quick ? "target/bench-quick" : "docs/bench");
        }

        ReferenceMatch match() {
            ReferenceMatch standard = ReferenceMatch.standard();
            return quick ? standard.withTicks(QUICK_TICKS) : standard;
        }

        int[] players() {
            return quick ? QUICK_PLAYERS : ALL_PLAYERS;
        }
    }

    @Command(name = "bandwidth", mixinStandardHelpOptions = true,
            description = "Bytes per tick and per second per receiver: DELTA vs SNAPSHOT vs JSON, 2..64 players.")
    static final class BandwidthCommand implements Runnable {
        @Mixin
        Common common;

        @Override
        public void run() {
            PrintStream out = System.out;
            ReferenceMatch match = common.match();
            out.printf("Reference match: map %s, seed %d, %d ticks at %d Hz. Wire bytes per receiver, "
                    + "WebSocket frame header included.%n%n", match.mapId(), match.seed(), match.ticks(),
                    match.config().tickRate());
            out.println("| players | DELTA B/tick mean | p50 | p99 | max | DELTA B/s | SNAPSHOT B/tick | SNAPSHOT B/s "
                    + "| JSON B/tick | JSON B/s | JSON ÷ DELTA | SNAPSHOT ÷ DELTA |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Bandwidth.Result reference = null;
            for (int players : common.players()) {
                Bandwidth.Result r = Bandwidth.measure(match.withPlayers(players));
                Stats d = r.deltaStats();
                Stats s = r.snapshotStats();
                Stats j = r.jsonStats();
                out.printf(Locale.ROOT, "| %d | %.1f | %d | %d | %d | %.0f | %.1f | %.0f | %.1f | %.0f | %.1f× | %.1f× |%n",
                        players, d.mean(), d.p50(), d.p99(), d.max(), r.bytesPerSecond(d), s.mean(),
                        r.bytesPerSecond(s), j.mean(), r.bytesPerSecond(j), r.jsonOverDelta(), r.snapshotOverDelta());
                if (players == ReferenceMatch.PLAYERS) {
                    reference = r;
                }
            }
            if (reference != null) {
                Path chart = common.charts().resolve("bandwidth-per-tick.svg");
                writeOrFail(bytesPerTickChart(reference, match), chart);
                out.printf("%nChart: %s%n", chart);
            }
        }

        /** Mean bytes per tick in 0.1 s windows: one point per six ticks keeps the SVG small. */
        private static SvgChart bytesPerTickChart(Bandwidth.Result r, ReferenceMatch match) {
            int window = Math.max(1, r.tickRate() / 10);
            SvgChart chart = new SvgChart("Bytes per tick per receiver, reference match (" + r.players() + " bots)",
                    "match time (s)", "bytes per tick", true);
            chart.add(windowed("JSON snapshot", r.json(), window, r.tickRate()));
            chart.add(windowed("binary SNAPSHOT", r.snapshot(), window, r.tickRate()));
            chart.add(windowed("binary DELTA", r.delta(), window, r.tickRate()));
            return chart;
        }

        private static SvgChart.Series windowed(String name, long[] perTick, int window, int tickRate) {
            int points = perTick.length / window;
            double[] xs = new double[points];
            double[] ys = new double[points];
            for (int p = 0; p < points; p++) {
                long sum = 0;
                for (int t = p * window; t < (p + 1) * window; t++) {
                    sum += perTick[t];
                }
                xs[p] = (p + 1) * window / (double) tickRate;
                ys[p] = sum / (double) window;
            }
            return new SvgChart.Series(name, xs, ys, false);
        }
    }

    @Command(name = "tickcost", mixinStandardHelpOptions = true,
            description = "Tick thread cost per tick: bots, simulation step, diff + encode; p50/p99/max in µs.")
    static final class TickCostCommand implements Runnable {
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
                    "µs per tick", false)
                    .add(new SvgChart.Series("p50", xs, results.stream().mapToDouble(r -> r.total().p50() / 1e3).toArray(), true))
                    .add(new SvgChart.Series("p99", xs, results.stream().mapToDouble(r -> r.total().p99() / 1e3).toArray(), true))
                    .add(new SvgChart.Series("bots p99", xs, results.stream().mapToDouble(r -> r.bots().p99() / 1e3).toArray(), true));
            Path file = common.charts().resolve("tick-cost.svg");
            writeOrFail(chart, file);
            out.printf("%nChart: %s%n", file);
        }

        private static String micros(long nanos) {
            return String.format(Locale.ROOT, "%.1f", nanos / 1e3);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the reference match as JSON lines, one world per tick (fields: see WorldJson).")
    static final class ExportCommand implements Runnable {
        @Mixin
        Common common;

        @Option(names = "--players", description = "bots in the match (default: 16)")
        int players = ReferenceMatch.PLAYERS;

        @Option(names = "--file", description = "output file (default: target/reference-match.jsonl)")
        Path file = Path.of("target/reference-match.jsonl");

        @Override
        public void run() {
            ReferenceMatch match = common.match().withPlayers(players);
            try {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    WorldJson.writeLines(match.worlds(), writer);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
            }
            System.out.printf("%d worlds (ticks 0..%d) of %s written to %s%n", match.ticks() + 1, match.ticks(),
                    match, file);
        }
    }

    static void writeOrFail(SvgChart chart, Path file) {
        try {
            chart.write(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
