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
 * Radial glows and other round blobs painted once into small images and then copied. A software
 * renderer computes a gradient for every pixel it covers on every frame, which made the per-shot and
 * per-ship glows most of a frame; a copied image costs a blend per pixel. Each sprite is painted with
 * the very gradient it replaces, so it looks the same.
 */
final class Sprites {
    /** A sprite and the radius (pixels) it was painted at, around the centre of the image. */
    record Sprite(Image image, double radius) {
        /** Copies it centred on {@code (x, y)} at its own size, on whole pixels (no filtering). */
        void draw(GraphicsContext g, double x, double y) {
            double half = image.getWidth() / 2;
            g.drawImage(image, Math.round(x - half), Math.round(y - half));
        }

        /** Draws it centred on {@code (x, y)} stretched to {@code radius} pixels. */
        void draw(GraphicsContext g, double x, double y, double toRadius) {
            double f = toRadius / radius;
            double half = image.getWidth() / 2 * f;
            g.drawImage(image, x - half, y - half, half * 2, half * 2);
        }
    }

    private record Key(String kind, double radius, List<Stop> stops) {
    }

    private final Map<Key, Sprite> cache = new HashMap<>();

    /** A radial gradient of {@code radius} pixels from its centre; the last stop should be transparent. */
    Sprite gradient(double radius, Stop... stops) {
        return cache.computeIfAbsent(new Key("gradient", radius, List.of(stops)), k -> paint(radius,
                (g, c) -> {
                    g.setFill(new RadialGradient(0, 0, c, c, radius, false, CycleMethod.NO_CYCLE, stops));
                    g.fillOval(c - radius, c - radius, radius * 2, radius * 2);
                }));
    }

    /**
     * Anything else drawn around a centre within {@code radius} pixels, named so it is painted once;
     * the painter gets the centre's coordinate (the same on both axes).
     */
    Sprite painted(String name, double radius, Painter painter) {
        return cache.computeIfAbsent(new Key(name, radius, List.of()), k -> paint(radius, painter));
    }

    /** Forgets every sprite (the zoom changed: they would be drawn stretched). */
    void clear() {
        cache.clear();
    }

    private static Sprite paint(double radius, Painter painter) {
        int size = 2 * (int) Math.ceil(radius) + 2;
        Canvas canvas = new Canvas(size, size);
        painter.paint(canvas.getGraphicsContext2D(), size / 2.0);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        return new Sprite(canvas.snapshot(params, null), radius);
    }

    @FunctionalInterface
    interface Painter {
        void paint(GraphicsContext g, double centre);
    }
}
