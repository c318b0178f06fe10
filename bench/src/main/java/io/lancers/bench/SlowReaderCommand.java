package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import io.lancers.bench.load.SlowReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench slowreader}: see its description and BENCHMARKS.md. */
@Command(name = "slowreader", mixinStandardHelpOptions = true,
        description = "A spectator that never reads, beside healthy ones: server heap, healthy gaps, what the slow one got.")
final class SlowReaderCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--bots", description = "bots in the room: more bots, bigger frames, a faster backlog (default: 64)")
    int bots = 64;

    @Option(names = "--seconds", description = "length of the run (default: 90, 8 with --quick)")
    Integer seconds;

    @Override
    public Integer call() throws Exception {
        Duration duration = Duration.ofSeconds(seconds != null ? seconds : common.quick ? 8 : 90);
        Duration drain = Duration.ofSeconds(common.quick ? 2 : 15);
        SlowReader.Result r = SlowReader.run(8, bots, duration, drain);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%d bots, 8 healthy spectators and one that never reads (4 KiB receive buffer), %d s; "
                + "then it reads its socket for %d s.%n%n", bots, duration.toSeconds(), drain.toSeconds());
        out.println("| server heap MB max | live heap MB (after GC) max | live heap MB last | healthy gaps | healthy frames min | p50 "
                + "| slow: let go after s | frames it read in the drain after | of which snapshots | close code it read |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        double max = r.heapMb().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double liveMax = r.liveHeapMb().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double liveLast = r.liveHeapMb().isEmpty() ? 0 : r.liveHeapMb().get(r.liveHeapMb().size() - 1);
        out.printf(Locale.ROOT, "| %.0f | %.0f | %.0f | %d | %d | %d | %s | %d | %d | %s |%n", max, liveMax, liveLast,
                r.healthyGaps(), r.healthyFrames().min(), r.healthyFrames().p50(),
                r.closedAfter() < 0 ? "not let go" : String.valueOf(r.closedAfter()), r.slowStateFrames(), r.slowSnapshots(),
                r.closeCode() < 0 ? "none read" : String.valueOf(r.closeCode()));
        out.printf("%nThe server's log on 4003: %s%n", r.serverSays().isEmpty() ? "nothing" : String.join(" / ", r.serverSays()));
        return 0;
    }
}
