package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import io.lancers.bench.load.Reconnect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench reconnect}: see its description and BENCHMARKS.md. */
@Command(name = "reconnect", mixinStandardHelpOptions = true,
        description = "GameConnection through a relay that goes silent: time to notice, time back after the link returns.")
final class ReconnectCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Override
    public Integer call() throws Exception {
        int trials = common.quick ? 3 : 50;
        // Quick: a 250 ms heartbeat (750 ms timeout) so three outages fit in seconds.
        Duration interval = Duration.ofMillis(common.quick ? 250 : 1000);
        Reconnect.Result r = Reconnect.run(trials, interval);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%d outages; heartbeat every %d ms, timeout %d ms (announced by the server).%n%n",
                r.trials(), interval.toMillis(), r.timeoutMs());
        out.println("| | p50 ms | p99 ms | max ms | goal |");
        out.println("|---|---:|---:|---:|---|");
        out.printf(Locale.ROOT, "| silent → noticed (RECONNECTING) | %s | within the timeout (+ one check) |%n",
                BenchMain.millisCells(r.noticedNanos(), "%.0f"));
        out.printf(Locale.ROOT, "| restored → resumed, first world | %s | ≤ 1000 |%n", BenchMain.millisCells(r.backNanos(), "%.0f"));
        out.printf("%nEvery trial resumed the same player: %s%n", r.resumedAll());
        return 0;
    }
}
