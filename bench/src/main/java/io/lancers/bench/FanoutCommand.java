package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import io.lancers.bench.load.Fanout;
import io.lancers.bench.load.NodePeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench fanout}: see its description and BENCHMARKS.md. */
@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "One room, 16 bots, N spectators over WebSockets on loopback; server in its own JVM.")
final class FanoutCommand implements Callable<Integer> {
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
        List<Fanout.Result> nodeResults = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (int n : ns) {
            Fanout.Result r = Fanout.run(n, ReferenceMatch.PLAYERS, window);
            results.add(r);
            verdicts.add(row(out, "lancers", r));
            verdicts.add(String.format(Locale.ROOT, "lancers, N = %d, server CPU by thread, µs per delivered frame "
                    + "(user/kernel): %s.", n, r.cost().byThreadGroupLine()));
            if (node) {
                Fanout.Result peer = Fanout.run(NodePeer::start, n, ReferenceMatch.PLAYERS, window);
                nodeResults.add(peer);
                verdicts.add(row(out, "node ws", peer));
            }
        }
        out.println();
        verdicts.forEach(out::println);
        out.println();
        FanoutGoal.lines(results, nodeResults).forEach(out::println);
        out.printf(Locale.ROOT, "%nFrames expected: the window's length at 60 Hz; a receiver gets one frame per tick when "
                + "the server keeps time and it keeps up, so every frame under that is a shortfall (a tick the server "
                + "did not run in time, a tick skipped while the server's sender or the receiver lagged, a frame lost "
                + "with a close). Server ticks/s: the ticks the probe spectator saw pass, per second. Receivers short: those under %.0f %%. "
                + "Catch-up snapshots: SNAPSHOT frames the spectators got in the window. Server CPU µs/frame: the "
                + "server process's CPU time in the window (all its threads) over the state frames it delivered "
                + "(spectators and probe); user and kernel from /proc/self/stat (NaN where unavailable); sender threads: "
                + "the CPU of the room's sender threads alone (match-<id>-send-<n>), i.e. the send path. "
                + "CPU by thread (the lines under the table, from /proc/self/task of the server): senders (the send "
                + "path), tick (the room's tick thread: simulation, bots, encoding, the fan-out's bookkeeping), network "
                + "(Grizzly's selectors and workers: reading the spectators' heartbeat acks), heartbeats, JIT (the "
                + "compiler threads, still compiling in a fresh server), GC+VM, other. "
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
        BenchMain.writeOrFail(chart, file);
        out.printf("%nChart: %s%n", file);
        return 0;
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
}
