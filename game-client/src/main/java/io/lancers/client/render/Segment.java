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
     * Where the horizontal line {@code y = py} crosses the points within {@code radius} of the segment (the
     * capsule is convex, so one span), into {@code span} (from, to); false if it does not.
     */
    boolean row(double py, double radius, double[] span) {
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
            lo = Math.min(lo, xb - s);
            hi = Math.max(hi, xb + s);
        }
        if (len2 > 0) {
            // Along: 0 <= ((x - xa) dx + (py - ya) dy) / len2 <= 1; across: |(x - xa) dy - (py - ya) dx| / len <= radius.
            double bandLo = Double.NEGATIVE_INFINITY;
            double bandHi = Double.POSITIVE_INFINITY;
            double off = (py - ya) * dy;
            if (dx != 0) {
                double a = xa - off * invDx;
                double b = xa + (len2 - off) * invDx;
                bandLo = Math.min(a, b);
                bandHi = Math.max(a, b);
            } else if (off < 0 || off > len2) {
                return finish(lo, hi, span);
            }
            double across = (py - ya) * dx;
            if (dy != 0) {
                double a = xa + (across - radius * len) * invDy;
                double b = xa + (across + radius * len) * invDy;
                bandLo = Math.max(bandLo, Math.min(a, b));
                bandHi = Math.min(bandHi, Math.max(a, b));
            } else if (Math.abs(across) > radius * len) {
                return finish(lo, hi, span);
            }
            if (bandLo <= bandHi) {
                lo = Math.min(lo, bandLo);
                hi = Math.max(hi, bandHi);
            }
        }
        return finish(lo, hi, span);
    }

    private static boolean finish(double lo, double hi, double[] span) {
        span[0] = lo;
        span[1] = hi;
        return lo <= hi;
    }
}
