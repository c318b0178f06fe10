package io.lancers.sim;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {
    private final MatchConfig config = MatchConfig.defaults();
    private final Simulation sim = new Simulation(TestArenas.box(), config);

    private World oneShip(Ship s) {
        return TestArenas.withShips(sim.newMatch(42, 1000, 1), s);
    }

    private static Map<Integer, Input> hold(int shipId, int buttons, float aim) {
        return Map.of(shipId, new Input(1, buttons, aim));
    }

    @Test
    void thrustAcceleratesUpToMaxSpeed() {
        World w = oneShip(TestArenas.ship(1, 100, 300));
        w = sim.step(w, hold(1, Input.RIGHT, 0));
        float first = w.ships().get(0).vx();
        assertTrue(first > 15 && first < Rules.ACCELERATION / config.tickRate(), "one tick of thrust: " + first);
        for (int i = 0; i < 60; i++) {
            w = sim.step(w, hold(1, Input.RIGHT, 0));
        }
        Ship s = w.ships().get(0);
        assertTrue(s.vx() > 0.95f * Rules.MAX_SPEED && s.vx() <= Rules.MAX_SPEED, "cruising: " + s.vx());
        assertEquals(0f, s.vy());
    }
}
