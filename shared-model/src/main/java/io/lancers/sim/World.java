package io.lancers.sim;

import java.util.List;

/**
 * The whole authoritative state of one match at one tick: exactly what a full snapshot carries
 * and what diffs patch. Lists are sorted by id.
 *
 * @param tick        the tick this state is at
 * @param match       match-wide state
 * @param ships       ships, sorted by id
 * @param projectiles live projectiles, sorted by id
 * @param pickups     pickups, sorted by id
 * @param events      what happened during the step that produced this tick
 */
public record World(int tick, MatchState match, List<Ship> ships, List<Projectile> projectiles,
                    List<Pickup> pickups, List<GameEvent> events) {

    /** The lists are unmodifiable copies of one class ({@link FrozenList}, which says why). */
    public World {
        ships = FrozenList.copyOf(ships);
        projectiles = FrozenList.copyOf(projectiles);
        pickups = FrozenList.copyOf(pickups);
        events = FrozenList.copyOf(events);
    }
}
