package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import io.lancers.bench.load.Unlag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench unlag}: see its description and BENCHMARKS.md §9. */
@Command(name = "unlag", mixinStandardHelpOptions = true,
        description = "A duel at a fixed spot: a perfect-aim shooter (the client's own prediction code) behind a "
                + "latency relay vs a strafing target: fire to own shot drawn, prediction error, hit rate with "
                + "and without lag compensation.")
final class UnlagCommand implements Callable<Integer> {
    static final int[] RTTS = {0, 50, 150, 250};

    @Mixin
    Common common;

    @Option(names = "--seconds", description = "measured seconds per run (default 30, 6 with --quick)")
    Integer seconds;

    @Option(names = "--caps", split = ",", description = "--max-unlag-ms values to run at every RTT (default: 0,150)")
    int[] caps = {0, 150};

    @Override
    public Integer call() throws Exception {
        int window = seconds != null ? seconds : common.quick ? 6 : 30;
        System.out.printf(Locale.ROOT, "Duel on crossfire: shooter at (750, 560) behind the relay (RTT as given, "
                + "jitter RTT/20 each way, seed 11), target strafing across its lane 400 units below (legs of 67 "
                + "ticks); 4 pairs in 4 rooms, %d s per run once every pair is in place; 60 ticks/s, 60 frames/s; "
                + "cap = --max-unlag-ms.%n%n", window);
        System.out.println("| RTT ms | cap ms | server shots | hits | hit rate | fire → own shot drawn, frames p50 / max "
                + "| fire → server's shot arrives, frames p50 / p99 | prediction error units p50 / max "
                + "| server start − predicted, ticks p50 / max | confirmed | refused |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int rtt : RTTS) {
            for (int cap : caps) {
                Unlag.Result r = Unlag.run(rtt, cap, window, 11);
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %.1f %% | %s | %s | %s | %s | %d | %d |%n",
                        rtt, cap, r.shots(), r.hits(), 100 * r.hitRate(),
                        pair(r.framesToDrawn(), 0.5, 1.0, "%.0f"), pair(r.framesToServer(), 0.5, 0.99, "%.0f"),
                        pair(toDoubles(r.errorUnits()), 0.5, 1.0, "%.2f"), pair(r.lagTicks(), 0.5, 1.0, "%.0f"),
                        r.predicted(), r.refused());
            }
        }
        return 0;
    }

    private static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static String pair(int[] values, double lo, double hi, String format) {
        return pair(Arrays.stream(values).asDoubleStream().toArray(), lo, hi, format);
    }

    /** Two quantiles (nearest rank) of the values, "a / b"; "–" when there are none. */
    private static String pair(double[] values, double lo, double hi, String format) {
        if (values.length == 0) {
            return "–";
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, format + " / " + format, rank(sorted, lo), rank(sorted, hi));
    }

    private static double rank(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
