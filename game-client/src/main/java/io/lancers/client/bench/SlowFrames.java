package io.lancers.client.bench;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Frame-by-frame attribution of the render bench's slow frames: for every frame interval, what else
 * happened in it, so a p99 can be explained by measurement instead of by reasoning from a profile.
 * Read on the FX thread once per pulse: the FX thread's and the render thread's CPU time in the
 * interval, garbage collections (count and pause time), JIT compile time, and whether the frame that
 * began the interval had a kill (a kill changes the scoreboard, the kill feed and a HUD box, so
 * cached HUD images are painted again). A few MXBean reads per pulse; nothing is allocated per pulse
 * beyond the record kept for the report.
 *
 * <p>An interval between two pulses holds the end of one frame's painting and the start of the next,
 * so it cannot tell what a HUD change costs the render thread. For that, each rendered frame is also
 * kept with the render thread's CPU time it took (read on that thread as it finishes) and the HUD
 * changes and kills of the frame it painted: the FX thread tags the frame it has just handed over
 * ({@link #synced}, after the scene graph is copied for rendering and before the render thread may
 * start on it), and the next frame the render thread finishes is that one, since the next hand-over
 * waits for it.
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

    /** A frame the render thread painted: its CPU time and what the frame it painted had in it. */
    private record Rendered(long cpuNanos, int kills, int hudChanged, int effects) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final long renderThreadId;
    private final List<Interval> intervals = new ArrayList<>(20_000);
    private final List<Rendered> rendered = new ArrayList<>(20_000);
    /** The tag of the frame handed over to the render thread last: kills, HUD parts and effects, packed. */
    private volatile long handedOver;
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
     * On the FX thread, after the scene graph was copied for rendering: the frame the last {@link #pulse}
     * opened is the one the render thread paints next.
     */
    void synced() {
        handedOver = (long) killsAtStart << 48 | (long) Math.min(effectsAtStart, 0xffff) << 32 | hudChangedAtStart;
    }

    /** On the render thread, as it finishes a frame that took {@code cpuNanos} of its CPU time. */
    synchronized void rendered(long cpuNanos) {
        long tag = handedOver;
        rendered.add(new Rendered(cpuNanos, (int) (tag >>> 48), (int) tag, (int) (tag >>> 32) & 0xffff));
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

    /**
     * Milliseconds the JIT compilers spent compiling over the measured pulses (the JVM's total compilation
     * time, all compiler threads): on 2 cores each of them is a millisecond some frame waited for a core.
     */
    long jitMillis() {
        return intervals.stream().mapToLong(Interval::jitMillis).sum();
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
        // Pulses, not arena frames: a pulse that finds the painter still drawing shows no new arena frame, and
        // the headline frame times are over arena frames; these intervals are what the FX and render threads did.
        out.printf("slow pulse intervals (> %.0f ms): %d of %d pulses; with a GC %d (GCs in all frames %d, %d ms), after a kill %d "
                        + "(kills in all frames %d), render thread CPU > %.0f ms %d, FX thread CPU > %.0f ms %d, "
                        + "JIT > 1 ms %d, mostly waiting (busiest thread < 60 %% of the interval) %d%n",
                BUDGET_MILLIS, slow.size(), intervals.size(), gc, intervals.stream().mapToLong(Interval::gcCount).sum(),
                intervals.stream().mapToLong(Interval::gcMillis).sum(), kill,
                intervals.stream().filter(i -> i.kills() > 0).count(), BUDGET_MILLIS, render, BUDGET_MILLIS, fx,
                jitted, waiting);
        out.printf("FX thread CPU per interval: after a kill p50 %.2f ms, other intervals p50 %.2f ms%n",
                median(intervals, true, Interval::fxCpuNanos), median(intervals, false, Interval::fxCpuNanos));
        out.println("slowest pulse intervals: wall ms | render CPU ms | FX CPU ms | GCs (pause ms) | JIT ms | kills before "
                + "| HUD parts changed before | effects");
        intervals.stream().sorted(Comparator.comparingLong(Interval::wallNanos).reversed()).limit(10)
                .forEach(i -> out.printf("  %7.2f | %6.2f | %6.2f | %d (%d) | %d | %d | %s | %d%n", i.ms(),
                        i.renderCpuNanos() / 1e6, i.fxCpuNanos() / 1e6, i.gcCount(), i.gcMillis(), i.jitMillis(),
                        i.kills(), parts(i.hudChanged()), i.effects()));
        printRendered(out);
    }

    /** The render thread's CPU per rendered frame, by what the frame it painted had changed. */
    synchronized void printRendered(PrintStream out) {
        out.printf("render thread CPU per rendered frame, by what that frame had (%d frames; "
                + "with fewer than 100 frames the p99 is their max):%n", rendered.size());
        printRendered(out, "no HUD change, no kill", r -> r.hudChanged() == 0 && r.kills() == 0);
        printRendered(out, "a kill", r -> r.kills() > 0);
        printRendered(out, "a HUD change, no kill", r -> r.hudChanged() != 0 && r.kills() == 0);
        for (int part = 0; part < HUD_PARTS.size(); part++) {
            int bit = 1 << part;
            printRendered(out, "a change of the " + HUD_PARTS.get(part) + ", no kill",
                    r -> (r.hudChanged() & bit) != 0 && r.kills() == 0);
        }
        out.println("the rendered frames with the most render thread CPU: CPU ms | kills | HUD parts changed | effects");
        rendered.stream().sorted(Comparator.comparingLong(Rendered::cpuNanos).reversed()).limit(10)
                .forEach(r -> out.printf("  %6.2f | %d | %s | %d%n", r.cpuNanos() / 1e6, r.kills(),
                        parts(r.hudChanged()), r.effects()));
        if (rendered.isEmpty()) {
            return;
        }
        List<Rendered> top = rendered.stream().sorted(Comparator.comparingLong(Rendered::cpuNanos).reversed())
                .limit(Math.max(1, rendered.size() / 100)).toList();
        out.printf("the 1 %% of rendered frames with the most render thread CPU (%d, from %.2f ms): effects live %.1f "
                        + "on average (all frames %.1f), with a kill %d, with a HUD change %d%n",
                top.size(), top.get(top.size() - 1).cpuNanos() / 1e6,
                top.stream().mapToInt(Rendered::effects).average().orElse(0),
                rendered.stream().mapToInt(Rendered::effects).average().orElse(0),
                top.stream().filter(r -> r.kills() > 0).count(), top.stream().filter(r -> r.hudChanged() != 0).count());
    }

    private void printRendered(PrintStream out, String what, Predicate<Rendered> which) {
        long[] v = rendered.stream().filter(which).mapToLong(Rendered::cpuNanos).sorted().toArray();
        out.printf("  %s: %d frames, p50 %.2f ms p90 %.2f ms p99 %.2f ms max %.2f ms%n", what, v.length,
                percentile(v, 50), percentile(v, 90), percentile(v, 99), percentile(v, 100));
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

    /** Nearest rank of sorted values, in ms; 0 when there are none. */
    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private static double median(List<Interval> all, boolean afterKill,
                                 java.util.function.ToLongFunction<Interval> value) {
        long[] v = all.stream().filter(i -> (i.kills() > 0) == afterKill).mapToLong(value).sorted().toArray();
        return v.length == 0 ? 0 : v[v.length / 2] / 1e6;
    }
}
