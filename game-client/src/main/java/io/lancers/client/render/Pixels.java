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

    /** A part of a picture: {@code (x, y)} its top left corner. */
    record Box(int x, int y, int width, int height) {
    }

    /** The smallest box holding every pixel that is not clear (empty at the top left if none is). */
    Box opaqueBounds() {
        int x0 = width;
        int y0 = height;
        int x1 = 0;
        int y1 = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (argb[y * width + x] != 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        return x1 == 0 ? new Box(0, 0, 0, 0) : new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** The part of the picture in {@code box}. */
    Pixels crop(Box box) {
        int[] out = new int[box.width() * box.height()];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(argb, (box.y() + y) * width + box.x(), out, y * box.width(), box.width());
        }
        return new Pixels(out, box.width(), box.height());
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
