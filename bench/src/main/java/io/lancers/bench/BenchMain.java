package io.lancers.bench;

import io.lancers.bench.load.BroadcastOrigin;
import io.lancers.bench.load.Fanout;
import io.lancers.bench.load.Latency;
import io.lancers.bench.load.NodePeer;
import io.lancers.bench.load.Reconnect;
import io.lancers.bench.load.SlowReader;
import io.lancers.bench.load.Unlag;
import io.lancers.cache.Nginx;
import io.lancers.server.GameServer;
import io.lancers.server.ServerConfig;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The measurement commands of BENCHMARKS.md. Each prints Markdown tables to standard output and
 * writes its charts as SVG; {@code --quick} runs a small form that finishes in seconds.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Lancers measurements on the recorded reference match; see BENCHMARKS.md.",
        subcommands = {BenchMain.BandwidthCommand.class, BenchMain.TickCostCommand.class,
                BenchMain.ExportCommand.class, BenchMain.FanoutCommand.class, BenchMain.LatencyCommand.class,
                BenchMain.SlowReaderCommand.class, BenchMain.ReconnectCommand.class, BenchMain.ReplayCommand.class,
                BenchMain.BroadcastCommand.class, BenchMain.UnlagCommand.class})
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
            ReferenceMatch fieldsOf = match.withPlayers(ReferenceMatch.PLAYERS);
            out.printf("%nShip fields changed per ship-tick, %d bots (what every DELTA must carry):%n%n", fieldsOf.players());
            out.println("| field | changed in % of ship-ticks |");
            out.println("|---|---:|");
            FieldChanges.ofShips(fieldsOf).forEach((field, share) ->
                    out.printf(Locale.ROOT, "| %s | %.1f |%n", field, share * 100));
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
                    "µs per tick", true)
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

    @Command(name = "fanout", mixinStandardHelpOptions = true,
            description = "One room, 16 bots, N spectators over WebSockets on loopback; server in its own JVM.")
    static final class FanoutCommand implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--spectators", split = ",", description = "N values (default: 100,500,1000,2000; 10,50 with --quick)")
        int[] spectators;

        @Option(names = "--seconds", description = "measured window per N (default: 10, 2 with --quick)")
        Integer seconds;

        @Option(names = "--node", description = "after each N, the same spectators on a Node ws server sending the "
                + "same frames (bench/node: needs node and `npm --prefix bench/node install`)")
        boolean node;

        @Override
        public Integer call() throws Exception {
            int[] ns = spectators != null ? spectators : common.quick ? new int[] {10, 50} : new int[] {100, 500, 1000, 2000};
            Duration window = Duration.ofSeconds(seconds != null ? seconds : common.quick ? 2 : 10);
            PrintStream out = System.out;
            out.printf(Locale.ROOT, "One room, %d bots, 60 Hz; a fresh server JVM per N; %d s window after every spectator "
                    + "joined. Goal: every receiver gets >= %.0f %% of the frames expected.%n%n",
                    ReferenceMatch.PLAYERS, window.toSeconds(), Fanout.GOAL_SHARE * 100);
            out.println("| server | N | frames expected | **frames/receiver min** | p50 | min % of expected | **receivers short** "
                    + "| frames short | catch-up snapshots | closed | **server CPU µs/frame** | user µs | kernel µs "
                    + "| sender threads µs/frame | server CPU (cores) | tick start late p50 ms | **p99 ms** | max ms | server ticks/s | gaps | resyncs "
                    + "| arrival jitter p50 ms | p99 ms | live heap MB | server tick p50 ms | p99 ms | /status samples "
                    + "| load avg before |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:"
                    + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            List<Fanout.Result> results = new ArrayList<>();
            List<String> verdicts = new ArrayList<>();
            for (int n : ns) {
                Fanout.Result r = Fanout.run(n, ReferenceMatch.PLAYERS, window);
                results.add(r);
                verdicts.add(row(out, "lancers", r));
                if (node) {
                    verdicts.add(row(out, "node ws", Fanout.run(NodePeer::start, n, ReferenceMatch.PLAYERS, window)));
                }
            }
            out.println();
            verdicts.forEach(out::println);
            out.printf(Locale.ROOT, "%nFrames expected: the window's length at 60 Hz; a receiver gets one frame per tick when "
                    + "the server keeps time and it keeps up, so every frame under that is a shortfall (a tick the server "
                    + "did not run in time, a tick skipped while the server's sender or the receiver lagged, a frame lost "
                    + "with a close). Server ticks/s: the ticks the probe spectator saw pass, per second. Receivers short: those under %.0f %%. "
                    + "Catch-up snapshots: SNAPSHOT frames the spectators got in the window. Server CPU µs/frame: the "
                    + "server process's CPU time in the window (all its threads) over the state frames it delivered "
                    + "(spectators and probe); user and kernel from /proc/self/stat (NaN where unavailable); sender threads: "
                    + "the CPU of the room's sender threads alone (match-<id>-send-<n>), i.e. the send path. "
                    + "Load avg before: the machine's 1-minute load average as this N started: other work on the "
                    + "machine makes every figure worse; compare runs at similar load.%n",
                    Fanout.GOAL_SHARE * 100);
            out.printf(Locale.ROOT, "Server tick p50/p99: the tick's duration (sending not included) over the last 256 ticks "
                    + "at the window's end. Server tick start late: how long after its scheduled deadline a tick started, "
                    + "from /status, which covers the last 256 ticks (%.1f s at 60 Hz): read %.1f s into the window, "
                    + "then every %d s and at its end; the columns are the worst p50, the worst p99 and the highest max of "
                    + "those samples. The max is the maximum over every tick they covered; the p50/p99 are those of the "
                    + "worst 256-tick stretch sampled, not of the whole window. Windows shorter than %.1f s get one sample, "
                    + "which also covers ticks before the window. The node ws rows (--node): the same spectators and load "
                    + "client against bench/node/fanout-server.js, a Node ws server sending one shared %d-byte state frame "
                    + "per tick to each, simulating nothing; it has no /status and no sender threads (NaN).%n",
                    Fanout.STATUS_SPAN.toMillis() / 1e3, Fanout.STATUS_SPAN.toMillis() / 1e3,
                    Fanout.STATUS_INTERVAL.toSeconds(), Fanout.STATUS_SPAN.toMillis() / 1e3, NodePeer.FRAME_BYTES);
            double[] xs = results.stream().mapToDouble(Fanout.Result::spectators).toArray();
            SvgChart chart = new SvgChart("Frame arrival jitter at a probe spectator vs spectators", "spectators",
                    "ms", false)
                    .add(new SvgChart.Series("jitter p50", xs, results.stream().mapToDouble(r -> r.jitterNanos().p50() / 1e6).toArray(), true))
                    .add(new SvgChart.Series("jitter p99", xs, results.stream().mapToDouble(r -> r.jitterNanos().p99() / 1e6).toArray(), true))
                    .add(new SvgChart.Series("server tick p99", xs, results.stream().mapToDouble(Fanout.Result::tickP99Ms).toArray(), true))
                    .add(new SvgChart.Series("server tick start late p99 (worst sample)", xs,
                            results.stream().mapToDouble(r -> r.startLate().worstP99Ms()).toArray(), true));
            Path file = common.charts().resolve("fanout-jitter.svg");
            writeOrFail(chart, file);
            out.printf("%nChart: %s%n", file);
            return 0;
        }
    }

    /** Prints one fan-out row; returns its verdict line. */
    private static String row(PrintStream out, String server, Fanout.Result r) {
        Fanout.Delivery d = r.delivery();
        Fanout.ServerCost c = r.cost();
        Fanout.StartLate late = r.startLate();
        out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.2f "
                        + "| %.2f | %.2f | %.2f | %.1f | %d | %d | %.2f | %.2f | %.0f | %.2f | %.2f | %d | %.2f |%n",
                server, r.spectators(), d.expected(), d.frames().min(), d.frames().p50(), d.minShare() * 100,
                d.receiversShort(), d.framesShort(), d.snapshots(), d.closed(), c.microsPerFrame(),
                c.userMicrosPerFrame(), c.systemMicrosPerFrame(), c.senderMicrosPerFrame(), c.cores(),
                late.worstP50Ms(), late.worstP99Ms(), late.maxMs(), r.tickRate(), r.gaps(), r.resyncs(),
                r.jitterNanos().p50() / 1e6, r.jitterNanos().p99() / 1e6, r.heapUsedMb(), r.tickP50Ms(), r.tickP99Ms(),
                late.samples(), r.loadBefore());
        return String.format(Locale.ROOT, "%s, N = %d: %s", server, r.spectators(), d.verdict());
    }

    @Command(name = "latency", mixinStandardHelpOptions = true,
            description = "Input sent to first frame acknowledging it (Ship.lastInputSeq), loopback.")
    static final class LatencyCommand implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            int inputs = common.quick ? 120 : 1800;
            Latency.Result r = Latency.run(inputs, ReferenceMatch.PLAYERS);
            System.out.printf(Locale.ROOT, "One player sending an input every 16.7 ms in a room of %d (bots fill the rest).%n%n",
                    ReferenceMatch.PLAYERS);
            System.out.println("| inputs acknowledged | not acknowledged | p50 ms | p99 ms | max ms | goal p99 |");
            System.out.println("|---:|---:|---:|---:|---:|---|");
            System.out.printf(Locale.ROOT, "| %d | %d | %s | ≤ 17.67 ms (one tick + 1 ms) |%n", r.samples(), r.lost(),
                    millisCells(r.nanos(), "%.2f"));
            return 0;
        }
    }

    @Command(name = "unlag", mixinStandardHelpOptions = true,
            description = "Perfect-aim shooter vs strafing target through a latency relay: hit rate with and without "
                    + "lag compensation, press to shot seen.")
    static final class UnlagCommand implements Callable<Integer> {
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

    @Command(name = "slowreader", mixinStandardHelpOptions = true,
            description = "A spectator that never reads, beside healthy ones: server heap, healthy gaps, what the slow one got.")
    static final class SlowReaderCommand implements Callable<Integer> {
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

    @Command(name = "reconnect", mixinStandardHelpOptions = true,
            description = "GameConnection through a relay that goes silent: time to notice, time back after the link returns.")
    static final class ReconnectCommand implements Callable<Integer> {
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
                    millisCells(r.noticedNanos(), "%.0f"));
            out.printf(Locale.ROOT, "| restored → resumed, first world | %s | ≤ 1000 |%n", millisCells(r.backNanos(), "%.0f"));
            out.printf("%nEvery trial resumed the same player: %s%n", r.resumedAll());
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replay files of the reference match: MB per minute, fragment cutting cost per tick, seek time in a 5-minute replay.")
    static final class ReplayCommand implements Callable<Integer> {
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
            out.printf(Locale.ROOT, "| %d | %s | well under 1000 |%n", timed, millisCells(seek, "%.2f"));
            return 0;
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
            ServerConfig config = ServerConfig.defaults().withBindAddress("127.0.0.1")
                    .withPort(0).withDiscovery(false).withMatches(1).withBots(8)
                    .withMaxConnectionsPerAddress(100_000)
                    .withBroadcast(ServerConfig.defaults().broadcast()
                            .withFragmentLength(Duration.ofSeconds(1)).withDelay(Duration.ofSeconds(2)));
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
