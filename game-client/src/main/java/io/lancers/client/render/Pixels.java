package io.lancers.client.render;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/**
 * A picture as premultiplied ARGB ints, row by row: a sprite read once from a JavaFX image, so that
 * drawing it into the {@link FrameBuffer} is plain Java with no JavaFX call per frame.
 */
record Pixels(int[] argb, int width, int height) {

    Pixels {
        if (argb.length < width * height) {
            throw new IllegalArgumentException(width + "x" + height + " needs more than " + argb.length + " pixels");
        }
    }

    /** The same picture inside a clear border {@code n} pixels wide. */
    Pixels padded(int n) {
        int w = width + 2 * n;
        int[] out = new int[w * (height + 2 * n)];
        for (int y = 0; y < height; y++) {
            System.arraycopy(argb, y * width, out, (y + n) * w + n, width);
        }
        return new Pixels(out, w, height + 2 * n);
    }

    /** The whole image. */
    static Pixels of(Image image) {
        return of(image, 0, 0, (int) image.getWidth(), (int) image.getHeight());
    }

    /** The part of {@code image} at {@code (x, y)}, {@code w} by {@code h}. */
    static Pixels of(Image image, int x, int y, int w, int h) {
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(x, y, w, h, PixelFormat.getIntArgbPreInstance(), argb, 0, w);
        return new Pixels(argb, w, h);
    }
}
