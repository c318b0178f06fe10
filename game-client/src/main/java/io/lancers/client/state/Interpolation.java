package io.lancers.client.state;

import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.sim.Projectile;
import io.lancers.sim.Ship;
import io.lancers.sim.World;

import java.util.ArrayList;
import java.util.List;

/**
 * Where things are drawn between two authoritative worlds: the live view's interpolation of
 * others ({@link ClientWorld}) and a replay's playback both draw with it, so a replay moves
 * exactly like the match did on screen. Pure functions.
 */
public final class Interpolation {
    /** A step this long in one go is a teleport (respawn), not movement: snap, do not glide. */
    static final float TELEPORT_DISTANCE = 64f;

    private Interpolation() {
    }

    /**
     * The ships of {@code from} at the fractional {@code renderTick}, moved towards their place in
     * {@code to} (a later world, or null: then as they are). Before {@code from}'s tick they stand still.
     */
    public static List<RenderShip> ships(World from, World to, double renderTick) {
        List<RenderShip> ships = new ArrayList<>(from.ships().size());
        if (to == null || renderTick <= from.tick() || to.tick() <= from.tick()) {
            from.ships().forEach(s -> ships.add(still(s)));
            return ships;
        }
        float fraction = (float) Math.min(1, (renderTick - from.tick()) / (to.tick() - from.tick()));
        for (Ship s : from.ships()) {
            ships.add(between(s, find(to.ships(), s.id()), fraction));
        }
        return ships;
    }

    /** The projectiles of {@code base} flown on to {@code renderTick} (not before base's own tick). */
    public static List<RenderProjectile> projectiles(World base, double renderTick, float tickSeconds) {
        double projectileTick = Math.max(renderTick, base.tick());
        List<RenderProjectile> projectiles = new ArrayList<>(base.projectiles().size());
        for (Projectile p : base.projectiles()) {
            projectiles.add(projectile(p, projectileTick, tickSeconds, 0f, 0f));
        }
        return projectiles;
    }

    /** {@code p} at the fractional {@code tick} on its path, moved by ({@code dx}, {@code dy}). */
    static RenderProjectile projectile(Projectile p, double tick, float tickSeconds, float dx, float dy) {
        int wholeTick = (int) Math.floor(tick);
        float partSeconds = (float) ((tick - wholeTick) * tickSeconds);
        return new RenderProjectile(p, p.xAt(wholeTick, tickSeconds) + p.vx() * partSeconds + dx,
                p.yAt(wholeTick, tickSeconds) + p.vy() * partSeconds + dy);
    }

    static RenderShip still(Ship s) {
        return new RenderShip(s, s.x(), s.y(), s.aim());
    }

    private static RenderShip between(Ship from, Ship to, float fraction) {
        if (to == null || !from.alive() || !to.alive()
                || Math.hypot(to.x() - from.x(), to.y() - from.y()) > TELEPORT_DISTANCE) {
            return still(from);
        }
        return new RenderShip(from, lerp(from.x(), to.x(), fraction), lerp(from.y(), to.y(), fraction),
                lerpAngle(from.aim(), to.aim(), fraction));
    }

    static float lerp(float a, float b, float fraction) {
        return a + (b - a) * fraction;
    }

    /** Along the shorter arc, result in [0, 2π). */
    static float lerpAngle(float a, float b, float fraction) {
        double twoPi = 2 * Math.PI;
        double diff = ((b - a) % twoPi + 3 * Math.PI) % twoPi - Math.PI;
        double r = (a + diff * fraction) % twoPi;
        return (float) (r < 0 ? r + twoPi : r);
    }

    static Ship find(List<Ship> ships, int id) {
        for (Ship s : ships) {
            if (s.id() == id) {
                return s;
            }
        }
        return null;
    }
}
