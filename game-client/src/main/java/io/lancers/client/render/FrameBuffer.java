package io.lancers.client.render;

import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * The arena's picture as an {@code int[]} of premultiplied ARGB pixels that the renderer draws into in
 * plain Java, shown as one image ({@link #image()}, a {@link WritableImage} over a {@link PixelBuffer} of
 * these very ints). On the software pipeline every canvas command cost the render thread a call into
 * Pisces; one image costs it about what an empty canvas does (BENCHMARKS.md §7, the frame buffer pass).
 *
 * <p>What it can draw: opaque copies (the backdrop), sprites at whole pixels and rotated (bilinear),
 * anti-aliased segments with round caps, circle outlines (solid or dashed) and discs. Coverage at an
 * edge is the distance from the pixel's centre to the shape's edge, plus a half, clamped to 0..1.
 * Nothing here allocates per call.
 */
final class FrameBuffer {
    private final int width;
    private final int height;
    private final int[] pixels;
    /** A row's span (a turned sprite's; a segment's, and its wholly covered part): from and to, reused. */
    private final double[] span = new double[4];
    /** The segment being stroked, the ring being drawn. */
    private final Segment segment = new Segment();
    private final Ring ring = new Ring();
    /**
     * The frame's pixels under a sprite being blended, laid out as the sprite's: from the start as large as the
     * largest sprites at usual zooms (an explosion's fireball is about 180 px across at zoom 1), grown for a larger
     * one. (Grown on first need, it grew at a match's first kill, and C2 compiled the blend again to take that.)
     */
    private int[] under = new int[256 * 256];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;

    FrameBuffer(int width, int height) {
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        pixels = new int[this.width * this.height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The pixel at {@code (x, y)}, premultiplied ARGB. */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** The image showing these pixels (made on first use; the JavaFX toolkit must be running). */
    Image image() {
        if (image == null) {
            buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }
        return image;
    }

    /**
     * Tells JavaFX every pixel changed (JavaFX thread). The pixels were drawn before, on the painter's
     * thread, while the image was not on screen ({@link ArenaPainter}): JavaFX asks for changes inside
     * {@code updateBuffer}'s callback only so that they do not race its render thread.
     */
    void changed() {
        image();
        buffer.updateBuffer(b -> null); // null: the whole image
    }

    /** Every pixel to {@code color} (opaque). */
    void fill(Color color) {
        fill(PixelMath.premultiplied(color, 1));
    }

    /** Every pixel to {@code argb} (premultiplied). */
    void fill(int argb) {
        Arrays.fill(pixels, argb);
    }

    /**
     * Copies {@code src} unblended with its top left corner at {@code (x, y)} (clipped): the opaque backdrop,
     * a row at a time.
     */
    void copy(Pixels src, int x, int y) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + src.width());
        int y1 = Math.min(height, y + src.height());
        for (int row = y0; row < y1; row++) {
            System.arraycopy(src.argb(), (row - y) * src.width() + x0 - x, pixels, row * width + x0, x1 - x0);
        }
    }

    /**
     * Copies {@code src} unblended, stretched by {@code scale} with its top left corner at {@code (x, y)},
     * filtering bilinearly (edges clamped): the backdrop of a window too large for it at full size.
     */
    void copyScaled(Pixels src, double x, double y, double scale, int[] columnScratch) {
        int x0 = Math.max(0, (int) Math.ceil(x));
        int y0 = Math.max(0, (int) Math.ceil(y));
        int x1 = Math.min(width, (int) Math.floor(x + src.width() * scale));
        int y1 = Math.min(height, (int) Math.floor(y + src.height() * scale));
        int sw = src.width();
        int[] s = src.argb();
        for (int col = x0; col < x1; col++) {
            // Per column: the left source pixel (16 bits) and the weight of the right one (8 bits).
            double u = Math.max(0, Math.min(sw - 1, (col + 0.5 - x) / scale - 0.5));
            int u0 = (int) u;
            columnScratch[col] = u0 << 9 | (int) ((u - u0) * 256);
        }
        for (int row = y0; row < y1; row++) {
            double v = Math.max(0, Math.min(src.height() - 1, (row + 0.5 - y) / scale - 0.5));
            int v0 = (int) v;
            int wy = (int) ((v - v0) * 256);
            int top = v0 * sw;
            int bottom = Math.min(v0 + 1, src.height() - 1) * sw;
            int at = row * width;
            for (int col = x0; col < x1; col++) {
                int c = columnScratch[col];
                int u0 = c >>> 9;
                int u1 = Math.min(u0 + 1, sw - 1);
                int wx = c & 0x1ff;
                pixels[at + col] = PixelMath.lerp(PixelMath.lerp(s[top + u0], s[top + u1], wx),
                        PixelMath.lerp(s[bottom + u0], s[bottom + u1], wx), wy);
            }
        }
    }

    /**
     * Blends {@code src} over the frame with its top left corner at {@code (x, y)}, at {@code alpha} (0..255). At
     * alpha 0 it changes no pixel, without a test of its own: one first true late made C2 compile its callers again.
     */
    void blend(Pixels src, int x, int y, int alpha) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + src.width());
        int y1 = Math.min(height, y + src.height());
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        // The frame's pixels under the sprite are copied out laid out as the sprite's, blended in one run that
        // walks both arrays with one index (a loop the JIT turns into vector instructions; a sprite's rows are
        // too short for that one by one), and copied back. Columns outside the frame are blended in the copy
        // too, from whatever it held, and never copied back.
        int sw = src.width();
        int first = (y0 - y) * sw + x0 - x;
        int last = (y1 - 1 - y) * sw + x1 - x;
        if (under.length < last) {
            under = new int[src.width() * src.height()];
        }
        for (int row = y0; row < y1; row++) {
            System.arraycopy(pixels, row * width + x0, under, (row - y) * sw + x0 - x, x1 - x0);
        }
        blendRun(src.argb(), under, first, last, alpha);
        for (int row = y0; row < y1; row++) {
            System.arraycopy(under, (row - y) * sw + x0 - x, pixels, row * width + x0, x1 - x0);
        }
    }

    /**
     * Blends {@code src}, the frame's size, at {@code alpha} (0..255), leaving out each row's clear run
     * from {@code clearFrom[row]} to {@code clearTo[row]}, where it is known to have nothing. Nothing is
     * drawn if {@code src} is not the frame's size.
     */
    void blendRows(Pixels src, int[] clearFrom, int[] clearTo, int alpha) {
        if (src.width() != width || src.height() != height) {
            return;
        }
        for (int row = 0; row < height; row++) {
            int at = row * width;
            blendRun(src.argb(), pixels, at, at + Math.min(width, clearFrom[row]), alpha);
            blendRun(src.argb(), pixels, at + Math.min(width, clearTo[row]), at + width, alpha);
        }
    }

    /**
     * {@code s[i]} at {@code alpha} over {@code d[i]} for {@code from <= i < to}. The same index in both and
     * no test per pixel (a clear source pixel leaves the other as it is), so the JIT can blend several
     * pixels per instruction. At an alpha below 255 it takes two passes: one loop doing both is too large
     * for the JIT to turn into vector instructions. (Keep these loops this plain: with {@code d[i] += ...} and
     * the alpha worked out inline, C2 left them scalar, 4-6 times slower.)
     */
    private static void blendRun(int[] s, int[] d, int from, int to, int alpha) {
        if (alpha == 255) {
            over(s, d, from, to);
        } else {
            fadeUnder(s, d, from, to, alpha);
            addFaded(s, d, from, to, alpha);
        }
    }

    private static void over(int[] s, int[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            int p = s[i];
            d[i] = p + PixelMath.scale(d[i], 255 - (p >>> 24));
        }
    }

    /** {@code d[i]} times one less the alpha of {@code s[i]} at {@code alpha}: the first half of "over". */
    private static void fadeUnder(int[] s, int[] d, int from, int to, int alpha) {
        for (int i = from; i < to; i++) {
            int sa = PixelMath.scaleChannel(s[i] >>> 24, alpha);
            d[i] = PixelMath.scale(d[i], 255 - sa);
        }
    }

    /** {@code s[i]} at {@code alpha} added to {@code d[i]}: the second half. */
    private static void addFaded(int[] s, int[] d, int from, int to, int alpha) {
        for (int i = from; i < to; i++) {
            d[i] = d[i] + PixelMath.scale(s[i], alpha);
        }
    }

    /**
     * {@code argb} at {@code alpha} (0..255: a sprite's alpha, or a shape's coverage of the pixel) over frame pixel
     * {@code index}. No branches, not even "over"'s test for an opaque source: at a sprite's or a shape's edge
     * the case is hard to predict, and a test first taken late in a match (a ship turned shielded) made C2 throw
     * away its compiled callers. Scaling by 255 and blending under an opaque source change nothing.
     */
    private void overPixel(int index, int argb, int alpha) {
        int src = PixelMath.scale(argb, alpha);
        pixels[index] = src + PixelMath.scale(pixels[index], 255 - (src >>> 24));
    }

    /**
     * Blends {@code src} turned by {@code angle} radians (clockwise on screen) and scaled by {@code scale}
     * about its point {@code (pivotX, pivotY)}, which lands on {@code (x, y)}; filtered bilinearly. The
     * sprite's outermost pixels must be clear ({@link Pixels#padded}): a row visits only the screen pixels
     * whose four source pixels lie inside it.
     */
    void blendRotated(Pixels src, double pivotX, double pivotY, double x, double y, double angle, double scale,
                      int alpha) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        int sw = src.width();
        int sh = src.height();
        // The screen box of the turned image.
        double ex = (Math.abs(cos) * sw + Math.abs(sin) * sh) * scale;
        double ey = (Math.abs(sin) * sw + Math.abs(cos) * sh) * scale;
        double mx = ((sw / 2.0 - pivotX) * cos - (sh / 2.0 - pivotY) * sin) * scale + x;
        double my = ((sw / 2.0 - pivotX) * sin + (sh / 2.0 - pivotY) * cos) * scale + y;
        int x0 = Math.max(0, (int) Math.floor(mx - ex / 2));
        int y0 = Math.max(0, (int) Math.floor(my - ey / 2));
        int x1 = Math.min(width, (int) Math.ceil(mx + ex / 2) + 1);
        int y1 = Math.min(height, (int) Math.ceil(my + ey / 2) + 1);
        int[] s = src.argb();
        // Texel coordinates (centres at whole numbers) step this much per screen pixel.
        double ux = cos / scale;
        double vx = -sin / scale;
        double uy = sin / scale;
        double vy = cos / scale;
        for (int row = y0; row < y1; row++) {
            double dy = row + 0.5 - y;
            double dx = x0 + 0.5 - x;
            double u0 = dx * ux + dy * uy + pivotX - 0.5;
            double v0 = dx * vx + dy * vy + pivotY - 0.5;
            // The columns (counted from x0) where 0 <= u < sw - 1 and 0 <= v < sh - 1.
            span[0] = 0;
            span[1] = x1 - x0;
            // Both narrowed before one test (&, not ||): a row empty by v alone came only at some turns, late, and
            // its own test, never true till then, made C2 throw away this compiled method.
            if (!(within(u0, ux, sw - 1, span) & within(v0, vx, sh - 1, span))) {
                continue;
            }
            int first = (int) Math.ceil(span[0]);
            int last = (int) Math.ceil(span[1]);
            int at = row * width + x0;
            // Along the row in fixed point, 32 bits of fraction: a texel and its weights by shifts and masks.
            long u = fixed(u0 + ux * first);
            long v = fixed(v0 + vx * first);
            long du = fixed(ux);
            long dv = fixed(vx);
            // The ends trimmed to where all four texels lie inside in fixed point too (rounding may leave the
            // double span's ends a step out; the texels there are the clear border anyway). Inside is a run of
            // columns, as u and v are straight along the row.
            while (first < last && !inside(u, v, sw, sh)) {
                first++;
                u += du;
                v += dv;
            }
            while (last > first && !inside(u + du * (last - 1 - first), v + dv * (last - 1 - first), sw, sh)) {
                last--;
            }
            for (int k = first; k < last; k++, u += du, v += dv) {
                int i = (int) (v >>> 32) * sw + (int) (u >>> 32);
                int p00 = s[i];
                int p10 = s[i + 1];
                int p01 = s[i + sw];
                int p11 = s[i + sw + 1];
                if ((p00 | p10 | p01 | p11) == 0) {
                    continue;
                }
                int wx = (int) (u >>> 24) & 0xff;
                int wy = (int) (v >>> 24) & 0xff;
                overPixel(at + k, PixelMath.lerp(PixelMath.lerp(p00, p10, wx), PixelMath.lerp(p01, p11, wx), wy), alpha);
            }
        }
    }

    /** Whether texel {@code (u, v)} (fixed point) and its right and lower neighbours lie inside {@code sw} by {@code sh}. */
    private static boolean inside(long u, long v, int sw, int sh) {
        return u >= 0 && v >= 0 && (u >> 32) <= sw - 2 && (v >> 32) <= sh - 2;
    }

    /** {@code x} in fixed point with 32 bits of fraction (floored). */
    private static long fixed(double x) {
        return (long) Math.floor(x * 4294967296.0);
    }

    /**
     * Narrows {@code span} (from, to: steps k) to where {@code 0 <= start + step * k < end}; false if
     * nothing is left.
     */
    private static boolean within(double start, double step, double end, double[] span) {
        if (step == 0) {
            return start >= 0 && start < end;
        }
        double a = -start / step;
        double b = (end - start) / step;
        span[0] = Math.max(span[0], Math.min(a, b));
        span[1] = Math.min(span[1], Math.max(a, b));
        return span[0] < span[1];
    }

    /**
     * A segment from {@code (xa, ya)} to {@code (xb, yb)}, {@code lineWidth} wide with round caps, in
     * {@code argb} (premultiplied). Row by row, only the pixels the stroke can touch are visited, and a
     * distance is worked out only for those at its edges: the run between them is wholly covered.
     */
    void strokeSegment(double xa, double ya, double xb, double yb, double lineWidth, int argb) {
        double half = lineWidth / 2;
        double reach = half + 0.5;
        double inner = Math.max(0, half - 0.5);
        Segment seg = segment.set(xa, ya, xb, yb);
        int top = Math.max(0, (int) Math.floor(Math.min(ya, yb) - reach));
        int end = Math.min(height - 1, (int) Math.ceil(Math.max(ya, yb) + reach)) + 1;
        for (int row = top; row < end; row++) {
            double py = row + 0.5;
            if (!seg.rows(py, reach, inner, span)) {
                continue;
            }
            int from = Math.max(0, (int) Math.ceil(span[0] - 0.5));
            int to = Math.min(width - 1, (int) Math.floor(span[1] - 0.5));
            // Pixels whose centre is within inner of the segment are wholly covered: no distance to work out.
            int fullFrom = to + 1;
            int fullTo = to;
            if (span[2] <= span[3]) {
                fullFrom = Math.max(from, (int) Math.ceil(span[2] - 0.5));
                fullTo = Math.min(to, (int) Math.floor(span[3] - 0.5));
            }
            int at = row * width;
            coverEdge(seg, at, from, Math.min(to, fullFrom - 1) + 1, py, inner, reach, argb);
            overRun(pixels, at + fullFrom, at + fullTo + 1, argb);
            coverEdge(seg, at, Math.max(from, fullTo + 1), to + 1, py, inner, reach, argb);
        }
    }

    /**
     * Columns {@code from} to {@code end} (exclusive) of the row at {@code at}, each at its coverage by
     * {@code seg}. (The loops here run to an exclusive end: C2 deoptimized loops of a few steps written
     * {@code i <= last} when a loop limit check it had hoisted failed, and compiled them again.)
     */
    private void coverEdge(Segment seg, int at, int from, int end, double py, double inner, double reach, int argb) {
        for (int col = from; col < end; col++) {
            double d = seg.distance(col + 0.5, py);
            overPixel(at + col, argb, d <= inner ? 255 : PixelMath.coverage(reach - d));
        }
    }

    /** {@code argb} (premultiplied) over the pixels from {@code (x0, y0)} to {@code (x1, y1)}, exclusive, clipped. */
    void overRect(int x0, int y0, int x1, int y1, int argb) {
        int left = Math.max(0, x0);
        int right = Math.min(width, x1);
        for (int row = Math.max(0, y0); row < Math.min(height, y1) && left < right; row++) {
            overRun(pixels, row * width + left, row * width + right, argb);
        }
    }

    /** {@code argb} over {@code d[i]} for {@code from <= i < to}. */
    private static void overRun(int[] d, int from, int to, int argb) {
        int rest = 255 - (argb >>> 24);
        for (int i = from; i < to; i++) {
            d[i] = argb + PixelMath.scale(d[i], rest);
        }
    }

    /** A disc of {@code radius} around {@code (cx, cy)}. */
    void fillCircle(double cx, double cy, double radius, int argb) {
        ring(cx, cy, Double.NEGATIVE_INFINITY, radius, argb, null);
    }

    /** A circle's outline of {@code radius}, {@code lineWidth} wide. */
    void strokeCircle(double cx, double cy, double radius, double lineWidth, int argb) {
        ring(cx, cy, radius - lineWidth / 2, radius + lineWidth / 2, argb, null);
    }

    /** A dashed outline: dashes of {@code dash.on()} pixels along the circle, gaps of {@code dash.off()}. */
    void strokeCircle(double cx, double cy, double radius, double lineWidth, int argb, Dash dash) {
        ring(cx, cy, radius - lineWidth / 2, radius + lineWidth / 2, argb, dash);
    }

    /**
     * Dashes along an outline, lengths in pixels along the circle; {@code offset} moves them back along it
     * (as {@code GraphicsContext.setLineDashOffset} does), measured from the circle's rightmost point, clockwise.
     */
    record Dash(double on, double off, double offset) {
    }

    /**
     * Between radii {@code inner} and {@code outer} (a disc when {@code inner} is below 0). Row by row: the
     * left arc and the right one (or the whole chord where the row passes the hole), each with its wholly
     * covered run filled without a distance per pixel (unless dashed).
     */
    private void ring(double cx, double cy, double inner, double outer, int argb, Dash dash) {
        Ring r = ring.set(cx, inner, outer, dash);
        int top = Math.max(0, (int) Math.floor(cy - r.reach()));
        int end = Math.min(height - 1, (int) Math.ceil(cy + r.reach())) + 1;
        for (int row = top; row < end; row++) {
            double dy = row + 0.5 - cy;
            if (!r.row(dy, span)) {
                continue;
            }
            double so = span[0];
            double si = span[1];
            double fi = span[2];
            double fo = span[3];
            int at = row * width;
            if (si < 0) {
                // The chord; wholly covered in its middle only if the row passes the hole's blurred edge too.
                ringRun(r, at, cx - so, cx + so, fi == 0 && fo >= 0, cx - fo, cx + fo, dy, argb);
            } else {
                ringRun(r, at, cx - so, cx - si, fo >= 0, cx - fo, cx - fi, dy, argb);
                ringRun(r, at, cx + si, cx + so, fo >= 0, cx + fi, cx + fo, dy, argb);
            }
        }
    }

    /**
     * The pixels of a ring's row whose centres lie from {@code x0} to {@code x1}; those from {@code solidX0} to
     * {@code solidX1} are wholly covered if {@code solid}, the others get a coverage each.
     */
    private void ringRun(Ring r, int at, double x0, double x1, boolean solid, double solidX0, double solidX1,
                         double dy, int argb) {
        int from = Math.max(0, (int) Math.ceil(x0 - 0.5));
        int to = Math.min(width - 1, (int) Math.floor(x1 - 0.5));
        int solidFrom = to + 1;
        int solidTo = to;
        if (solid) {
            solidFrom = Math.max(from, (int) Math.ceil(solidX0 - 0.5));
            solidTo = Math.min(to, (int) Math.floor(solidX1 - 0.5));
        }
        ringEdge(r, at, from, Math.min(to, solidFrom - 1) + 1, dy, argb);
        overRun(pixels, at + solidFrom, at + solidTo + 1, argb);
        ringEdge(r, at, Math.max(from, solidTo + 1), to + 1, dy, argb);
    }

    /** Columns {@code from} to {@code end} (exclusive) of a ring's row, each at its coverage. */
    private void ringEdge(Ring r, int at, int from, int end, double dy, int argb) {
        for (int col = from; col < end; col++) {
            overPixel(at + col, argb, PixelMath.coverage(r.cover(col + 0.5 - r.cx(), dy)));
        }
    }
}
