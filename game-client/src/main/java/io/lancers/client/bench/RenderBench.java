package io.lancers.client.bench;

import com.sun.javafx.perf.PerformanceTracker;
import com.sun.javafx.tk.RenderJob;
import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import com.sun.prism.GraphicsPipeline;
import io.lancers.client.ClientMain;
import io.lancers.client.audio.SoundBoard;
import io.lancers.client.render.ArenaRenderer;
import io.lancers.client.render.FrameTimes;
import io.lancers.client.ui.ClientWindow;
import io.lancers.client.ui.MatchView;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --render-bench}: the real match screen ({@link MatchView}: arena renderer, effects, HUD,
 * scoreboard held open, net stats panel) in a real 1280×800 window over a {@link BusyScene}, timed at two
 * paces, each in a JVM of its own (JavaFX fixes its pulse's pace when it starts).
 *
 * <p>{@link Pace#DISPLAY}, first: JavaFX's own pulse, 60 Hz, as in a match. A frame's time is from its
 * pulse's start to Prism's render thread done with that pulse's frame (a marker job queued on the render
 * thread right behind the frame's paint job); the arena in it was drawn by the painter from the pulse
 * before. Pulses that show no new arena frame are missed frames, counted.
 *
 * <p>{@link Pace#UNCAPPED}, last, the headline: JavaFX runs with {@code javafx.animation.fullspeed}, so a
 * pulse starts as soon as the previous one allows instead of every 16.7 ms. The arena is drawn on a thread
 * of its own ({@link io.lancers.client.render.ArenaPainter}); a pulse that finds it still drawing shows the
 * previous arena frame (and may render nothing), so a frame is a pulse that shows a new arena frame: the
 * interval between two such pulses' starts is the whole cost of a frame, whichever of the FX thread, the
 * painter and Prism's render thread was the longest. Those intervals, after a warm-up, are the frame
 * times; fps is arena frames shown over the measured time, uncapped.
 *
 * <p>At both paces CPU per frame is each thread's CPU time over the arena frames shown.
 */
public final class RenderBench {
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    private static final double WARM_UP_SECONDS = 2;
    private static final double MEASURE_SECONDS = 10;

    /** How fast JavaFX's pulses come. */
    public enum Pace {
        /** JavaFX's own pulse, 60 Hz, as in a match: a frame's time is its pulse's start to its frame rendered. */
        DISPLAY,
        /** Pulses as fast as the machine allows: a frame's time is the interval between new arena frames. */
        UNCAPPED,
        /** {@link #DISPLAY} in a JVM of its own, then {@link #UNCAPPED} here. */
        BOTH
    }

    private RenderBench() {
    }

    /** Opens the window, measures, prints, closes; returns the exit code. Blocks the calling thread. */
    public static int run(PrintStream out, Pace pace) throws InterruptedException, IOException {
        if (pace == Pace.BOTH) {
            int exit = runInOwnJvm(Pace.DISPLAY);
            if (exit != 0) {
                return exit;
            }
            out.println();
            return measure(out, Pace.UNCAPPED);
        }
        return measure(out, pace);
    }

    /** This bench at {@code pace} in a child JVM started as this one was, its output on ours. */
    private static int runInOwnJvm(Pace pace) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClientMain.class.getName(),
                "--render-bench", "--render-bench-pace=" + pace.name().toLowerCase(Locale.ROOT)));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static int measure(PrintStream out, Pace pace) throws InterruptedException {
        if (pace == Pace.UNCAPPED) {
            System.setProperty("javafx.animation.fullspeed", "true");
        }
        BusyScene scene = new BusyScene(WARM_UP_SECONDS + MEASURE_SECONDS + 1);
        CountDownLatch done = new CountDownLatch(1);
        Result[] result = new Result[1];
        Platform.startup(() -> start(scene, pace, r -> {
            result[0] = r;
            done.countDown();
        }));
        done.await();
        Platform.exit();
        Result r = result[0];
        out.printf("render bench: %d ships, %d projectiles, pickups, effects (%.1f live on average), HUD with "
                        + "scoreboard and net stats; map %s; %.0f s measured after %.0f s warm-up%n",
                BusyScene.SHIPS, BusyScene.PROJECTILES, r.meanEffects(), BusyScene.MAP, MEASURE_SECONDS,
                WARM_UP_SECONDS);
        if (pace == Pace.DISPLAY) {
            printDisplayPace(out, r);
        } else {
            printUncapped(out, r);
        }
        return 0;
    }

    private static void printDisplayPace(PrintStream out, Result r) {
        out.printf("60 Hz pace (JavaFX's own pulse, as in a match): %d pulses, %d showed a new arena frame, %d did not "
                + "(missed frames)%n", r.pulses(), r.arenaFrames(), Math.max(0, r.pulses() - r.arenaFrames()));
        out.printf("frame time = from a pulse's start to Prism's render thread done with its frame (the arena in it "
                + "drawn from the pulse before); %d frames%n", r.times().count());
        printCpu(out, r);
        r.slowFrames().printRendered(out);
        out.printf("60 Hz pace: frame p50 %.2f ms p90 %.2f ms p99 %.2f ms max %.2f ms, %.0f fps (pipeline %s, %dx%d)%n",
                r.times().percentileMillis(50), r.times().percentileMillis(90), r.times().percentileMillis(99),
                r.times().maxMillis(), r.arenaFrames() / MEASURE_SECONDS, r.pipeline(), WIDTH, HEIGHT);
    }

    private static void printUncapped(PrintStream out, Result r) {
        out.printf("frame time = interval between the starts of pulses that show a new arena frame, pulses uncapped "
                + "(javafx.animation.fullspeed); %d arena frames shown, %d frames rendered, %d pulses%n",
                r.arenaFrames(), r.rendered(), r.pulses());
        printCpu(out, r);
        r.slowFrames().print(out);
        out.printf("frame max %.2f ms%n", r.times().maxMillis());
        out.printf("frame p50 %.2f ms p99 %.2f ms, %.0f fps (pipeline %s, %dx%d)%n", r.times().percentileMillis(50),
                r.times().percentileMillis(99), r.arenaFrames() / MEASURE_SECONDS, r.pipeline(), WIDTH, HEIGHT);
    }

    private static void printCpu(PrintStream out, Result r) {
        long frames = Math.max(1, r.arenaFrames());
        out.printf("cpu per frame: %.2f ms on the render thread, %.2f ms on the FX thread, %.2f ms on the arena painter "
                        + "(thread CPU time over arena frames shown; less disturbed by a busy machine than frame times)%n",
                r.renderCpuNanos() / 1e6 / frames, r.fxCpuNanos() / 1e6 / frames, r.painterCpuNanos() / 1e6 / frames);
        out.printf("JIT in the measured %.0f s: compiler threads' CPU %s, compile time %d ms (elapsed, all compiler "
                        + "threads); they share the cores with the frame%n", MEASURE_SECONDS,
                r.compilerCpuMillis() < 0 ? "unknown (no /proc)" : r.compilerCpuMillis() + " ms",
                r.slowFrames().jitMillis());
        FrameTimes cpu = r.renderCpuPerFrame();
        out.printf("render thread CPU per frame: p50 %.2f ms p99 %.2f ms max %.2f ms (%d frames)%n",
                cpu.percentileMillis(50), cpu.percentileMillis(99), cpu.maxMillis(), cpu.count());
    }

    private record Result(FrameTimes times, long rendered, double meanEffects, String pipeline, long renderCpuNanos,
                          long fxCpuNanos, long painterCpuNanos, long arenaFrames, long pulses, FrameTimes renderCpuPerFrame,
                          SlowFrames slowFrames, long compilerCpuMillis) {
    }

    /**
     * The render thread's CPU time between two rendered frames, read on that thread as each frame is
     * done (Prism calls the tracker's rendered-frame task there): a per-frame cost that waiting for a
     * core does not inflate, so its p99 says what a frame costs on a quiet machine.
     */
    private static final class RenderThreadCpu {
        private final FrameTimes perFrame = new FrameTimes((int) (MEASURE_SECONDS * 2000));
        private final SlowFrames slowFrames;
        private long previous = -1;
        volatile boolean measuring;

        RenderThreadCpu(SlowFrames slowFrames) {
            this.slowFrames = slowFrames;
        }

        synchronized void frameRendered() {
            if (!Thread.currentThread().getName().startsWith("QuantumRenderer")) {
                return;
            }
            long now = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            if (measuring && previous >= 0) {
                perFrame.add(now - previous);
                slowFrames.rendered(now - previous);
            }
            previous = now;
        }

        synchronized FrameTimes perFrame() {
            return perFrame;
        }
    }

    /** CPU time so far of Prism's render thread, or -1 if it is not found. */
    private static long renderThreadCpuNanos() {
        return threadCpuNanos("QuantumRenderer");
    }

    /** CPU time so far of the thread whose name starts with {@code name}, or -1 if there is none. */
    private static long threadCpuNanos(String name) {
        long id = threadId(name);
        return id < 0 ? -1 : ManagementFactory.getThreadMXBean().getThreadCpuTime(id);
    }

    private static long renderThreadId() {
        return threadId("QuantumRenderer");
    }

    private static long threadId(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(name)) {
                return t.getId();
            }
        }
        return -1;
    }

    /**
     * Tells {@code slow} when a HUD part changes (a label's text, the progress bar, the kill feed's
     * lines): JavaFX then paints that part's cached image again on the render thread.
     */
    private static void watchHud(Scene scene, SlowFrames slow) {
        String[] ids = {"#hud-status", "#hud-timer", "#kill-feed", "#center-banner", "#net-stats", "#scoreboard"};
        for (int part = 0; part < ids.length; part++) {
            int bit = part;
            Node node = scene.lookup(ids[part]);
            if (node == null) {
                throw new IllegalStateException("no " + ids[part] + " in the match view");
            }
            watch(node, () -> slow.hudChanged(bit));
        }
    }

    private static void watch(Node node, Runnable changed) {
        if (node instanceof Labeled l) {
            l.textProperty().addListener((obs, was, is) -> changed.run());
        } else if (node instanceof ProgressBar bar) {
            bar.progressProperty().addListener((obs, was, is) -> changed.run());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) c -> {
                changed.run();
                while (c.next()) {
                    c.getAddedSubList().forEach(child -> watch(child, changed));
                }
            });
            for (Node child : p.getChildrenUnmodifiable()) {
                watch(child, changed);
            }
        }
    }

    /**
     * At the display's pace: each pulse's frame time, from the pulse's start to the render thread done with
     * the frame that pulse handed over. After each pulse (its paint job is queued by then) a marker job goes
     * onto the render thread's queue behind it; the marker reads the clock when the paint job is done. A
     * pulse with nothing to paint queues no paint job: its marker finds no new rendered frame and is skipped.
     */
    private static final class PulseToRendered {
        private final FrameTimes times;
        private final AtomicLong rendered;
        private long renderedAtLastMarker;
        private long pulseStart;
        volatile boolean measuring;

        PulseToRendered(FrameTimes times, AtomicLong rendered) {
            this.times = times;
            this.rendered = rendered;
        }

        /** On the FX thread, as a pulse's animation timers run. */
        void pulseStarted(long now) {
            pulseStart = now;
        }

        /** On the FX thread, after the pulse's scenes were synced (before its paint job is queued). */
        void synced() {
            long start = pulseStart;
            Platform.runLater(() -> Toolkit.getToolkit().addRenderJob(new RenderJob(() -> rendered(start))));
        }

        /** On the render thread. */
        private void rendered(long start) {
            long now = System.nanoTime();
            long count = rendered.get();
            if (count != renderedAtLastMarker) {
                renderedAtLastMarker = count;
                if (measuring) {
                    synchronized (times) {
                        times.add(now - start);
                    }
                }
            }
        }
    }

    private static void start(BusyScene busy, Pace pace, java.util.function.Consumer<Result> finish) {
        // The bot drives ship 1: the player's keys are not read in a benchmark.
        MatchView view = new MatchView(busy.joined(), busy, MatchView.Actions.watchOnly(() -> { }), SoundBoard.silent(),
                true, false, 200, () -> { });
        view.setAutoLowEffects(false); // the full look is what is timed
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(ClientWindow.class.getResource("lancers.css").toExternalForm());
        Stage stage = new Stage();
        stage.setTitle("Lancers render bench");
        stage.setResizable(false);
        stage.setScene(scene);
        stage.show();
        view.rosterFx(busy.roster());
        view.start();
        view.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, false, false, false));

        AtomicLong rendered = new AtomicLong();
        SlowFrames slow = new SlowFrames(renderThreadId());
        RenderThreadCpu renderCpu = new RenderThreadCpu(slow);
        PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.setOnRenderedFrameTask(() -> {
            rendered.incrementAndGet();
            renderCpu.frameRendered();
        });
        FrameTimes times = new FrameTimes((int) (MEASURE_SECONDS * 2000));
        PulseToRendered pulseToRendered = pace == Pace.DISPLAY ? new PulseToRendered(times, rendered) : null;
        watchHud(scene, slow);
        // After every scene's sync, before the render thread is given the frame: tags the frame it paints next.
        // The toolkit holds its listeners weakly; the timer below removes this one at the end, so keeps it.
        TKPulseListener handOver = () -> {
            slow.synced();
            if (pulseToRendered != null) {
                pulseToRendered.synced();
            }
        };
        Toolkit.getToolkit().addPostSceneTkPulseListener(handOver);
        new AnimationTimer() {
            private long first = -1;
            private long previous = -1;
            private long renderedAtStart;
            private double effects;
            private long renderCpuAtStart;
            private long fxCpuAtStart;
            private long painterCpuAtStart;
            private long compilerCpuAtStart;
            private long arenaFramesAtStart;
            private long shownBefore;
            private long shownAt;
            private long pulses;

            @Override
            public void handle(long now) {
                if (pulseToRendered != null) {
                    pulseToRendered.pulseStarted(now);
                }
                if (first < 0) {
                    first = now;
                }
                double t = (now - first) / 1e9;
                if (t >= WARM_UP_SECONDS) {
                    if (previous < 0) {
                        renderCpu.measuring = true;
                        if (pulseToRendered != null) {
                            pulseToRendered.measuring = true;
                        }
                        renderedAtStart = rendered.get();
                        renderCpuAtStart = renderThreadCpuNanos();
                        fxCpuAtStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                        painterCpuAtStart = threadCpuNanos("arena-painter");
                        compilerCpuAtStart = CompilerThreads.cpuMillis();
                        arenaFramesAtStart = view.arenaFramesShown();
                        shownBefore = arenaFramesAtStart;
                        shownAt = now;
                        slow.pulse(0, busy.lastKills(), view.lastFrameSummary().effects());
                    } else {
                        pulses++;
                        long shown = view.arenaFramesShown();
                        if (shown != shownBefore) {
                            if (pulseToRendered == null) {
                                times.add(now - shownAt);
                            }
                            shownBefore = shown;
                            shownAt = now;
                        }
                        ArenaRenderer.FrameSummary s = view.lastFrameSummary();
                        slow.pulse(now - previous, busy.lastKills(), s.effects());
                        effects += s.effects();
                    }
                    previous = now;
                }
                if (t >= WARM_UP_SECONDS + MEASURE_SECONDS) {
                    renderCpu.measuring = false;
                    if (pulseToRendered != null) {
                        pulseToRendered.measuring = false;
                    }
                    Toolkit.getToolkit().removePostSceneTkPulseListener(handOver);
                    stop();
                    // Read before the view stops its painter's thread.
                    long painterCpu = threadCpuNanos("arena-painter") - painterCpuAtStart;
                    long compilerCpu = compilerCpuAtStart < 0 ? -1 : CompilerThreads.cpuMillis() - compilerCpuAtStart;
                    view.stop();
                    String pipeline = GraphicsPipeline.getPipeline().getClass().getSimpleName()
                            .replace("Pipeline", "").toLowerCase(Locale.ROOT);
                    stage.close();
                    finish.accept(new Result(times, rendered.get() - renderedAtStart,
                            effects / Math.max(1, pulses), pipeline, renderThreadCpuNanos() - renderCpuAtStart,
                            ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - fxCpuAtStart,
                            painterCpu, view.arenaFramesShown() - arenaFramesAtStart, pulses,
                            renderCpu.perFrame(), slow, compilerCpu));
                }
            }
        }.start();
    }
}
