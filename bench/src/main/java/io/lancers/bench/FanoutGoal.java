package io.lancers.bench;

import io.lancers.bench.load.Fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fan-out's figures against issue 14's goal, one line each: per N, frames per receiver, tick start
 * lateness and CPU per delivered frame beside the Node {@code ws} peer's at the same N; then the highest N
 * at which every receiver still got its share. Each line says met or NOT met: a figure that misses is
 * never left for the reader to spot in the table.
 */
final class FanoutGoal {
    /** Tick start late p99 the goal allows. */
    static final double TICK_LATE_P99_MS = 2.0;

    private FanoutGoal() {
    }

    /** @param node the Node peer's results, one per N in the same order, or none */
    static List<String> lines(List<Fanout.Result> lancers, List<Fanout.Result> node) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Goal (issue 14): every receiver >= %.0f %% of the frames, tick start late "
                + "p99 <= %.0f ms, server CPU per delivered frame <= Node ws's.", Fanout.GOAL_SHARE * 100, TICK_LATE_P99_MS));
        for (int i = 0; i < lancers.size(); i++) {
            Fanout.Result r = lancers.get(i);
            Fanout.ServerCost c = r.cost();
            double lateP99 = r.startLate().worstP99Ms();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "N = %d: frames/receiver min %d of %d (%.1f %%, %s); tick start late p50/p99/max %.2f/%.2f/%.2f ms "
                            + "(p99 %s); CPU %.1f µs/frame (user %.1f, kernel %.1f%s)",
                    r.spectators(), r.delivery().frames().min(), r.delivery().expected(), r.delivery().minShare() * 100,
                    metIf(r.delivery().receiversShort() == 0), r.startLate().worstP50Ms(), lateP99,
                    r.startLate().maxMs(), metIf(lateP99 <= TICK_LATE_P99_MS), c.microsPerFrame(),
                    c.userMicrosPerFrame(), c.systemMicrosPerFrame(), jitShare(c)));
            peerAt(node, r.spectators()).ifPresent(peer -> line.append(String.format(Locale.ROOT,
                    " vs node ws %.1f (user %.1f, kernel %.1f): %.2fx, %s", peer.cost().microsPerFrame(),
                    peer.cost().userMicrosPerFrame(), peer.cost().systemMicrosPerFrame(),
                    c.microsPerFrame() / peer.cost().microsPerFrame(),
                    metIf(c.microsPerFrame() <= peer.cost().microsPerFrame()))));
            lines.add(line + ".");
        }
        lines.add("Highest N with every receiver >= " + String.format(Locale.ROOT, "%.0f", Fanout.GOAL_SHARE * 100)
                + " %: lancers " + highestHeld(lancers) + (node.isEmpty() ? "" : ", node ws " + highestHeld(node))
                + " (of the N run; every smaller N run held too).");
        return lines;
    }

    /** "; of it JIT compiler threads 2.1": a fresh server's warm-up, counted like the rest; empty where not measured. */
    private static String jitShare(Fanout.ServerCost cost) {
        double[] jit = cost.byThreadGroup().get("JIT");
        return jit == null ? "" : String.format(Locale.ROOT, "; of it JIT compiler threads %.1f", jit[0] + jit[1]);
    }

    /** The highest N run up to which every N run held the goal's share; "none" if the smallest did not. */
    static String highestHeld(List<Fanout.Result> results) {
        List<Fanout.Result> byN = results.stream()
                .sorted((a, b) -> Integer.compare(a.spectators(), b.spectators())).toList();
        String held = "none";
        for (Fanout.Result r : byN) {
            if (r.delivery().receiversShort() > 0) {
                break;
            }
            held = String.valueOf(r.spectators());
        }
        return held;
    }

    private static Optional<Fanout.Result> peerAt(List<Fanout.Result> node, int spectators) {
        return node.stream().filter(peer -> peer.spectators() == spectators).findFirst();
    }

    private static String metIf(boolean met) {
        return met ? "met" : "NOT met";
    }
}
