package io.lancers.sim;

import io.lancers.map.ArenaMap;
import io.lancers.map.PickupSpot;
import io.lancers.map.SpawnPoint;
import io.lancers.map.Wall;

import java.util.List;

/** Small hand-made arenas whose geometry the rule tests can reason about. */
final class TestArenas {
    private TestArenas() {
    }

    /** 1000×600, one 40×200 wall at x 480..520, y 200..400; spawns left and right of it; no pickups. */
    static ArenaMap box() {
        return new ArenaMap("box", "Box", 1000, 600,
                List.of(new Wall(480, 200, 40, 200)),
                List.of(new SpawnPoint(100, 300), new SpawnPoint(900, 300)),
                List.of());
    }

    /** Like {@link #box()} with a health spot at (300, 100) and a power spot at (700, 100). */
    static ArenaMap boxWithPickups() {
        ArenaMap b = box();
        return new ArenaMap("box-pickups", "Box with pickups", b.width(), b.height(), b.walls(), b.spawns(),
                List.of(new PickupSpot(300, 100, PickupKind.HEALTH), new PickupSpot(700, 100, PickupKind.POWER)));
    }

    /** 2000×600 and nothing in it but two spawns. */
    static ArenaMap open() {
        return new ArenaMap("open", "Open", 2000, 600, List.of(),
                List.of(new SpawnPoint(100, 300), new SpawnPoint(1900, 300)), List.of());
    }

    /**
     * 600×600 with a wall across the middle (y 250..350) but for a vertical slot of {@code width}
     * centred on x 300; spawns below and above it.
     */
    static ArenaMap slot(float width) {
        float left = 300 - width / 2;
        float right = 300 + width / 2;
        return new ArenaMap("slot", "Slot", 600, 600,
                List.of(new Wall(0, 250, left, 100), new Wall(right, 250, 600 - right, 100)),
                List.of(new SpawnPoint(300, 500), new SpawnPoint(300, 100)), List.of());
    }

    /** A ship at rest at (x, y), full health, not invulnerable. */
    static Ship ship(int id, float x, float y) {
        return new Ship(id, x, y, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Replaces the ships of a world (sorted by id by the caller). */
    static World withShips(World w, Ship... ships) {
        return new World(w.tick(), w.match(), List.of(ships), w.projectiles(), w.pickups(), w.events());
    }
}
