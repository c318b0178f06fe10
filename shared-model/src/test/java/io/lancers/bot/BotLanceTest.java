package io.lancers.bot;

import io.lancers.map.ArenaMap;
import io.lancers.map.PickupSpot;
import io.lancers.map.SpawnPoint;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bots and the charged lance: with charges, far targets get a lance once it is charged, near ones the
 * gun, clumsy bots never charge; without, a bot that uses the lance fetches a lance pickup it sees
 * near, unless an enemy is close.
 */
class BotLanceTest {
    private static final MatchConfig CONFIG = MatchConfig.defaults();
    private static final ArenaMap OPEN = new ArenaMap("open", "Open", 1600, 600, List.of(),
            List.of(new SpawnPoint(100, 300), new SpawnPoint(1500, 300)), List.of());

    /** Like {@link #OPEN} with a lance pickup at (300, 100), 200 above where bot 1 starts. */
    private static final ArenaMap LANCE_SPOT = new ArenaMap("lance", "Lance", 1600, 600, List.of(), OPEN.spawns(),
            List.of(new PickupSpot(300, 100, PickupKind.LANCE)));

    /** Buttons bot 1 (holding 3 lance charges) presses over {@code ticks} steps of a real match against a sitting ship 2, OR-ed. */
    private static int[] play(float skill, float targetX, int ticks) {
        Simulation sim = new Simulation(OPEN, CONFIG);
        Ship self = new Ship(1, 300, 300, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0, 3);
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

    @Test
    void aBotThatRunsOutLancesNoMore() {
        Simulation sim = new Simulation(OPEN, CONFIG);
        Ship self = new Ship(1, 300, 300, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0, 0);
        Ship target = new Ship(2, 1000, 300, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0);
        World w = new World(1000, sim.newMatch(1, 0, 1).match(), List.of(self, target), List.of(), List.of(), List.of());
        BotBrain brain = new BotBrain(5, 1f);
        for (int t = 0; t < 2 * CONFIG.tickRate(); t++) {
            Input in = brain.decide(w, 1, OPEN, CONFIG);
            assertEquals(0, in.buttons() & Input.LANCE, "no charges: the gun, whatever the range");
            w = sim.step(w, Map.of(1, in));
        }
    }

    /** Ticks until bot 1 (no charges, at (300, 300)) holds lance charges; ship 2 sits at {@code enemyX}, 300. */
    private static int ticksToFetch(float skill, float enemyX, int ticks) {
        Simulation sim = new Simulation(LANCE_SPOT, CONFIG);
        Ship self = new Ship(1, 300, 300, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0);
        Ship enemy = new Ship(2, enemyX, 300, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0);
        World start = sim.newMatch(1, 1000, 1);
        World w = new World(start.tick(), start.match(), List.of(self, enemy), List.of(), start.pickups(), List.of());
        BotBrain brain = new BotBrain(5, skill);
        for (int t = 0; t < ticks; t++) {
            w = sim.step(w, Map.of(1, brain.decide(w, 1, LANCE_SPOT, CONFIG)));
            // The enemy sits there unharmed: a fight that goes on.
            w = new World(w.tick(), w.match(), List.of(w.ships().get(0), enemy), w.projectiles(), w.pickups(), w.events());
            if (w.ships().get(0).lanceCharges() > 0) {
                return t;
            }
        }
        return -1;
    }

    @Test
    void aBotWithoutChargesFetchesALanceItSeesNearby() {
        assertTrue(ticksToFetch(1f, 1500f, 3 * CONFIG.tickRate()) >= 0, "nobody near: it goes for the lance");
    }

    @Test
    void midFightABotDoesNotRunForTheLanceAndAClumsyOneLeavesIt() {
        assertEquals(-1, ticksToFetch(1f, 700f, 3 * CONFIG.tickRate()), "an enemy 400 away: it fights");
        assertEquals(-1, ticksToFetch(0.25f, 1500f, 3 * CONFIG.tickRate()), "a bot that never lances leaves it");
    }
}
