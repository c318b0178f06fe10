package io.lancers.assets.forge;

/**
 * A 2D shape as a signed distance field: negative inside, positive outside, in the units of the
 * drawing. Exact distances give exact anti-aliasing and glows; combinations (min/max) are close
 * enough for both.
 */
@FunctionalInterface
interface Shape {

    double distance(double x, double y);

    static Shape circle(double cx, double cy, double radius) {
        return (x, y) -> StrictMath.hypot(x - cx, y - cy) - radius;
    }

    /** An ellipse, approximated: exact on the axes, good enough for small, soft shapes. */
    static Shape ellipse(double cx, double cy, double rx, double ry) {
        double k = Math.min(rx, ry);
        return (x, y) -> (StrictMath.hypot((x - cx) / rx, (y - cy) / ry) - 1) * k;
    }

    /** An axis-aligned box with rounded corners of the given radius. */
    static Shape box(double cx, double cy, double halfWidth, double halfHeight, double cornerRadius) {
        return (x, y) -> {
            double qx = Math.abs(x - cx) - halfWidth + cornerRadius;
            double qy = Math.abs(y - cy) - halfHeight + cornerRadius;
            return StrictMath.hypot(Math.max(qx, 0), Math.max(qy, 0))
                    + Math.min(Math.max(qx, qy), 0) - cornerRadius;
        };
    }

    /** A line segment thickened by {@code radius}. */
    static Shape capsule(double ax, double ay, double bx, double by, double radius) {
        double ex = bx - ax;
        double ey = by - ay;
        double len2 = ex * ex + ey * ey;
        return (x, y) -> {
            double wx = x - ax;
            double wy = y - ay;
            double t = len2 == 0 ? 0 : clamp((wx * ex + wy * ey) / len2, 0, 1);
            return StrictMath.hypot(wx - ex * t, wy - ey * t) - radius;
        };
    }

    /** A simple polygon given as x0, y0, x1, y1, ... (any winding). */
    static Shape polygon(double... xy) {
        if (xy.length < 6 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("a polygon needs at least three x,y pairs");
        }
        double[] v = xy.clone();
        int n = v.length / 2;
        return (x, y) -> {
            double best = Double.MAX_VALUE;
            boolean inside = false;
            for (int i = 0, j = n - 1; i < n; j = i, i++) {
                double vix = v[2 * i];
                double viy = v[2 * i + 1];
                double ex = v[2 * j] - vix;
                double ey = v[2 * j + 1] - viy;
                double wx = x - vix;
                double wy = y - viy;
                double t = clamp((wx * ex + wy * ey) / (ex * ex + ey * ey), 0, 1);
                double bx = wx - ex * t;
                double by = wy - ey * t;
                best = Math.min(best, bx * bx + by * by);
                boolean c1 = y >= viy;
                boolean c2 = y < v[2 * j + 1];
                boolean c3 = ex * wy > ey * wx;
                if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) {
                    inside = !inside;
                }
            }
            double d = StrictMath.sqrt(best);
            return inside ? -d : d;
        };
    }

    /**
     * A polygon symmetric about the x axis: give the upper half (y &lt; 0) from nose to tail, with
     * the nose and the tail on the axis; the lower half is the mirror image.
     */
    static Shape mirroredPolygon(double... upperHalf) {
        int n = upperHalf.length / 2;
        double[] all = new double[(2 * n - 2) * 2];
        System.arraycopy(upperHalf, 0, all, 0, upperHalf.length);
        int k = upperHalf.length;
        for (int i = n - 2; i >= 1; i--) {
            all[k++] = upperHalf[2 * i];
            all[k++] = -upperHalf[2 * i + 1];
        }
        return polygon(all);
    }

    /** A regular polygon with a vertex at angle {@code rotation} (radians). */
    static Shape regular(double cx, double cy, double radius, int sides, double rotation) {
        double[] xy = new double[sides * 2];
        for (int i = 0; i < sides; i++) {
            double angle = rotation + 2 * Math.PI * i / sides;
            xy[2 * i] = cx + radius * StrictMath.cos(angle);
            xy[2 * i + 1] = cy + radius * StrictMath.sin(angle);
        }
        return polygon(xy);
    }

    default Shape union(Shape other) {
        return (x, y) -> Math.min(distance(x, y), other.distance(x, y));
    }

    default Shape minus(Shape other) {
        return (x, y) -> Math.max(distance(x, y), -other.distance(x, y));
    }

    default Shape intersect(Shape other) {
        return (x, y) -> Math.max(distance(x, y), other.distance(x, y));
    }

    /** The band of the given half-thickness around this shape's outline. */
    default Shape outline(double halfThickness) {
        return (x, y) -> Math.abs(distance(x, y)) - halfThickness;
    }

    /** Grows (positive) or shrinks (negative) the shape. */
    default Shape grow(double amount) {
        return (x, y) -> distance(x, y) - amount;
    }

    /** This shape scaled by {@code scale}, rotated by {@code angle} and then moved to (dx, dy). */
    default Shape placed(double dx, double dy, double angle, double scale) {
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        return (x, y) -> {
            double px = x - dx;
            double py = y - dy;
            double lx = (px * cos + py * sin) / scale;
            double ly = (-px * sin + py * cos) / scale;
            return distance(lx, ly) * scale;
        };
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    /** Hermite step from 0 at {@code edge0} to 1 at {@code edge1}. */
    static double smoothstep(double edge0, double edge1, double v) {
        double t = clamp((v - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - 2 * t);
    }
}
