package io.lancers.server.match;

import io.lancers.sim.World;

/**
 * The worlds of the last {@link #capacity()} ticks, by tick: the bases a receiver that fell behind
 * can still get a DELTA against (Quake III's baseline ring). A receiver whose newest world has left
 * the ring gets a SNAPSHOT. Tick thread only.
 */
final class WorldRing {
    private final World[] worlds;

    WorldRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.worlds = new World[capacity];
    }

    int capacity() {
        return worlds.length;
    }

    /** Keeps {@code world}; it pushes out the world {@link #capacity()} ticks older. */
    void add(World world) {
        worlds[Math.floorMod(world.tick(), worlds.length)] = world;
    }

    /** The world of {@code tick}, or null if it is not (or no longer) here. */
    World get(int tick) {
        World world = worlds[Math.floorMod(tick, worlds.length)];
        return world != null && world.tick() == tick ? world : null;
    }
}
