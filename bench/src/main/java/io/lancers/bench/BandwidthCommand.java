package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** {@code bench bandwidth}: see its description and BENCHMARKS.md. */
@Command(name = "bandwidth", mixinStandardHelpOptions = true,
        description = "Bytes per tick and per second per receiver: DELTA vs SNAPSHOT vs JSON, 2..64 players.")
final class BandwidthCommand implements Runnable {
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
        ReferenceMatch fieldsOf = match.withPlayers(ReferenceMatch.PLAYERS);
        out.printf("%nShip fields changed per ship-tick, %d bots (what every DELTA must carry):%n%n", fieldsOf.players());
        out.println("| field | changed in % of ship-ticks |");
        out.println("|---|---:|");
        FieldChanges.ofShips(fieldsOf).forEach((field, share) ->
                out.printf(Locale.ROOT, "| %s | %.1f |%n", field, share * 100));
        if (reference != null) {
            Path chart = common.charts().resolve("bandwidth-per-tick.svg");
            BenchMain.writeOrFail(bytesPerTickChart(reference, match), chart);
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
