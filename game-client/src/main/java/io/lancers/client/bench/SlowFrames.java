package io.lancers.client.bench;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Frame-by-frame attribution of the render bench's slow frames: for every frame interval, what else
 * happened in it, so a p99 can be explained by measurement instead of by reasoning from a profile.
 * Read on the FX thread once per pulse: the FX thread's and the render thread's CPU time in the
 * interval, garbage collections (count and pause time), JIT compile time, and whether the frame that
 * began the interval had a kill (a kill changes the scoreboard, the kill feed and a HUD box, so
 * cached HUD images are painted again). A few MXBean reads per pulse; nothing is allocated per pulse
 * beyond the record kept for the report.
 */
final class SlowFrames {
    /** The budget the issue names for a frame. */
    static final double BUDGET_MILLIS = 8;

    /** HUD parts whose cached image is painted again when their text changes, by bit. */
    static final List<String> HUD_PARTS = List.of("status", "timer", "kill feed", "banner", "net stats", "scoreboard");

    private record Interval(long wallNanos, long fxCpuNanos, long renderCpuNanos, long gcCount, long gcMillis,
                            long jitMillis, int kills, int hudChanged, int effects) {
        double ms() {
            return wallNanos / 1e6;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final long renderThreadId;
    private final List<Interval> intervals = new ArrayList<>(20_000);
    private long fxCpu;
    private long renderCpu;
    private long gcCount;
    private long gcMillis;
    private long jitMillis;
    private int killsAtStart;
    private int effectsAtStart;
    private int hudChanged;
    private int hudChangedAtStart;
    private boolean started;

    /** @param renderThreadId Prism's render thread, -1 if not found (its column is then 0) */
    SlowFrames(long renderThreadId) {
        this.renderThreadId = renderThreadId;
    }

    /** A HUD part ({@link #HUD_PARTS} index) changed in the frame being built: its cache is painted again. */
    void hudChanged(int part) {
        hudChanged |= 1 << part;
    }

    /**
     * One pulse on the FX thread: closes the interval since the previous pulse ({@code wallNanos}
     * long, 0 for the first) and opens the next one; {@code kills} is the frame just drawn's kill count,
     * {@code effects} its live effects (explosions, sparks, rings).
     */
    void pulse(long wallNanos, int kills, int effects) {
        long fx = threads.getCurrentThreadCpuTime();
        long render = renderThreadId < 0 ? 0 : threads.getThreadCpuTime(renderThreadId);
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean c : collectors) {
            count += Math.max(0, c.getCollectionCount());
            millis += Math.max(0, c.getCollectionTime());
        }
        long compiled = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        if (started) {
            intervals.add(new Interval(wallNanos, fx - fxCpu, render - renderCpu, count - gcCount,
                    millis - gcMillis, compiled - jitMillis, killsAtStart, hudChangedAtStart, effectsAtStart));
        }
        started = true;
        fxCpu = fx;
        renderCpu = render;
        gcCount = count;
        gcMillis = millis;
        jitMillis = compiled;
        killsAtStart = kills;
        effectsAtStart = effects;
        hudChangedAtStart = hudChanged;
        hudChanged = 0;
    }

    /** The report: how many frames are over budget, what they had in them, and the slowest ten. */
    void print(PrintStream out) {
        List<Interval> slow = intervals.stream().filter(i -> i.ms() > BUDGET_MILLIS).toList();
        double budgetNanos = BUDGET_MILLIS * 1e6;
        long gc = slow.stream().filter(i -> i.gcCount() > 0).count();
        long kill = slow.stream().filter(i -> i.kills() > 0).count();
        long render = slow.stream().filter(i -> i.renderCpuNanos() > budgetNanos).count();
        long fx = slow.stream().filter(i -> i.fxCpuNanos() > budgetNanos).count();
        long jitted = slow.stream().filter(i -> i.jitMillis() > 1).count();
        long waiting = slow.stream().filter(i -> Math.max(i.fxCpuNanos(), i.renderCpuNanos()) < 0.6 * i.wallNanos())
                .count();
        out.printf("slow frames (> %.0f ms): %d of %d; with a GC %d (GCs in all frames %d, %d ms), after a kill %d "
                        + "(kills in all frames %d), render thread CPU > %.0f ms %d, FX thread CPU > %.0f ms %d, "
                        + "JIT > 1 ms %d, mostly waiting (busiest thread < 60 %% of the interval) %d%n",
                BUDGET_MILLIS, slow.size(), intervals.size(), gc, intervals.stream().mapToLong(Interval::gcCount).sum(),
                intervals.stream().mapToLong(Interval::gcMillis).sum(), kill,
                intervals.stream().filter(i -> i.kills() > 0).count(), BUDGET_MILLIS, render, BUDGET_MILLIS, fx,
                jitted, waiting);
        out.printf("render thread CPU per frame: after a kill p50 %.2f ms, other frames p50 %.2f ms; "
                        + "FX thread: after a kill p50 %.2f ms, other frames p50 %.2f ms%n",
                median(intervals, true, Interval::renderCpuNanos), median(intervals, false, Interval::renderCpuNanos),
                median(intervals, true, Interval::fxCpuNanos), median(intervals, false, Interval::fxCpuNanos));
        long quietHud = intervals.stream().filter(i -> i.hudChanged() == 0).count();
        out.printf("frames after no HUD change: %d (slow %d), render thread CPU p50 %.2f ms p99 %.2f ms%n", quietHud,
                slow.stream().filter(i -> i.hudChanged() == 0).count(), percentile(intervals, 0, 50),
                percentile(intervals, 0, 99));
        for (int part = 0; part < HUD_PARTS.size(); part++) {
            int bit = 1 << part;
            out.printf("frames after a change of the %s: %d (slow %d), render thread CPU p50 %.2f ms p99 %.2f ms%n",
                    HUD_PARTS.get(part), intervals.stream().filter(i -> (i.hudChanged() & bit) != 0).count(),
                    slow.stream().filter(i -> (i.hudChanged() & bit) != 0).count(), percentile(intervals, bit, 50),
                    percentile(intervals, bit, 99));
        }
        out.println("slowest frames: wall ms | render CPU ms | FX CPU ms | GCs (pause ms) | JIT ms | kills before "
                + "| HUD parts changed before | effects");
        intervals.stream().sorted(Comparator.comparingLong(Interval::wallNanos).reversed()).limit(10)
                .forEach(i -> out.printf("  %7.2f | %6.2f | %6.2f | %d (%d) | %d | %d | %s | %d%n", i.ms(),
                        i.renderCpuNanos() / 1e6, i.fxCpuNanos() / 1e6, i.gcCount(), i.gcMillis(), i.jitMillis(),
                        i.kills(), parts(i.hudChanged()), i.effects()));
        double meanEffects = intervals.stream().mapToInt(Interval::effects).average().orElse(0);
        List<Interval> byRender = intervals.stream().sorted(Comparator.comparingLong(Interval::renderCpuNanos).reversed())
                .limit(Math.max(1, intervals.size() / 100)).toList();
        out.printf("the 1 %% of frames with the most render thread CPU (%d, from %.2f ms): effects live %.1f on average "
                        + "(all frames %.1f), after a kill %d, after a HUD change %d, with JIT > 1 ms %d%n",
                byRender.size(), byRender.get(byRender.size() - 1).renderCpuNanos() / 1e6,
                byRender.stream().mapToInt(Interval::effects).average().orElse(0), meanEffects,
                byRender.stream().filter(i -> i.kills() > 0).count(),
                byRender.stream().filter(i -> i.hudChanged() != 0).count(),
                byRender.stream().filter(i -> i.jitMillis() > 1).count());
    }

    private static String parts(int mask) {
        List<String> names = new ArrayList<>();
        for (int part = 0; part < HUD_PARTS.size(); part++) {
            if ((mask & 1 << part) != 0) {
                names.add(HUD_PARTS.get(part));
            }
        }
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    /** Render thread CPU percentile over the intervals after a change of {@code bits} (0: after no change). */
    private static double percentile(List<Interval> all, int bits, double p) {
        long[] v = all.stream().filter(i -> bits == 0 ? i.hudChanged() == 0 : (i.hudChanged() & bits) != 0)
                .mapToLong(Interval::renderCpuNanos).sorted().toArray();
        return v.length == 0 ? 0 : v[Math.max(0, (int) Math.ceil(p / 100 * v.length) - 1)] / 1e6;
    }

    private static double median(List<Interval> all, boolean afterKill,
                                 java.util.function.ToLongFunction<Interval> value) {
        long[] v = all.stream().filter(i -> (i.kills() > 0) == afterKill).mapToLong(value).sorted().toArray();
        return v.length == 0 ? 0 : v[v.length / 2] / 1e6;
    }
}
