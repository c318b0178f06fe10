package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench replay}: see its description and BENCHMARKS.md. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay files of the reference match: MB per minute, fragment cutting cost per tick, seek time in a 5-minute replay.")
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--seeks", description = "random seeks timed (default: 1000, 100 with --quick)")
    Integer seeks;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path dir = Files.createDirectories(Path.of("target", "bench-replays"));
        ReferenceMatch minute = common.match();
        ReplayBench.Recording r = ReplayBench.record(minute, 3, dir.resolve("reference.lrp"));
        out.printf(Locale.ROOT, "Reference match: %d bots, %d Hz, %d ticks, 3 s fragments, recorded with ReplayWriter.%n%n",
                minute.players(), r.tickRate(), r.ticks());
        out.println("| file bytes | MB per minute | full parts | delta parts | fragments | tick thread: cut p50 µs/tick "
                + "| p99 | max | io thread: encode p50 µs/fragment | max |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        out.printf(Locale.ROOT, "| %d | %.2f | %.1f %% | %.1f %% | %d | %.1f | %.1f | %.1f | %.0f | %.0f |%n",
                r.fileBytes(), r.megabytesPerMinute(), 100.0 * r.fullBytes() / r.fileBytes(),
                100.0 * r.deltaBytes() / r.fileBytes(), r.fragments(), r.cut().p50() / 1e3, r.cut().p99() / 1e3,
                r.cut().max() / 1e3, r.encode().p50() / 1e3, r.encode().max() / 1e3);

        ReferenceMatch fiveMinutes = minute.withTicks(common.quick ? minute.ticks() : 5 * 60 * r.tickRate());
        Path longFile = dir.resolve("five-minutes.lrp");
        ReplayBench.Recording five = ReplayBench.record(fiveMinutes, 3, longFile);
        int timed = seeks != null ? seeks : common.quick ? 100 : 1000;
        Stats seek = ReplayBench.seek(longFile, timed, 42);
        out.printf(Locale.ROOT, "%nSeek to a random tick of a %.1f-minute replay (%d bytes): open once, %d timed seeks "
                + "(nearest full part, then deltas; the last 4 fragments read are kept).%n%n",
                fiveMinutes.ticks() / (double) five.tickRate() / 60, five.fileBytes(), timed);
        out.println("| seeks | p50 ms | p99 ms | max ms | goal |");
        out.println("|---:|---:|---:|---:|---|");
        out.printf(Locale.ROOT, "| %d | %s | well under 1000 |%n", timed, BenchMain.millisCells(seek, "%.2f"));
        return 0;
    }
}
