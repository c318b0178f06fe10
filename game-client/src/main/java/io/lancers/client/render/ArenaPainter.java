package io.lancers.client.render;

import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Draws the arena on a thread of its own ({@code arena-painter}) while JavaFX shows the frame before:
 * the JavaFX thread hands a scene over and goes on with the HUD, and Prism's render thread presents the
 * previous picture meanwhile, so drawing no longer adds to the JavaFX thread's share of a frame.
 *
 * <p>Three {@link FrameBuffer}s take turns: the one shown, the one shown by the pulse before (Prism's render
 * thread may still be reading it: a pulse runs its animation timers before it waits for the previous
 * frame's rendering), and the one being drawn. Each pulse, on the JavaFX thread, {@link #frame} shows the
 * frame finished since the last pulse and starts the next; while a frame is still being drawn it starts
 * none, and the screen keeps the last picture (the pulse's scene is not drawn). It never waits for the
 * painter. The images the drawing needs are painted before it starts ({@link ArenaRenderer#prepare}),
 * while no drawing runs. A shown frame is one pulse older than the scene the pulse sampled.
 *
 * <p>Over the arena it draws the {@link Backplate}s it is given, the backgrounds of HUD boxes above it; which
 * ones the frame on screen has is {@link #shownPlates()}, so the HUD can tell whether a box's background is
 * there yet.
 */
public final class ArenaPainter {
    private static final Logger LOG = Logger.getLogger(ArenaPainter.class.getName());

    private final ArenaRenderer renderer;
    private final ImageView view = new ImageView();
    private final FrameBuffer[] buffers = new FrameBuffer[3];
    private ExecutorService thread;
    private Future<?> job;
    private int drawing = -1;
    private int shown = -1;
    private int shownBefore = -1;
    private long framesShown;
    /** The backplates in the frame being drawn, and in the one on screen. */
    private List<Backplate.Placed> drawingPlates = List.of();
    private List<Backplate.Placed> shownPlates = List.of();
    private boolean failureLogged;

    public ArenaPainter(ArenaRenderer renderer) {
        this.renderer = renderer;
    }

    /** The node showing the frames. */
    public ImageView view() {
        return view;
    }

    /** Frames drawn and shown so far (a pulse whose scene was skipped shows none). */
    public long framesShown() {
        return framesShown;
    }

    /**
     * Shows the frame drawn since the last call, if any, and starts drawing {@code scene} with {@code plates} over
     * it if the painter is free.
     */
    public void frame(SceneView scene, long nowNanos, double damage, List<Backplate.Placed> plates) {
        if (showFinished()) {
            renderer.prepare(scene);
            start((int) scene.camera().screenW(), (int) scene.camera().screenH(), plates, frame -> {
                renderer.render(frame, scene, nowNanos, damage);
                for (Backplate.Placed plate : plates) {
                    plate.draw(frame);
                }
            });
        }
    }

    /** The same with nothing but {@code color}: before the first world arrived. */
    public void blank(int width, int height, Color color) {
        if (showFinished()) {
            start(width, height, List.of(), frame -> frame.fill(color));
        }
    }

    /** The backplates in the frame on screen (the JavaFX thread's view: set when the frame is shown). */
    public List<Backplate.Placed> shownPlates() {
        return shownPlates;
    }

    /** Stops the painter's thread (the match view closed); a later frame starts it again. */
    public void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
            job = null;
        }
    }

    /** False while a frame is still being drawn; else shows the one finished, if any. */
    private boolean showFinished() {
        if (job == null) {
            return true;
        }
        if (!job.isDone()) {
            return false;
        }
        try {
            job.get();
            shownBefore = shown;
            shown = drawing;
            buffers[shown].changed();
            view.setImage(buffers[shown].image());
            shownPlates = drawingPlates;
            framesShown++;
        } catch (ExecutionException e) {
            // A bad frame must not take the window down; say it once, keep drawing.
            if (!failureLogged) {
                failureLogged = true;
                LOG.log(Level.WARNING, "drawing a frame failed; later failures are not logged", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        job = null;
        return true;
    }

    private void start(int width, int height, List<Backplate.Placed> plates, Consumer<FrameBuffer> draw) {
        int w = Math.max(1, width);
        int h = Math.max(1, height);
        if (buffers[0] == null || buffers[0].width() != w || buffers[0].height() != h) {
            // A new size: three new buffers; the one on screen stays until the first of them is shown.
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = new FrameBuffer(w, h);
            }
            shown = -1;
            shownBefore = -1;
        }
        drawing = 0;
        while (drawing == shown || drawing == shownBefore) {
            drawing++;
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "arena-painter");
                t.setDaemon(true);
                return t;
            });
        }
        FrameBuffer target = buffers[drawing];
        drawingPlates = plates;
        job = thread.submit(() -> draw.accept(target));
    }
}
