package io.lancers.client.render;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

/** How far apart two pictures are: the largest difference in any colour channel of any pixel. */
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
}
