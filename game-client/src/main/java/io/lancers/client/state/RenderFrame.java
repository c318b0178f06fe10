package io.lancers.client.state;

import io.lancers.sim.GameEvent;
import io.lancers.sim.MatchState;
import io.lancers.sim.Pickup;
import io.lancers.sim.Projectile;
import io.lancers.sim.Ship;

import java.util.List;

/**
 * What to draw at one instant: every ship at its render position (others interpolated in the
 * recent past, the own ship predicted), projectiles at the fractional render tick, and the events
 * whose tick was passed since the previous sample (each event is delivered once).
 *
 * @param renderTick    the fractional server tick the others are shown at
 * @param latestTick    the newest authoritative tick received
 * @param match         match-wide state at the render tick
 * @param ships         all ships; the own one (if any) is the predicted one
 * @param ownId         our ship's id, 0 when spectating
 * @param projectiles   live projectiles at the render tick; our predicted shots among them carry negative ids
 *                      (-1, -2, … in the order fired) and stand for the server's projectile once it arrived
 * @param pickups       pickups at the render tick
 * @param events        events of the ticks passed since the previous sample, oldest first
 * @param extrapolating no newer world was there to interpolate towards: positions run ahead on velocity
 */
public record RenderFrame(double renderTick, int latestTick, MatchState match, List<RenderShip> ships, int ownId,
                          List<RenderProjectile> projectiles, List<Pickup> pickups, List<GameEvent> events,
                          boolean extrapolating) {

    public RenderFrame {
        ships = List.copyOf(ships);
        projectiles = List.copyOf(projectiles);
        pickups = List.copyOf(pickups);
        events = List.copyOf(events);
    }

    /** The own ship as drawn, or null (spectating, or not in the world). */
    public RenderShip own() {
        return ship(ownId);
    }

    /** The ship with {@code id} as drawn, or null (not in the world; id 0 is nobody). */
    public RenderShip ship(int id) {
        if (id == 0) {
            return null;
        }
        for (RenderShip s : ships) {
            if (s.ship().id() == id) {
                return s;
            }
        }
        return null;
    }

    /**
     * A ship where it is drawn.
     *
     * @param ship the authoritative (or predicted) ship, for everything but the position and aim
     * @param x    render position
     * @param y    render position
     * @param aim  render aim, radians
     */
    public record RenderShip(Ship ship, float x, float y, float aim) {
    }

    /** A projectile where it is drawn. */
    public record RenderProjectile(Projectile projectile, float x, float y) {
    }
}
