package io.lancers.client.render;

import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;

/**
 * Red at the screen's edges for the own ship being hit or low on health: a full-window radial gradient
 * painted once per window size. Its middle is clear, so each row is blended only left and right of its
 * clear run ({@code clearFrom} to {@code clearTo}), about half the pixels.
 */
record Vignette(Pixels pixels, int[] clearFrom, int[] clearTo) {

    static Vignette paint(int w, int h) {
        int width = Math.max(1, w);
        int height = Math.max(1, h);
        Pixels pixels = Sprites.sheet(new int[] {width}, new int[] {height}, (v, i) -> {
            v.setFill(new RadialGradient(0, 0, width / 2.0, height / 2.0, Math.hypot(width, height) / 2, false,
                    CycleMethod.NO_CYCLE, new Stop(0.55, Color.TRANSPARENT), new Stop(1, Color.web("#ff1e1e", 0.55))));
            v.fillRect(0, 0, width, height);
        })[0];
        return of(pixels);
    }

    /** The vignette {@code pixels}, with each row's clear run found. */
    static Vignette of(Pixels pixels) {
        int width = pixels.width();
        int height = pixels.height();
        int[] from = new int[height];
        int[] to = new int[height];
        int[] argb = pixels.argb();
        int mid = width / 2;
        for (int y = 0; y < height; y++) {
            // The clear run around the row's middle (empty when the middle pixel is not clear).
            int row = y * width;
            int left = mid;
            int right = mid;
            if (argb[row + mid] == 0) {
                while (left > 0 && argb[row + left - 1] == 0) {
                    left--;
                }
                while (right < width && argb[row + right] == 0) {
                    right++;
                }
            }
            from[y] = left;
            to[y] = right;
        }
        return new Vignette(pixels, from, to);
    }

    /** Blends it over the whole frame at {@code alpha} (0..255); the frame must be the vignette's size. */
    void draw(FrameBuffer frame, int alpha) {
        frame.blendRows(pixels, clearFrom, clearTo, alpha);
    }
}
