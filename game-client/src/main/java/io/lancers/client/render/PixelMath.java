package io.lancers.client.render;

import javafx.scene.paint.Color;

/**
 * Premultiplied ARGB arithmetic on packed ints: two channels at a time in one multiply, divided by
 * 255 with rounding (the same results as a channel-by-channel {@code round(c * a / 255)}).
 */
final class PixelMath {
    private PixelMath() {
    }

    /** A colour at {@code alpha} times its own opacity, premultiplied. */
    static int premultiplied(Color c, double alpha) {
        double a = Math.max(0, Math.min(1, c.getOpacity() * alpha));
        int ai = (int) Math.round(a * 255);
        return ai << 24 | (int) Math.round(c.getRed() * a * 255) << 16 | (int) Math.round(c.getGreen() * a * 255) << 8
                | (int) Math.round(c.getBlue() * a * 255);
    }

    /** Every channel of {@code p} times {@code a / 255}, {@code a} from 0 to 255. */
    static int scale(int p, int a) {
        int rb = (p & 0x00ff00ff) * a + 0x00800080;
        rb = ((rb + ((rb >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
        int ag = ((p >>> 8) & 0x00ff00ff) * a + 0x00800080;
        ag = (ag + ((ag >>> 8) & 0x00ff00ff)) & 0xff00ff00;
        return ag | rb;
    }

    /** One channel {@code c} times {@code a / 255}, both from 0 to 255, rounded as {@link #scale} does. */
    static int scaleChannel(int c, int a) {
        return (c * a * 257 + 0x8080) >>> 16;
    }

    /** {@code src} over {@code dst}, both premultiplied. */
    static int over(int src, int dst) {
        int sa = src >>> 24;
        if (sa == 255) {
            return src;
        }
        return src + scale(dst, 255 - sa);
    }

    /** From {@code a} ({@code w} = 0) to {@code b} ({@code w} = 256), channel by channel. */
    static int lerp(int a, int b, int w) {
        int v = 256 - w;
        int rb = (((a & 0x00ff00ff) * v + (b & 0x00ff00ff) * w) >>> 8) & 0x00ff00ff;
        int ag = (((a >>> 8) & 0x00ff00ff) * v + ((b >>> 8) & 0x00ff00ff) * w) & 0xff00ff00;
        return ag | rb;
    }

    /** A coverage from 0 to 1 as 0 to 255. */
    static int coverage(double c) {
        // Clamped as an int by min and max, which C2 compiles without branches: at a shape's edge, whether it is
        // 0, between or 1 is hard to predict, and a test first true late made C2 compile its callers again.
        return Math.max(0, Math.min(255, (int) (c * 255 + 0.5)));
    }
}
