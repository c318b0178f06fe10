package io.lancers.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code bench} command: the measurements of BENCHMARKS.md, one subcommand class each
 * ({@code BandwidthCommand}, {@code FanoutCommand}...), with the options they all take
 * ({@link Common}) and the report helpers they share. Each prints Markdown tables to standard
 * output and writes its charts as SVG; {@code --quick} runs a small form that finishes in seconds.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Lancers measurements on the recorded reference match; see BENCHMARKS.md.",
        subcommands = {BandwidthCommand.class, TickCostCommand.class, ExportCommand.class, FanoutCommand.class,
                LatencyCommand.class, SlowReaderCommand.class, ReconnectCommand.class, ReplayCommand.class,
                BroadcastCommand.class, UnlagCommand.class})
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

    /** Table cells "p50 | p99 | max" of nanosecond samples, in milliseconds, each in {@code format}. */
    static String millisCells(Stats nanos, String format) {
        return String.format(Locale.ROOT, format + " | " + format + " | " + format,
                nanos.p50() / 1e6, nanos.p99() / 1e6, nanos.max() / 1e6);
    }

    static void writeOrFail(SvgChart chart, Path file) {
        try {
            chart.write(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
