package io.lancers.client.render;

/**
 * A line segment and the points within a radius of it (a capsule: the union of the two end discs and the
 * band between them), with what a stroke needs row by row worked out once: its length and the reciprocals
 * that turn the per-row and per-pixel divisions into multiplications. Reused from segment to segment.
 */
final class Segment {
    private double xa;
    private double ya;
    private double xb;
    private double yb;
    private double dx;
    private double dy;
    private double len2;
    private double len;
    private double invLen;
    private double invLen2;
    private double invDx;
    private double invDy;

    /** This segment from {@code (xa, ya)} to {@code (xb, yb)}. */
    Segment set(double xa, double ya, double xb, double yb) {
        this.xa = xa;
        this.ya = ya;
        this.xb = xb;
        this.yb = yb;
        dx = xb - xa;
        dy = yb - ya;
        len2 = dx * dx + dy * dy;
        len = Math.sqrt(len2);
        invLen = len2 == 0 ? 0 : 1 / len;
        invLen2 = len2 == 0 ? 0 : 1 / len2;
        invDx = dx == 0 ? 0 : 1 / dx;
        invDy = dy == 0 ? 0 : 1 / dy;
        return this;
    }

    /** The distance from {@code (px, py)} to the segment. */
    double distance(double px, double py) {
        double ox = px - xa;
        double oy = py - ya;
        double t = (ox * dx + oy * dy) * invLen2;
        if (t <= 0) {
            return Math.sqrt(ox * ox + oy * oy);
        }
        if (t >= 1) {
            double ex = px - xb;
            double ey = py - yb;
            return Math.sqrt(ex * ex + ey * ey);
        }
        // Beside the segment: the distance to its line.
        return Math.abs(ox * dy - oy * dx) * invLen;
    }

    /**
     * Where the horizontal line {@code y = py} crosses the points within {@code outer} of the segment (the
     * capsule is convex, so one span), into {@code span[0..1]} (from, to), and the points within {@code inner}
     * into {@code span[2..3]} (empty, from above to, when they do not cross or {@code inner} is not above 0);
     * false if the outer capsule does not cross. What the two share is worked out once.
     */
    boolean rows(double py, double outer, double inner, double[] span) {
        // Plain comparisons, not Math.min and max: those also order -0.0 and NaN, which cannot occur here, at
        // several instructions each.
        double alongLo = Double.NEGATIVE_INFINITY;
        double alongHi = Double.POSITIVE_INFINITY;
        double across = (py - ya) * dx;
        if (len2 > 0) {
            // Along the segment: 0 <= ((x - xa) dx + (py - ya) dy) / len2 <= 1.
            double off = (py - ya) * dy;
            if (dx != 0) {
                double a = xa - off * invDx;
                double b = xa + (len2 - off) * invDx;
                alongLo = a < b ? a : b;
                alongHi = a < b ? b : a;
            } else if (off < 0 || off > len2) {
                alongLo = 1;
                alongHi = 0;
            }
        }
        span[2] = 1;
        span[3] = 0;
        if (!capsule(py, outer, alongLo, alongHi, across, span, 0)) {
            return false;
        }
        if (inner > 0) {
            capsule(py, inner, alongLo, alongHi, across, span, 2);
        }
        return true;
    }

    /** The capsule of {@code radius} on the row, into {@code span[at]} and {@code span[at + 1]}. */
    private boolean capsule(double py, double radius, double alongLo, double alongHi, double across, double[] span,
                            int at) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double r2 = radius * radius;
        double ca = r2 - (py - ya) * (py - ya);
        if (ca >= 0) {
            double s = Math.sqrt(ca);
            lo = xa - s;
            hi = xa + s;
        }
        double cb = r2 - (py - yb) * (py - yb);
        if (cb >= 0) {
            double s = Math.sqrt(cb);
            // min and max, which C2 compiles without branches: a row holding both caps comes only for a nearly level
            // segment, and which cap reaches further was first the other one late (C2 then compiled the trail again).
            lo = Math.min(lo, xb - s);
            hi = Math.max(hi, xb + s);
        }
        if (len2 > 0 && alongLo <= alongHi) {
            // Across: |(x - xa) dy - (py - ya) dx| / len <= radius.
            double bandLo = alongLo;
            double bandHi = alongHi;
            if (dy != 0) {
                double a = xa + (across - radius * len) * invDy;
                double b = xa + (across + radius * len) * invDy;
                double min = a < b ? a : b;
                double max = a < b ? b : a;
                bandLo = bandLo > min ? bandLo : min;
                bandHi = bandHi < max ? bandHi : max;
            } else if (Math.abs(across) > radius * len) {
                bandLo = 1;
                bandHi = 0;
            }
            if (bandLo <= bandHi) {
                lo = lo < bandLo ? lo : bandLo;
                hi = hi > bandHi ? hi : bandHi;
            }
        }
        span[at] = lo;
        span[at + 1] = hi;
        return lo <= hi;
    }
}
