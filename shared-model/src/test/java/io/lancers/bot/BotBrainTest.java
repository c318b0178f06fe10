package io.lancers.bot;

import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.map.PickupSpot;
import io.lancers.map.SpawnPoint;
import io.lancers.map.Wall;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BotBrainTest {
    private static final int BOTS = 8;

    static List<String> maps() {
        return MapLoader.builtInIds();
    }

    /** Eight bots of mixed skill fight for 60 simulated seconds. */
    @ParameterizedTest
    @MethodSource("maps")
    void botsFightMoveAroundAndStayInTheArena(String mapId) {
        ArenaMap map = MapLoader.load(mapId);
        MatchConfig cfg = MatchConfig.defaults();
        Simulation sim = new Simulation(map, cfg);
        World w = sim.newMatch(11, 0, 1);
        BotBrain[] brains = new BotBrain[BOTS + 1];
        for (int id = 1; id <= BOTS; id++) {
            w = sim.addShip(w, id);
            brains[id] = new BotBrain(1000 + id, (id - 1) / (float) (BOTS - 1));
        }
        int[] lastSeq = new int[BOTS + 1];
        double[] travelled = new double[BOTS + 1];
        double[] travelledLate = new double[BOTS + 1];
        Map<Integer, Ship> previous = new HashMap<>();
        int kills = 0;
        int hits = 0;
        int seconds = 60;
        for (int t = 0; t < seconds * cfg.tickRate(); t++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (int id = 1; id <= BOTS; id++) {
                Input in = brains[id].decide(w, id, map, cfg);
                assertTrue(in.seq() > lastSeq[id], "increasing seq");
                lastSeq[id] = in.seq();
                inputs.put(id, in);
            }
            w = sim.step(w, inputs);
            for (GameEvent e : w.events()) {
                kills += e instanceof GameEvent.Kill ? 1 : 0;
                hits += e instanceof GameEvent.Hit ? 1 : 0;
            }
            for (Ship s : w.ships()) {
                assertTrue(s.x() >= Rules.SHIP_RADIUS && s.x() <= map.width() - Rules.SHIP_RADIUS
                        && s.y() >= Rules.SHIP_RADIUS && s.y() <= map.height() - Rules.SHIP_RADIUS, s.toString());
                Ship before = previous.put(s.id(), s);
                if (before != null && before.alive() && s.alive()) {
                    double step = Math.hypot(s.x() - before.x(), s.y() - before.y());
                    travelled[s.id()] += step;
                    if (t >= (seconds - 15) * cfg.tickRate()) {
                        travelledLate[s.id()] += step;
                    }
                }
            }
        }
        assertTrue(kills >= 5, mapId + ": bots kill each other, kills=" + kills + " hits=" + hits);
        for (int id = 1; id <= BOTS; id++) {
            assertTrue(travelled[id] > 2000, mapId + ": bot " + id + " travelled only " + travelled[id]);
            assertTrue(travelledLate[id] > 300, mapId + ": bot " + id + " is stuck at the end, moved "
                    + travelledLate[id] + " in the last 15 s");
        }
    }

    /**
     * A duel on foundry, seeded like the server seeds a room: the world from {@code seed}, each
     * brain from {@code seed + id}. Both must score, and neither may hang about one spot.
     */
    @ParameterizedTest
    @ValueSource(longs = {42, 1, 7, 2024, 99})
    void twoBotsOnFoundryKeepMovingAndScore(long seed) {
        ArenaMap map = MapLoader.load("foundry");
        MatchConfig cfg = MatchConfig.defaults();
        Simulation sim = new Simulation(map, cfg);
        World w = sim.newMatch(seed, 0, 1);
        BotBrain[] brains = new BotBrain[3];
        for (int id = 1; id <= 2; id++) {
            w = sim.addShip(w, id);
            brains[id] = new BotBrain(new SplittableRandom(seed + id).nextLong(), 0.6f);
        }
        Loitering loitering = new Loitering(1, 2);
        int kills = 0;
        for (int t = 0; t < 60 * cfg.tickRate(); t++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (int id = 1; id <= 2; id++) {
                inputs.put(id, brains[id].decide(w, id, map, cfg));
            }
            w = sim.step(w, inputs);
            for (GameEvent e : w.events()) {
                kills += e instanceof GameEvent.Kill ? 1 : 0;
            }
            loitering.observe(w);
        }
        assertTrue(kills > 0, "seed " + seed + ": nobody scored in 60 s");
        assertTrue(loitering.longestTicks < 5 * cfg.tickRate(), "seed " + seed + ": " + loitering);
    }

    /**
     * A newcomer who just sits there among three bots, seeded like the server seeds a room, joining
     * two seconds in: the gentle bots of a local Play match (skill 0.25) hit him less than half as
     * often as the server's default ones (0.6), over twenty seeds on each free-for-all map. On
     * Bastions, made for teams, half the spawns are pockets behind walls where three bots rarely
     * find an idle ship at all, too few to compare. Here 28 hits against 64 on Foundry and 12
     * against 80 on Crossfire (before the clumsier aim and longer pauses of gentle bots, 49 and 62:
     * with the lance a pickup, default bots no longer lance a far newcomer at will).
     */
    @ParameterizedTest
    @ValueSource(strings = {"foundry", "crossfire"})
    void anIdleNewcomerIsHitLessOftenByGentleBots(String mapId) {
        int gentle = 0;
        int sharp = 0;
        for (long seed = 1; seed <= 20; seed++) {
            gentle += hitsOnAnIdleNewcomer(mapId, seed, 0.25f);
            sharp += hitsOnAnIdleNewcomer(mapId, seed, 0.6f);
        }
        assertTrue(2 * gentle < sharp, mapId + ": hits by gentle bots " + gentle + ", by sharp ones " + sharp);
    }

    private static int hitsOnAnIdleNewcomer(String mapId, long seed, float skill) {
        ArenaMap map = MapLoader.load(mapId);
        MatchConfig cfg = MatchConfig.defaults();
        Simulation sim = new Simulation(map, cfg);
        World w = sim.newMatch(seed, 0, 1);
        int bots = 3;
        int newcomer = bots + 1;
        BotBrain[] brains = new BotBrain[bots + 1];
        for (int id = 1; id <= bots; id++) {
            w = sim.addShip(w, id);
            brains[id] = new BotBrain(new SplittableRandom(seed + id).nextLong(), skill);
        }
        int hits = 0;
        for (int t = 0; t < 30 * cfg.tickRate(); t++) {
            if (t == 2 * cfg.tickRate()) {
                w = sim.addShip(w, newcomer);
            }
            Map<Integer, Input> inputs = new HashMap<>();
            for (int id = 1; id <= bots; id++) {
                inputs.put(id, brains[id].decide(w, id, map, cfg));
            }
            w = sim.step(w, inputs);
            for (GameEvent e : w.events()) {
                hits += e instanceof GameEvent.Hit hit && hit.targetId() == newcomer ? 1 : 0;
            }
        }
        return hits;
    }

    /** A power-up sealed in a box: no way leads there, so the bot must not push into the box but wander. */
    @Test
    void aGoalWithNoWayIsGivenUp() {
        List<Wall> box = List.of(new Wall(440, 240, 120, 20), new Wall(440, 340, 120, 20),
                new Wall(440, 260, 20, 80), new Wall(540, 260, 20, 80));
        ArenaMap map = new ArenaMap("box", "Box", 1000, 600, box,
                List.of(new SpawnPoint(300, 300), new SpawnPoint(60, 60)), List.of(new PickupSpot(500, 300, PickupKind.POWER)));
        assertLoitersLessThan(3, map, new Ship(1, 300, 300, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0));
    }

    /**
     * A hurt bot wants the health in a corner, but a ship that cannot be shot (its spawn shield
     * never ends) parks on it: the way is clear, the bot gets no closer and must give up.
     */
    @Test
    void aGoalTheBotMakesNoProgressTowardIsGivenUp() {
        ArenaMap map = new ArenaMap("corner", "Corner", 1000, 600, List.of(), List.of(new SpawnPoint(300, 300)),
                List.of(new PickupSpot(18, 18, PickupKind.HEALTH)));
        assertLoitersLessThan(4, map, new Ship(1, 300, 300, 0, 0, 0, 30, 0, 0, 0, 0, 0, 0, 0),
                new Ship(2, 18, 18, 0, 0, 0, 100, 0, Integer.MAX_VALUE, 0, 0, 0, 0, 0));
    }

    /** Ship 1, a bot, plays 30 s among the other (idle) ships; fails naming where it stayed too long. */
    private static void assertLoitersLessThan(int seconds, ArenaMap map, Ship... ships) {
        MatchConfig cfg = MatchConfig.defaults();
        Simulation sim = new Simulation(map, cfg);
        World w = sim.newMatch(3, 0, 1);
        w = new World(w.tick(), w.match(), List.of(ships), List.of(), w.pickups(), List.of());
        BotBrain brain = new BotBrain(8, 0.6f);
        Loitering loitering = new Loitering(1);
        for (int t = 0; t < 30 * cfg.tickRate(); t++) {
            w = sim.step(w, Map.of(1, brain.decide(w, 1, map, cfg)));
            loitering.observe(w);
        }
        assertTrue(loitering.longestTicks < seconds * cfg.tickRate(), loitering.toString());
    }

    /** The longest time any of the watched ships stayed alive within 40 units of one spot. */
    private static final class Loitering {
        private static final float RADIUS = 40f;
        private final Set<Integer> watched;
        private final Map<Integer, Ship> anchors = new HashMap<>();
        private final Map<Integer, Integer> since = new HashMap<>();
        int longestTicks;
        private String worst = "nobody loitered";

        Loitering(Integer... watched) {
            this.watched = Set.of(watched);
        }

        void observe(World w) {
            for (Ship s : w.ships()) {
                if (!watched.contains(s.id())) {
                    continue;
                }
                Ship anchor = anchors.get(s.id());
                if (!s.alive() || anchor == null || Math.hypot(s.x() - anchor.x(), s.y() - anchor.y()) > RADIUS) {
                    anchors.put(s.id(), s.alive() ? s : null);
                    since.put(s.id(), w.tick());
                } else if (w.tick() - since.get(s.id()) > longestTicks) {
                    longestTicks = w.tick() - since.get(s.id());
                    worst = "ship " + s.id() + " stayed near (" + anchor.x() + ", " + anchor.y() + ") from tick "
                            + since.get(s.id()) + " for " + longestTicks + " ticks";
                }
            }
        }

        @Override
        public String toString() {
            return worst;
        }
    }

    @Test
    void aSharpBotShootsAVisibleEnemyAndHitsIt() {
        ArenaMap map = MapLoader.load("foundry");
        MatchConfig cfg = MatchConfig.defaults();
        Simulation sim = new Simulation(map, cfg);
        World w = sim.newMatch(5, 0, 1);
        Ship shooter = new Ship(1, 500, 700, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        Ship dummy = new Ship(2, 500, 920, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        w = new World(w.tick(), w.match(), List.of(shooter, dummy), List.of(), w.pickups(), List.of());
        BotBrain brain = new BotBrain(3, 1f);
        int damage = 0;
        for (int t = 0; t < 3 * cfg.tickRate(); t++) {
            w = sim.step(w, Map.of(1, brain.decide(w, 1, map, cfg)));
            for (GameEvent e : w.events()) {
                if (e instanceof GameEvent.Hit hit && hit.targetId() == 2) {
                    damage += hit.damage();
                }
            }
        }
        assertTrue(damage >= 40, "damage dealt: " + damage);
    }

    @Test
    void aBotHoldsFireAtAShipUnderItsSpawnShield() {
        int shieldEnds = 2 * MatchConfig.defaults().tickRate();
        List<Integer> shots = shotTicks(1f, 300, shieldEnds, 2 * shieldEnds);
        assertFalse(shots.isEmpty(), "it fires once the shield is down");
        assertTrue(shots.get(0) > shieldEnds, "first shot at tick " + shots.get(0) + ", shield until " + shieldEnds);
    }

    /** A clumsy bot with a target in plain view pauses between shots; a sharp one fires at the gun's rate. */
    @Test
    void aClumsyBotFiresInFitsASharpOneAtTheGunsRate() {
        MatchConfig cfg = MatchConfig.defaults();
        int cooldown = cfg.ticks(Rules.FIRE_COOLDOWN_SECONDS);
        int window = 4 * cfg.tickRate();
        List<Integer> sharp = shotTicks(1f, 300, 0, window);
        for (int i = 1; i < Math.min(4, sharp.size()); i++) {
            assertEquals(cooldown, sharp.get(i) - sharp.get(i - 1), "sharp: " + sharp);
        }
        List<Integer> clumsy = shotTicks(0f, 500, 0, window);
        assertTrue(clumsy.size() >= 2, "clumsy: " + clumsy);
        assertTrue(clumsy.size() <= window / cooldown / 2, "at most half the gun's rate: " + clumsy);
    }

    /**
     * The ticks at which a bot of {@code skill} fires at an idle ship {@code distance} below it in an
     * open arena, while that ship lives; its spawn shield lasts until tick {@code shieldEnds}.
     */
    private static List<Integer> shotTicks(float skill, float distance, int shieldEnds, int ticks) {
        ArenaMap map = new ArenaMap("open", "Open", 1000, 1000, List.of(),
                List.of(new SpawnPoint(100, 100), new SpawnPoint(900, 900)), List.of());
        MatchConfig cfg = MatchConfig.defaults();
        Simulation sim = new Simulation(map, cfg);
        World w = sim.newMatch(5, 0, 1);
        Ship shooter = new Ship(1, 500, 200, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        Ship idle = new Ship(2, 500, 200 + distance, 0, 0, 0, 100, 0, shieldEnds, 0, 0, 0, 0, 0);
        w = new World(w.tick(), w.match(), List.of(shooter, idle), List.of(), w.pickups(), List.of());
        BotBrain brain = new BotBrain(17, skill);
        List<Integer> shots = new ArrayList<>();
        for (int t = 0; t < ticks && w.ships().get(1).alive(); t++) {
            w = sim.step(w, Map.of(1, brain.decide(w, 1, map, cfg)));
            if (w.ships().get(0).lastFireTick() == w.tick()) {
                shots.add(w.tick());
            }
        }
        return shots;
    }

    @Test
    void aDeadOrMissingBotHoldsStill() {
        ArenaMap map = MapLoader.load("foundry");
        MatchConfig cfg = MatchConfig.defaults();
        World w = new Simulation(map, cfg).newMatch(1, 0, 1);
        BotBrain brain = new BotBrain(1, 0.5f);
        Input first = brain.decide(w, 9, map, cfg);
        Input second = brain.decide(w, 9, map, cfg);
        assertEquals(0, first.buttons());
        assertEquals(first.seq() + 1, second.seq());
    }

    @Test
    void skillMustBeWithinZeroAndOne() {
        assertThrows(IllegalArgumentException.class, () -> new BotBrain(1, 1.5f));
        assertThrows(IllegalArgumentException.class, () -> new BotBrain(1, Float.NaN));
    }
}
