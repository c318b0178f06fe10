package io.lancers.client.render;

/**
 * The points between two radii about a centre (a disc when the inner one is below 0), as a ring is drawn
 * row by row: where a row crosses it and how much of a pixel it covers. Coverage at an edge is the distance
 * from the pixel's centre to the edge plus a half, clamped to 0..1. Reused from ring to ring.
 */
final class Ring {
    private double cx;
    /** Coverage reaches 0 at these radii. */
    private double ro;
    private double ri;
    /** Wholly covered from radius full to outer - 0.5; fullOut2 is the square of the latter (-1: never). */
    private double full;
    private double fullOut2;
    /** The middle of the outline, where dashes are measured. */
    private double radius;
    private FrameBuffer.Dash dash;

    /**
     * This ring, its centre {@code cx} across (rows come as their distance from the centre), dashed if
     * {@code dash} is not null.
     */
    Ring set(double cx, double inner, double outer, FrameBuffer.Dash dash) {
        this.cx = cx;
        this.dash = dash;
        ro = outer + 0.5;
        ri = inner - 0.5;
        full = Math.max(0, inner + 0.5);
        // Never, for a disc of less than half a pixel.
        fullOut2 = outer >= 0.5 ? (outer - 0.5) * (outer - 0.5) : -1;
        radius = (inner + outer) / 2;
        return this;
    }

    double cx() {
        return cx;
    }

    /** How far from the centre it draws anything. */
    double reach() {
        return ro;
    }

    /**
     * The row {@code dy} from the centre, as half-widths about the centre, into {@code out}: the outer edge,
     * the hole's (-1 where the row misses the hole), the wholly covered part's inner (0 where the row passes
     * its hole) and outer (-1 where there is none, and always for a dashed ring); false if the row misses it.
     */
    boolean row(double dy, double[] out) {
        double o2 = ro * ro - dy * dy;
        if (o2 < 0) {
            return false;
        }
        out[0] = Math.sqrt(o2);
        out[1] = ri > 0 && ri * ri - dy * dy > 0 ? Math.sqrt(ri * ri - dy * dy) : -1;
        out[2] = full * full - dy * dy > 0 ? Math.sqrt(full * full - dy * dy) : 0;
        out[3] = dash == null && fullOut2 - dy * dy >= 0 ? Math.sqrt(fullOut2 - dy * dy) : -1;
        return true;
    }

    /** How much of the pixel whose centre is at {@code (dx, dy)} from the centre the ring covers, 0..1 or beyond. */
    double cover(double dx, double dy) {
        double d2 = dx * dx + dy * dy;
        double cover;
        if (d2 >= full * full && d2 <= fullOut2) {
            cover = 1;
        } else {
            double d = Math.sqrt(d2);
            cover = ro - d < d - ri ? ro - d : d - ri;
        }
        if (dash != null) {
            double along = dashCover(dx, dy);
            cover = cover < along ? cover : along;
        }
        return cover;
    }

    /** How much of a pixel at {@code (dx, dy)} from the centre a dash covers, along the circle. */
    private double dashCover(double dx, double dy) {
        double period = dash.on() + dash.off();
        double s = angle(dx, dy) * radius + dash.offset();
        s -= Math.floor(s / period) * period;
        double on = dash.on();
        if (s < on) {
            return (s < on - s ? s : on - s) + 0.5;
        }
        return 0.5 - (s - on < period - s ? s - on : period - s);
    }
    /**
     * The angle of {@code (dx, dy)} from the x axis, 0 to 2 pi, within 1e-5 radians (a dash's end moves by
     * under a thousandth of a pixel on the largest ring): {@code Math.atan2} cost a dashed ring more than
     * everything else it does per pixel.
     */
    static double angle(double dx, double dy) {
        double ax = Math.abs(dx);
        double ay = Math.abs(dy);
        double big = ax > ay ? ax : ay;
        if (big == 0) {
            return 0;
        }
        double a = (ax < ay ? ax : ay) / big;
        double s = a * a;
        // A minimax polynomial for atan on [0, 1].
        double r = ((((-0.0117212 * s + 0.05265332) * s - 0.11643287) * s + 0.19354346) * s - 0.33262347) * s * a
                + 0.99997726 * a;
        if (ay > ax) {
            r = Math.PI / 2 - r;
        }
        if (dx < 0) {
            r = Math.PI - r;
        }
        return dy < 0 ? 2 * Math.PI - r : r;
    }
}
