package io.lancers.load;

import io.lancers.bot.NavGraph;
import io.lancers.map.ArenaMap;
import io.lancers.sim.Input;
import io.lancers.sim.Rules;

/**
 * Flies a scripted ship to a spot on a map and stops it there: around walls by the bots' own
 * {@link NavGraph}, each axis thrusting until drag and friction will carry the ship the rest of
 * the way. For benches and tests that need a duel at a fixed place whatever the spawn points were.
 */
public final class Pilot {
    /** Closer than this on an axis counts as there. */
    private static final float THERE = 3f;

    private final NavGraph nav;

    public Pilot(ArenaMap map) {
        this.nav = new NavGraph(map);
    }

    /** The buttons that take a ship at (x, y) moving at (vx, vy) towards (spotX, spotY); 0 once there. */
    public int toward(float x, float y, float vx, float vy, float spotX, float spotY) {
        float[] next = nav.nextWaypoint(x, y, spotX, spotY);
        if (next == null) {
            return 0;
        }
        return axis(next[0] - x, vx, Input.LEFT, Input.RIGHT) | axis(next[1] - y, vy, Input.UP, Input.DOWN);
    }

    /** Thrust along one axis towards a point {@code d} away unless the ship will glide there. */
    public static int axis(float d, float v, int minus, int plus) {
        float glide = Math.abs(v) / Rules.DRAG; // about how far it glides once let go
        if (Math.abs(d) < THERE || (Math.signum(d) == Math.signum(v) && glide >= Math.abs(d))) {
            return 0;
        }
        return d > 0 ? plus : minus;
    }
}
