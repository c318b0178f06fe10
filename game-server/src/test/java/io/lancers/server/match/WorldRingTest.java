package io.lancers.server.match;

import io.lancers.map.MapLoader;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorldRingTest {
    private final Simulation sim = new Simulation(MapLoader.load("foundry"), MatchConfig.defaults());

    /** Worlds of ticks 0..last, stepped from a new match. */
    private World[] stepped(int last) {
        World[] worlds = new World[last + 1];
        worlds[0] = sim.newMatch(1, 0, 1);
        for (int tick = 1; tick <= last; tick++) {
            worlds[tick] = sim.step(worlds[tick - 1], Map.of());
        }
        return worlds;
    }

    @Test
    void holdsTheLastCapacityTicksAndForgetsOlderOnes() {
        World[] worlds = stepped(10);
        WorldRing ring = new WorldRing(4);
        for (int tick = 0; tick <= 10; tick++) {
            ring.add(worlds[tick]);
        }
        for (int tick = 7; tick <= 10; tick++) {
            assertSame(worlds[tick], ring.get(tick));
        }
        assertNull(ring.get(6), "pushed out four ticks later");
        assertNull(ring.get(3), "same slot as tick 7, another tick");
        assertNull(ring.get(11), "not yet");
        assertNull(ring.get(Membership.NO_BASE));
    }

    @Test
    void anEmptyRingHasNothingAndACapacityMustBePositive() {
        assertNull(new WorldRing(32).get(0));
        assertThrows(IllegalArgumentException.class, () -> new WorldRing(0));
    }
}
