package io.lancers.bot;

import io.lancers.map.ArenaMap;
import io.lancers.map.SpawnPoint;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bots and the charged lance: far targets get a lance once it is charged, near ones the gun, clumsy bots never charge. */
class BotLanceTest {
    private static final MatchConfig CONFIG = MatchConfig.defaults();
    private static final ArenaMap OPEN = new ArenaMap("open", "Open", 1600, 600, List.of(),
            List.of(new SpawnPoint(100, 300), new SpawnPoint(1500, 300)), List.of());

    /** Buttons bot 1 presses over {@code ticks} steps of a real match against a sitting ship 2, OR-ed. */
    private static int[] play(float skill, float targetX, int ticks) {
        Simulation sim = new Simulation(OPEN, CONFIG);
        Ship self = new Ship(1, 300, 300, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0);
        Ship target = new Ship(2, targetX, 300, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0);
        World w = new World(1000, sim.newMatch(1, 0, 1).match(), List.of(self, target), List.of(), List.of(),
                List.of());
        BotBrain brain = new BotBrain(5, skill);
        int pressed = 0;
        int lanceHits = 0;
        for (int t = 0; t < ticks; t++) {
            Input in = brain.decide(w, 1, OPEN, CONFIG);
            pressed |= in.buttons();
            w = sim.step(w, Map.of(1, in));
            for (GameEvent e : w.events()) {
                lanceHits += e instanceof GameEvent.Hit hit && hit.damage() == Rules.LANCE_DAMAGE ? 1 : 0;
            }
        }
        return new int[] {pressed, lanceHits};
    }

    @Test
    void aSharpBotLancesAFarTargetAndHitsIt() {
        int[] far = play(1f, 1000f, 4 * CONFIG.tickRate());
        assertTrue((far[0] & Input.LANCE) != 0, "a target 700 away gets the lance");
        assertTrue(far[1] >= 1, "and it lands: " + far[1]);
    }

    @Test
    void aNearTargetGetsTheGun() {
        int[] near = play(1f, 550f, 2 * CONFIG.tickRate());
        assertTrue((near[0] & Input.FIRE) != 0);
        assertEquals(0, near[0] & Input.LANCE, "250 away, the gun's stream");
    }

    @Test
    void aClumsyBotNeverCharges() {
        assertEquals(0, play(0.25f, 1000f, 4 * CONFIG.tickRate())[0] & Input.LANCE);
    }
}
