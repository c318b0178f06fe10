package io.lancers.map;

import java.util.List;

/**
 * A map: arena bounds (the border is solid), walls, spawn points and pickup spots. Coordinates are
 * world units, origin top-left, y down.
 */
public record ArenaMap(String id, String name, float width, float height, List<Wall> walls,
                       List<SpawnPoint> spawns, List<PickupSpot> pickups) {

    public ArenaMap {
        walls = List.copyOf(walls);
        spawns = List.copyOf(spawns);
        pickups = List.copyOf(pickups);
    }
}
