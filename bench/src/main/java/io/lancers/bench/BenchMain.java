package io.lancers.bench;

import io.lancers.bench.load.BroadcastOrigin;
import io.lancers.cache.Nginx;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

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
                BenchMain.BroadcastCommand.class, UnlagCommand.class})
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

    @Command(name = "broadcast", mixinStandardHelpOptions = true,
            description = "Origin load of the HTTP broadcast: N viewers straight from the server vs behind nginx (README's recipe).")
    static final class BroadcastCommand implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--viewers", split = ",", description = "viewer counts (default: 10,100,1000; 10,100 with --quick)")
        int[] viewers;

        @Option(names = "--fragments", description = "fragments each viewer follows (default: 10, 4 with --quick)")
        Integer fragments;

        @Option(names = "--readme", description = "README.md with the nginx recipe (default: ./README.md)")
        Path readme = Path.of("README.md");

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            int[] counts = viewers != null ? viewers : common.quick ? new int[]{10, 100} : new int[]{10, 100, 1000};
            int follow = fragments != null ? fragments : common.quick ? 4 : 10;
            ServerOptions config = ServerOptions.defaults().onLoopback().with(o -> {
                o.matches = 1;
                o.bots = 8;
                o.maxConnectionsPerAddress = 100_000;
                o.fragmentSeconds = 1;
                o.broadcastDelaySeconds = 2;
            });
            Optional<Path> nginxBinary = Nginx.binary();
            try (GameServer server = GameServer.start(config)) {
                out.printf("One room, 8 bots, 60 Hz, 1 s fragments, 2 s delay; each viewer follows %d fragments "
                        + "(arrivals spread over 3 s; a 404 is asked again after 200-300 ms).%n%n", follow);
                out.println("| viewers | via | parts fetched by viewers | origin part requests | distinct parts "
                        + "| origin requests per part | origin 404s | every tick played |");
                out.println("|---:|---|---:|---:|---:|---:|---:|---|");
                Nginx nginx = nginxBinary.isPresent()
                        ? Nginx.start(nginxBinary.get(), readme, server.port(), Path.of("target")) : null;
                try {
                    awaitServable(server);
                    for (int n : counts) {
                        row(out, BroadcastOrigin.run(server, null, n, follow));
                        if (nginx != null) {
                            row(out, BroadcastOrigin.run(server, nginx, n, follow));
                        }
                    }
                } finally {
                    if (nginx != null) {
                        nginx.close();
                    }
                }
                if (nginx == null) {
                    out.println("\nnginx is not installed: the rows behind the cache are missing.");
                }
            }
            return 0;
        }

        private static void row(PrintStream out, BroadcastOrigin.Result r) {
            out.printf(Locale.ROOT, "| %d | %s | %d | %d | %d | %.2f | %d | %s |%n", r.viewers(),
                    r.cached() ? "nginx" : "direct", r.partsFetched(), r.originRequests(), r.originParts(),
                    r.originRequestsPerPart(), r.originNotYet(), r.continuous() ? "yes" : "NO");
        }

        private static void awaitServable(GameServer server) throws InterruptedException {
            while (server.broadcasts().sync("m1").isEmpty()) {
                Thread.sleep(100);
            }
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
