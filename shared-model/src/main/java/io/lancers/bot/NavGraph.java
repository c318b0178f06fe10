package io.lancers.bot;

import io.lancers.map.ArenaMap;
import io.lancers.map.Wall;
import io.lancers.sim.Geometry;
import io.lancers.sim.Rules;

import java.util.Arrays;
import java.util.List;

/**
 * Where a ship can go on a map: a visibility graph over points just off every wall corner. A
 * ship that can see its goal flies straight at it; otherwise it follows the shortest chain of
 * corner points, so it steers around walls instead of pushing into them.
 */
public final class NavGraph {
    /** Paths keep the ship's centre this far from walls: it brushes past, never snags on a corner. */
    static final float CLEARANCE = Rules.SHIP_RADIUS - 1f;
    /** A waypoint closer than this counts as reached: the way goes on from the next one. */
    static final float REACHED = 24f;
    /** Corner points sit this far out from the corner on both axes: outside the clearance. */
    private static final float CORNER_OFFSET = Rules.SHIP_RADIUS + 10f;
    /** Walls closer than this may crowd out each other's corner points: the gap gets a point of its own. */
    private static final float NARROW_GAP = 2 * (CORNER_OFFSET + CLEARANCE);

    private final ArenaMap map;
    private final float[] nodeX;
    private final float[] nodeY;
    /** adjacency[i][j]: distance between nodes i and j if the way is clear, else +inf. */
    private final float[][] adjacency;

    public NavGraph(ArenaMap map) {
        this.map = map;
        List<Wall> walls = map.walls();
        int candidates = walls.size() * 4 + walls.size() * (walls.size() - 1) / 2;
        float[] xs = new float[candidates];
        float[] ys = new float[candidates];
        int n = 0;
        for (Wall w : walls) {
            for (int corner = 0; corner < 4; corner++) {
                float x = (corner & 1) == 0 ? w.x() - CORNER_OFFSET : w.x() + w.width() + CORNER_OFFSET;
                float y = (corner & 2) == 0 ? w.y() - CORNER_OFFSET : w.y() + w.height() + CORNER_OFFSET;
                if (isOpen(x, y)) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        // Two walls this close leave no room for their corner points between them, so the gap
        // itself gets a point: without it a ship could fit through but no way would lead there.
        for (int i = 0; i < walls.size(); i++) {
            for (int j = i + 1; j < walls.size(); j++) {
                Wall a = walls.get(i);
                Wall b = walls.get(j);
                float[] x = gap(a.x(), a.x() + a.width(), b.x(), b.x() + b.width());
                float[] y = gap(a.y(), a.y() + a.height(), b.y(), b.y() + b.height());
                float mx = (x[0] + x[1]) / 2;
                float my = (y[0] + y[1]) / 2;
                if (Math.hypot(x[1] - x[0], y[1] - y[0]) < NARROW_GAP && isOpen(mx, my)) {
                    xs[n] = mx;
                    ys[n] = my;
                    n++;
                }
            }
        }
        nodeX = Arrays.copyOf(xs, n);
        nodeY = Arrays.copyOf(ys, n);
        adjacency = new float[n][n];
        for (int i = 0; i < n; i++) {
            adjacency[i][i] = 0f;
            for (int j = i + 1; j < n; j++) {
                float d = clear(nodeX[i], nodeY[i], nodeX[j], nodeY[j])
                        ? (float) Math.hypot(nodeX[i] - nodeX[j], nodeY[i] - nodeY[j]) : Float.POSITIVE_INFINITY;
                adjacency[i][j] = d;
                adjacency[j][i] = d;
            }
        }
    }

    /**
     * The closest pair of coordinates of two intervals on one axis: their facing ends when apart,
     * else the middle of their overlap twice.
     */
    private static float[] gap(float min0, float max0, float min1, float max1) {
        if (max0 < min1) {
            return new float[] {max0, min1};
        }
        if (max1 < min0) {
            return new float[] {max1, min0};
        }
        float middle = (Math.max(min0, min1) + Math.min(max0, max1)) / 2;
        return new float[] {middle, middle};
    }

    ArenaMap map() {
        return map;
    }

    /**
     * True when a circle of radius {@link #CLEARANCE} can move along the segment without touching a
     * wall: the segment misses every wall grown by that radius with rounded corners.
     */
    boolean clear(float ax, float ay, float bx, float by) {
        final float r = CLEARANCE;
        for (Wall w : map.walls()) {
            float x0 = w.x();
            float y0 = w.y();
            float x1 = w.x() + w.width();
            float y1 = w.y() + w.height();
            if (Geometry.segmentRect(ax, ay, bx, by, x0 - r, y0, x1 + r, y1) != Geometry.MISS
                    || Geometry.segmentRect(ax, ay, bx, by, x0, y0 - r, x1, y1 + r) != Geometry.MISS
                    || Geometry.segmentCircle(ax, ay, bx, by, x0, y0, r) != Geometry.MISS
                    || Geometry.segmentCircle(ax, ay, bx, by, x1, y0, r) != Geometry.MISS
                    || Geometry.segmentCircle(ax, ay, bx, by, x0, y1, r) != Geometry.MISS
                    || Geometry.segmentCircle(ax, ay, bx, by, x1, y1, r) != Geometry.MISS) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first point to fly toward on the shortest way from (fromX, fromY) to (toX, toY): the goal
     * itself when it is in clear view, else a corner point; null when no way is known.
     */
    public float[] nextWaypoint(float fromX, float fromY, float toX, float toY) {
        if (clear(fromX, fromY, toX, toY)) {
            return new float[] {toX, toY};
        }
        int n = nodeX.length;
        float[] toGoal = new float[n];
        for (int i = 0; i < n; i++) {
            toGoal[i] = clear(nodeX[i], nodeY[i], toX, toY)
                    ? (float) Math.hypot(nodeX[i] - toX, nodeY[i] - toY) : Float.POSITIVE_INFINITY;
        }
        // Dijkstra backwards from the goal: dist[i] = length of the best way from node i to the goal.
        float[] dist = toGoal.clone();
        boolean[] done = new boolean[n];
        for (int round = 0; round < n; round++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i] && (best < 0 || dist[i] < dist[best])) {
                    best = i;
                }
            }
            if (best < 0 || dist[best] == Float.POSITIVE_INFINITY) {
                break;
            }
            done[best] = true;
            for (int i = 0; i < n; i++) {
                float via = dist[best] + adjacency[best][i];
                if (via < dist[i]) {
                    dist[i] = via;
                }
            }
        }
        int first = -1;
        float bestTotal = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float hop = (float) Math.hypot(nodeX[i] - fromX, nodeY[i] - fromY);
            if (dist[i] == Float.POSITIVE_INFINITY || hop < REACHED) {
                continue;
            }
            float total = hop + dist[i];
            if (total < bestTotal && clear(fromX, fromY, nodeX[i], nodeY[i])) {
                bestTotal = total;
                first = i;
            }
        }
        return first < 0 ? null : new float[] {nodeX[first], nodeY[first]};
    }

    /** Somewhere a ship's centre may be: inside the arena, clear of every wall. */
    boolean isOpen(float x, float y) {
        float r = Rules.SHIP_RADIUS;
        if (x < r || y < r || x > map.width() - r || y > map.height() - r) {
            return false;
        }
        for (Wall w : map.walls()) {
            if (Geometry.circleOverlapsWall(x, y, CLEARANCE + 2f, w)) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return nodeX.length;
    }
}
