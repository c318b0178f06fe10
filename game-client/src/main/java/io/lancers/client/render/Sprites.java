package io.lancers.client.render;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Radial glows and other round blobs painted once with JavaFX into small images, read into
 * {@link Pixels} and then blended into the {@link FrameBuffer}. Computing a gradient for every pixel
 * it covers on every frame made the per-shot and per-ship glows most of a frame; a copy costs a blend
 * per pixel. Each sprite is painted with the very gradient it replaces, so it looks the same.
 */
final class Sprites {
    /** A sprite and the radius (pixels) it was painted at, around the centre of the image. */
    record Sprite(Pixels pixels, double radius) {
        /** Blends it centred on {@code (x, y)} at its own size, on whole pixels (no filtering). */
        void draw(FrameBuffer frame, double x, double y) {
            double half = pixels.width() / 2.0;
            frame.blend(pixels, (int) Math.round(x - half), (int) Math.round(y - half), 255);
        }
    }

    /**
     * One radial gradient painted at every whole-pixel radius of a range and drawn unscaled at whole
     * pixels: a glow that grows or pulses picks the image of its radius instead of stretching one
     * image (a scaled copy filters every pixel, about three times the cost of a straight copy in
     * software). Painted at each radius with the very gradient, so it looks as the gradient did.
     */
    static final class Glow {
        private final Pixels[] byRadius;
        private final int min;
        private final int step;

        private Glow(Pixels[] byRadius, int min, int step) {
            this.byRadius = byRadius;
            this.min = min;
            this.step = step;
        }

        /** Centred on {@code (x, y)} at {@code radius} pixels (the nearest painted, kept in the range). */
        void draw(FrameBuffer frame, double x, double y, double radius) {
            draw(frame, x, y, radius, 255);
        }

        /** The same at {@code alpha} (0..255; at 0 it changes no pixel). */
        void draw(FrameBuffer frame, double x, double y, double radius, int alpha) {
            // No test of alpha 0 (an explosion's fireball faded out): first true late, at a match's first kill.
            if (radius < 0.5) {
                return;
            }
            int i = (int) Math.round((radius - min) / step);
            Pixels image = byRadius[Math.max(0, Math.min(byRadius.length - 1, i))];
            double half = image.width() / 2.0;
            frame.blend(image, (int) Math.round(x - half), (int) Math.round(y - half), alpha);
        }
    }

    private record Key(String name, double radius) {
    }

    private record GlowKey(int min, int max, List<Stop> stops) {
    }

    /** Sheets are at most this wide; a canvas can be a few thousand pixels on a side. */
    private static final int SHEET_WIDTH = 2048;
    /**
     * Pixels one glow may hold in all its sizes (16 MB): at 1280x800 the largest, the explosion's
     * fireball, needs a quarter of it at every whole radius; a much larger window paints every
     * few radii instead (at most half that step off, on a large glow).
     */
    private static final long GLOW_PIXELS = 4_000_000;

    private final Map<Key, Sprite> cache = new HashMap<>();
    private final Map<GlowKey, Glow> glows = new HashMap<>();

    /**
     * A radial gradient (the last stop should be transparent) at every whole-pixel radius from
     * {@code minRadius} to {@code maxRadius}, all painted on one sheet with a single snapshot.
     */
    Glow glow(double minRadius, double maxRadius, Stop... stops) {
        int min = Math.max(1, (int) Math.floor(minRadius));
        int max = Math.max(min, (int) Math.ceil(maxRadius));
        return glows.computeIfAbsent(new GlowKey(min, max, List.of(stops)), k -> {
            int step = 1;
            while (glowPixels(min, max, step) > GLOW_PIXELS) {
                step++;
            }
            int[] sizes = new int[(max - min) / step + 1];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = 2 * (min + i * step) + 2;
            }
            return new Glow(sheet(sizes, sizes, (g, i) -> {
                double c = sizes[i] / 2.0;
                double radius = (sizes[i] - 2) / 2.0;
                g.setFill(new RadialGradient(0, 0, c, c, radius, false, CycleMethod.NO_CYCLE, stops));
                g.fillOval(c - radius, c - radius, radius * 2, radius * 2);
            }), min, step);
        });
    }

    private static long glowPixels(int min, int max, int step) {
        long sum = 0;
        for (int r = min; r <= max; r += step) {
            sum += (2L * r + 2) * (2L * r + 2);
        }
        return sum;
    }

    /**
     * Anything else drawn around a centre within {@code radius} pixels, named so it is painted once;
     * the painter gets the centre's coordinate (the same on both axes).
     */
    Sprite painted(String name, double radius, Painter painter) {
        return cache.computeIfAbsent(new Key(name, radius), k -> paint(radius, painter));
    }

    /** Forgets every sprite (the zoom changed: they would be drawn stretched). */
    void clear() {
        cache.clear();
        glows.clear();
    }

    /**
     * Paints images of the given sizes side by side on one canvas and cuts them apart: one snapshot
     * (a render pass, and a wait for the render thread) for all of them instead of one each. The
     * painter draws image {@code i} with its top left corner at the origin.
     */
    static Pixels[] sheet(int[] widths, int[] heights, SheetPainter painter) {
        int n = widths.length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        int x = 0;
        int y = 0;
        int rowHeight = 0;
        int sheetWidth = 1;
        for (int i = 0; i < n; i++) {
            if (x > 0 && x + widths[i] > SHEET_WIDTH) {
                x = 0;
                y += rowHeight + 1;
                rowHeight = 0;
            }
            xs[i] = x;
            ys[i] = y;
            x += widths[i] + 1; // a clear pixel between neighbours, so no edge bleeds into the next
            rowHeight = Math.max(rowHeight, heights[i]);
            sheetWidth = Math.max(sheetWidth, x);
        }
        Canvas canvas = new Canvas(sheetWidth, Math.max(1, y + rowHeight));
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int i = 0; i < n; i++) {
            g.save();
            g.translate(xs[i], ys[i]);
            painter.paint(g, i);
            g.restore();
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        Image sheet = canvas.snapshot(params, null);
        Pixels[] out = new Pixels[n];
        for (int i = 0; i < n; i++) {
            out[i] = Pixels.of(sheet, (int) xs[i], (int) ys[i], widths[i], heights[i]);
        }
        return out;
    }

    private static Sprite paint(double radius, Painter painter) {
        int size = 2 * (int) Math.ceil(radius) + 2;
        Canvas canvas = new Canvas(size, size);
        painter.paint(canvas.getGraphicsContext2D(), size / 2.0);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        return new Sprite(Pixels.of(canvas.snapshot(params, null)), radius);
    }

    @FunctionalInterface
    interface SheetPainter {
        void paint(GraphicsContext g, int index);
    }

    @FunctionalInterface
    interface Painter {
        void paint(GraphicsContext g, double centre);
    }
}
