package io.lancers.client.render;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frame buffer's blends, which work on copies laid out for the JIT's vector instructions, against the
 * same done pixel by pixel with {@link PixelMath}; and the stroke's geometry against its definition.
 */
class FrameBufferBlendTest {
    private static final int W = 40;
    private static final int H = 30;

    @Property
    void aSpriteIsEachOfItsPixelsOverTheFrameClippedAtItsEdges(@ForAll long seed,
                                                                @ForAll @IntRange(min = -20, max = 50) int x,
                                                                @ForAll @IntRange(min = -20, max = 40) int y,
                                                                @ForAll @IntRange(max = 255) int alpha) {
        SplittableRandom random = new SplittableRandom(seed);
        Pixels sprite = randomPixels(random, 1 + random.nextInt(24), 1 + random.nextInt(24));
        FrameBuffer frame = randomFrame(random);
        int[] before = pixelsOf(frame);
        frame.blend(sprite, x, y, alpha);
        for (int py = 0; py < H; py++) {
            for (int px = 0; px < W; px++) {
                int sx = px - x;
                int sy = py - y;
                boolean inside = sx >= 0 && sy >= 0 && sx < sprite.width() && sy < sprite.height();
                int expected = inside
                        ? PixelMath.over(PixelMath.scale(sprite.argb()[sy * sprite.width() + sx], alpha), before[py * W + px])
                        : before[py * W + px];
                assertEquals(expected, frame.pixel(px, py), "pixel " + px + "," + py);
            }
        }
    }

    @Property
    void aFrameSizedImageLeavesOutOnlyTheClearRuns(@ForAll long seed, @ForAll @IntRange(max = 255) int alpha) {
        SplittableRandom random = new SplittableRandom(seed);
        Pixels image = randomPixels(random, W, H);
        int[] from = new int[H];
        int[] to = new int[H];
        for (int row = 0; row < H; row++) {
            from[row] = random.nextInt(W + 1);
            to[row] = from[row] + random.nextInt(W + 1 - from[row]);
        }
        FrameBuffer frame = randomFrame(random);
        int[] before = pixelsOf(frame);
        frame.blendRows(image, from, to, alpha);
        for (int py = 0; py < H; py++) {
            for (int px = 0; px < W; px++) {
                int i = py * W + px;
                int expected = px >= from[py] && px < to[py] ? before[i]
                        : PixelMath.over(PixelMath.scale(image.argb()[i], alpha), before[i]);
                assertEquals(expected, frame.pixel(px, py), "pixel " + px + "," + py);
            }
        }
    }

    @Property
    void aSegmentsDistanceIsToItsNearestPoint(@ForAll @DoubleRange(min = -50, max = 50) double xa,
                                              @ForAll @DoubleRange(min = -50, max = 50) double ya,
                                              @ForAll @DoubleRange(min = -50, max = 50) double xb,
                                              @ForAll @DoubleRange(min = -50, max = 50) double yb,
                                              @ForAll @DoubleRange(min = -60, max = 60) double px,
                                              @ForAll @DoubleRange(min = -60, max = 60) double py) {
        Segment segment = new Segment().set(xa, ya, xb, yb);
        assertEquals(nearest(xa, ya, xb, yb, px, py), segment.distance(px, py), 1e-9);
    }

    @Property
    void aRowsSpansHoldExactlyThePointsWithinEachRadius(@ForAll @DoubleRange(min = -50, max = 50) double xa,
                                                        @ForAll @DoubleRange(min = -50, max = 50) double ya,
                                                        @ForAll @DoubleRange(min = -50, max = 50) double xb,
                                                        @ForAll @DoubleRange(min = -50, max = 50) double yb,
                                                        @ForAll @DoubleRange(min = 0.1, max = 10) double radius,
                                                        @ForAll @DoubleRange(min = -60, max = 60) double py) {
        Segment segment = new Segment().set(xa, ya, xb, yb);
        double[] span = new double[4];
        boolean crosses = segment.rows(py, radius + 1, radius, span);
        for (double px = -70; px <= 70; px += 0.25) {
            double d = nearest(xa, ya, xb, yb, px, py);
            // On an edge either answer is right.
            if (Math.abs(d - radius - 1) >= 1e-6) {
                assertEquals(d < radius + 1, crosses && px >= span[0] && px <= span[1], "x " + px + " at " + d);
            }
            if (Math.abs(d - radius) >= 1e-6) {
                assertEquals(d < radius, px >= span[2] && px <= span[3], "x " + px + " at " + d + " (inner)");
            }
        }
    }

    @Property
    void aDashsAngleIsWithinAHundredThousandthOfARadianOfAtan2s(@ForAll @DoubleRange(min = -300, max = 300) double dx,
                                                           @ForAll @DoubleRange(min = -300, max = 300) double dy) {
        double expected = Math.atan2(dy, dx);
        double off = Math.abs(Ring.angle(dx, dy) - (expected < 0 ? expected + 2 * Math.PI : expected));
        assertTrue(Math.min(off, 2 * Math.PI - off) < 1e-5, "off by " + off);
    }

    /** The distance from {@code (px, py)} to the segment, by its definition: to the segment's nearest point. */
    private static double nearest(double xa, double ya, double xb, double yb, double px, double py) {
        double dx = xb - xa;
        double dy = yb - ya;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - xa) * dx + (py - ya) * dy) / len2));
        return Math.hypot(px - xa - t * dx, py - ya - t * dy);
    }

    private static Pixels randomPixels(SplittableRandom random, int w, int h) {
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            // Some clear pixels, some opaque, the rest anything premultiplied.
            int a = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 255;
                default -> random.nextInt(256);
            };
            argb[i] = a << 24 | random.nextInt(a + 1) << 16 | random.nextInt(a + 1) << 8 | random.nextInt(a + 1);
        }
        return new Pixels(argb, w, h);
    }

    private static FrameBuffer randomFrame(SplittableRandom random) {
        FrameBuffer frame = new FrameBuffer(W, H);
        int[] back = new int[W * H];
        for (int i = 0; i < back.length; i++) {
            back[i] = 0xff000000 | random.nextInt(1 << 24);
        }
        frame.copy(new Pixels(back, W, H), 0, 0);
        return frame;
    }

    private static int[] pixelsOf(FrameBuffer frame) {
        int[] out = new int[W * H];
        for (int i = 0; i < out.length; i++) {
            out[i] = frame.pixel(i % W, i / W);
        }
        return out;
    }
}
