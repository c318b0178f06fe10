package io.lancers.sim;

import io.lancers.map.Wall;

import java.util.List;

/** Intersection tests shared by the simulation and the bots. Pure functions of floats. */
public final class Geometry {
    /** Returned by the segment tests when the segment misses. */
    public static final float MISS = Float.POSITIVE_INFINITY;

    private Geometry() {
    }

    /**
     * First parameter t in [0, 1] at which the segment (ax,ay)→(bx,by) enters the rectangle
     * [minX,maxX]×[minY,maxY] (0 when it starts inside), or {@link #MISS}.
     */
    public static float segmentRect(float ax, float ay, float bx, float by,
                                    float minX, float minY, float maxX, float maxY) {
        float tEnter = 0f;
        float tExit = 1f;
        float dx = bx - ax;
        if (dx == 0f) {
            if (ax < minX || ax > maxX) {
                return MISS;
            }
        } else {
            float t1 = (minX - ax) / dx;
            float t2 = (maxX - ax) / dx;
            tEnter = Math.max(tEnter, Math.min(t1, t2));
            tExit = Math.min(tExit, Math.max(t1, t2));
        }
        float dy = by - ay;
        if (dy == 0f) {
            if (ay < minY || ay > maxY) {
                return MISS;
            }
        } else {
            float t1 = (minY - ay) / dy;
            float t2 = (maxY - ay) / dy;
            tEnter = Math.max(tEnter, Math.min(t1, t2));
            tExit = Math.min(tExit, Math.max(t1, t2));
        }
        return tEnter <= tExit ? tEnter : MISS;
    }

    /**
     * First parameter t in [0, 1] at which the segment (ax,ay)→(bx,by) comes within {@code r} of
     * (cx,cy) (0 when it starts within), or {@link #MISS}.
     */
    public static float segmentCircle(float ax, float ay, float bx, float by, float cx, float cy, float r) {
        float fx = ax - cx;
        float fy = ay - cy;
        float c = fx * fx + fy * fy - r * r;
        if (c <= 0f) {
            return 0f;
        }
        float dx = bx - ax;
        float dy = by - ay;
        float a = dx * dx + dy * dy;
        float b = fx * dx + fy * dy;
        if (a == 0f || b >= 0f) {
            return MISS; // not moving, or moving away
        }
        float disc = b * b - a * c;
        if (disc < 0f) {
            return MISS;
        }
        float t = (-b - (float) Math.sqrt(disc)) / a;
        return t <= 1f ? t : MISS;
    }

    /**
     * First parameter t in [0, 1] at which the segment leaves the arena [0,w]×[0,h], or
     * {@link #MISS} if it stays inside.
     */
    public static float segmentLeavesArena(float ax, float ay, float bx, float by, float w, float h) {
        float t = MISS;
        if (bx < 0f) {
            t = Math.min(t, ax / (ax - bx));
        } else if (bx > w) {
            t = Math.min(t, (w - ax) / (bx - ax));
        }
        if (by < 0f) {
            t = Math.min(t, ay / (ay - by));
        } else if (by > h) {
            t = Math.min(t, (h - ay) / (by - ay));
        }
        return t == MISS ? MISS : Math.max(0f, t);
    }

    /** First wall hit by the segment: t in [0, 1], or {@link #MISS}. Walls may be inflated by {@code margin}. */
    public static float segmentWalls(List<Wall> walls, float ax, float ay, float bx, float by, float margin) {
        float best = MISS;
        for (int i = 0, n = walls.size(); i < n; i++) {
            Wall w = walls.get(i);
            float t = segmentRect(ax, ay, bx, by, w.x() - margin, w.y() - margin,
                    w.x() + w.width() + margin, w.y() + w.height() + margin);
            if (t < best) {
                best = t;
            }
        }
        return best;
    }

    /** True when a circle overlaps the wall (touching does not count). */
    public static boolean circleOverlapsWall(float cx, float cy, float r, Wall w) {
        float nx = clamp(cx, w.x(), w.x() + w.width());
        float ny = clamp(cy, w.y(), w.y() + w.height());
        float dx = cx - nx;
        float dy = cy - ny;
        return dx * dx + dy * dy < r * r;
    }

    public static float clamp(float v, float lo, float hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
