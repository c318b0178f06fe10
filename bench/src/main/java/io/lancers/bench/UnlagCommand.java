package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import io.lancers.bench.load.Unlag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench unlag}: see its description and BENCHMARKS.md. */
@Command(name = "unlag", mixinStandardHelpOptions = true,
        description = "Perfect-aim shooter vs strafing target through a latency relay: hit rate with and without "
                + "lag compensation, press to shot seen.")
final class UnlagCommand implements Callable<Integer> {
    static final int[] RTTS = {0, 50, 150, 250};

    @Mixin
    Common common;

    @Option(names = "--seconds", description = "measured seconds per run (default 30, 6 with --quick)")
    Integer seconds;

    @Override
    public Integer call() throws Exception {
        int window = seconds != null ? seconds : common.quick ? 6 : 30;
        System.out.printf(Locale.ROOT, "Shooter behind the relay (RTT as given, jitter RTT/20 each way), target "
                + "strafing 1 s left / 1 s right, shots from within 700 units, 4 pairs in 4 rooms, %d s per run, 60 ticks/s; compensation = --max-unlag-ms.%n%n", window);
        System.out.println("| RTT ms | --max-unlag-ms | shots | hits | hit rate | press → shot seen p50 ms | p99 ms | samples |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int rtt : RTTS) {
            for (int unlag : new int[] {0, 150}) {
                Unlag.Result r = Unlag.run(rtt, unlag, window, 11);
                long[] sampled = Arrays.stream(r.shotNanos()).filter(n -> n > 0).toArray();
                Stats press = sampled.length == 0 ? null : Stats.of(sampled);
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %.1f %% | %s | %s | %d |%n", rtt, unlag,
                        r.shots(), r.hits(), 100 * r.hitRate(),
                        press == null ? "–" : String.format(Locale.ROOT, "%.0f", press.p50() / 1e6),
                        press == null ? "–" : String.format(Locale.ROOT, "%.0f", press.p99() / 1e6), sampled.length);
            }
        }
        return 0;
    }
}
