package io.lancers.client.headless;

import io.lancers.sim.Input;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptedPilotTest {
    private static final MatchState MATCH = new MatchState(MatchPhase.PLAYING, 10_000, 0, 1L, 1, 1);

    private static Ship ship(int id, float x, float y, int health) {
        return new Ship(id, x, y, 0, 0, 0, health, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aimsAtTheNearestLivingEnemyAndFires() {
        World w = new World(5, MATCH, List.of(ship(1, 100, 100, 100), ship(2, 100, 300, 100),
                ship(3, 100, 110, 0), ship(4, 500, 100, 100)), List.of(), List.of(), List.of());
        Input input = ScriptedPilot.decide(w, 1, 0);
        assertEquals(Math.PI / 2, input.aim(), 1e-6, "ship 2 straight below; dead ship 3 ignored");
        assertTrue(input.pressed(Input.FIRE));
        assertEquals(Input.LEFT, input.buttons() & ~Input.FIRE, "strafing across the line of fire");
    }

    @Test
    void strafeFlipsNowAndThen() {
        World w = new World(5, MATCH, List.of(ship(1, 100, 100, 100), ship(2, 300, 100, 100)), List.of(),
                List.of(), List.of());
        int early = ScriptedPilot.decide(w, 1, 0).buttons();
        int later = ScriptedPilot.decide(w, 1, 90).buttons();
        assertEquals(Input.DOWN | Input.FIRE, early);
        assertEquals(Input.UP | Input.FIRE, later);
    }

    @Test
    void directionsIncludeDiagonals() {
        assertEquals(Input.RIGHT, ScriptedPilot.directionButtons(0));
        assertEquals(Input.RIGHT | Input.DOWN, ScriptedPilot.directionButtons(Math.PI / 4));
        assertEquals(Input.UP, ScriptedPilot.directionButtons(-Math.PI / 2));
        assertEquals(Input.LEFT | Input.UP, ScriptedPilot.directionButtons(-3 * Math.PI / 4));
    }

    @Test
    void sweepsWithoutAWorld() {
        assertEquals(0.5f, ScriptedPilot.decide(null, 1, 10).aim(), 1e-6);
    }
}
