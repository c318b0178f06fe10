package io.lancers.client.render;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/** How far apart two pictures are: the largest (or mean) difference in any colour channel of any pixel. */
public final class PixelDiff {
    private PixelDiff() {
    }

    /** 0 to 255; the pictures must be the same size. */
    public static int worst(Image a, Image b) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        int worst = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                int p = pa.getArgb(x, y);
                int q = pb.getArgb(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    worst = Math.max(worst, Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)));
                }
            }
        }
        return worst;
    }

    /** The mean difference over every channel of the pixels in a box, 0 to 255. */
    public static double mean(Image a, Image b, int left, int top, int w, int h) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        long sum = 0;
        for (int y = top; y < top + h; y++) {
            for (int x = left; x < left + w; x++) {
                int p = pa.getArgb(x, y);
                int q = pb.getArgb(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    sum += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
                }
            }
        }
        return sum / (4.0 * w * h);
    }

    /** A copy of the frame buffer's pixels as an image. */
    static WritableImage image(FrameBuffer frame) {
        int w = frame.width();
        int h = frame.height();
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = frame.pixel(x, y);
            }
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), argb, 0, w);
        return image;
    }
}
