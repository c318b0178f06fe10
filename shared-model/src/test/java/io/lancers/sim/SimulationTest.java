package io.lancers.sim;

import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.map.SpawnPoint;
import io.lancers.map.Wall;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.lancers.sim.TestArenas.ship;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {
    private static final float R = Rules.SHIP_RADIUS;
    // The box arena's wall: x 480..520, y 200..400.
    private static final float WALL_LEFT = 480;
    private static final float WALL_RIGHT = 520;

    private final MatchConfig config = MatchConfig.defaults();
    private final Simulation sim = new Simulation(TestArenas.boxWithPickups(), config);

    private World world(Ship... ships) {
        return TestArenas.withShips(sim.newMatch(42, 1000, 1), ships);
    }

    private static Map<Integer, Input> hold(int shipId, int buttons, float aim) {
        return Map.of(shipId, new Input(1, buttons, aim));
    }

    private static World run(Simulation sim, World w, int ticks, Map<Integer, Input> inputs) {
        for (int i = 0; i < ticks; i++) {
            w = sim.step(w, inputs);
        }
        return w;
    }

    private static Ship find(World w, int id) {
        for (Ship s : w.ships()) {
            if (s.id() == id) {
                return s;
            }
        }
        throw new AssertionError("no ship " + id);
    }

    private static float speed(Ship s) {
        return (float) Math.hypot(s.vx(), s.vy());
    }

    private static <T extends GameEvent> List<T> events(World w, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (GameEvent e : w.events()) {
            if (type.isInstance(e)) {
                found.add(type.cast(e));
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ movement

    @Test
    void thrustAcceleratesUpToMaxSpeed() {
        World w = sim.step(world(ship(1, 100, 300)), hold(1, Input.RIGHT, 0));
        float first = find(w, 1).vx();
        assertTrue(first > 15 && first < Rules.ACCELERATION / config.tickRate(), "one tick of thrust: " + first);
        w = run(sim, w, 40, hold(1, Input.RIGHT, 0));
        Ship s = find(w, 1);
        assertEquals(Rules.MAX_SPEED, s.vx(), "full speed within 41 ticks");
        assertEquals(0f, s.vy());
        assertTrue(s.x() > 100 + 100, "moved right: " + s.x());
    }

    @Test
    void diagonalThrustIsNormalised() {
        World straight = run(sim, world(ship(1, 100, 300)), 5, hold(1, Input.RIGHT, 0));
        World diagonal = run(sim, world(ship(1, 100, 300)), 5, hold(1, Input.RIGHT | Input.DOWN, 0));
        assertEquals(speed(find(straight, 1)), speed(find(diagonal, 1)), 0.2f);
        assertEquals(find(diagonal, 1).vx(), find(diagonal, 1).vy());
    }

    @Test
    void frictionBringsACoastingShipToAnExactStop() {
        World w = world(new Ship(1, 100, 300, Rules.MAX_SPEED, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0));
        w = run(sim, w, 60, Map.of());
        Ship s = find(w, 1);
        assertEquals(0f, s.vx());
        assertEquals(0f, s.vy());
        assertTrue(s.x() > 150 && s.x() < WALL_LEFT - R, "coasted some way: " + s.x());
    }

    @Test
    void aimFollowsTheInputOnTheAngleGrid() {
        World w = sim.step(world(ship(1, 100, 300)), hold(1, 0, 1.2345f));
        assertEquals(Quantum.angle(1.2345f), find(w, 1).aim());
        World idle = sim.step(w, Map.of());
        assertEquals(find(w, 1).aim(), find(idle, 1).aim(), "no input keeps the aim");
    }

    @Test
    void shipStopsAtAWallAndSlidesAlongIt() {
        World w = world(ship(1, WALL_LEFT - R - 30, 230));
        w = run(sim, w, 40, hold(1, Input.RIGHT | Input.DOWN, 0));
        Ship s = find(w, 1);
        assertTrue(s.x() <= WALL_LEFT - R + 0.07f, "stopped at the wall: " + s.x());
        assertTrue(s.x() >= WALL_LEFT - R - 1, "pressed against it: " + s.x());
        assertEquals(0f, s.vx());
        assertTrue(s.vy() > 100 && s.y() > 330, "slides down along the wall: " + s);
    }

    @Test
    void theBorderIsSolid() {
        World w = world(ship(1, 100, 100));
        w = run(sim, w, 90, hold(1, Input.LEFT | Input.UP, 0));
        Ship s = find(w, 1);
        assertEquals(R, s.x());
        assertEquals(R, s.y());
        w = run(sim, w, 300, hold(1, Input.RIGHT | Input.DOWN, 0));
        s = find(w, 1);
        assertEquals(1000 - R, s.x());
        assertEquals(600 - R, s.y());
    }

    @Test
    void noTunnellingThroughAWallEvenAtACoarseTickRate() {
        // At 5 Hz a ship at full speed covers 64 units per tick: more than the wall is thick.
        Simulation coarse = new Simulation(TestArenas.box(), new MatchConfig(5, 300, 20, 10, 3));
        World w = TestArenas.withShips(coarse.newMatch(1, 0, 1),
                new Ship(1, WALL_LEFT - R - 1, 300, 4000, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0));
        for (int i = 0; i < 30; i++) {
            w = coarse.step(w, hold(1, Input.RIGHT, 0));
            assertTrue(find(w, 1).x() <= WALL_LEFT - R + 0.07f, "tick " + i + ": " + find(w, 1));
            assertTrue(speed(find(w, 1)) <= Rules.MAX_SPEED);
        }
    }

    @Test
    void aSlotNarrowerThanTheShipStopsItFromEveryApproach() {
        Simulation s = new Simulation(TestArenas.slot(2 * R - 2), config);
        int[] sideways = {0, Input.LEFT, Input.RIGHT};
        for (float x = 270; x <= 330; x += 3) {
            for (int first : sideways) {
                for (int then : sideways) {
                    World w = TestArenas.withShips(s.newMatch(1, 0, 1), ship(1, x, 420));
                    String approach = "from x " + x + ", sideways " + first + " then " + then;
                    for (int i = 0; i < 150; i++) {
                        w = s.step(w, hold(1, Input.UP | (i < 20 ? first : then), 0));
                        assertClearOfWalls(s.map(), find(w, 1), approach + ", tick " + i);
                        assertTrue(find(w, 1).y() > 350, approach + ": in the slot at tick " + i);
                    }
                }
            }
        }
    }

    @Test
    void aSlotWiderThanTheShipLetsItThrough() {
        Simulation s = new Simulation(TestArenas.slot(2 * R + 2), config);
        World w = TestArenas.withShips(s.newMatch(1, 0, 1), ship(1, 300, 420));
        for (int i = 0; i < 180; i++) {
            w = s.step(w, hold(1, Input.UP, 0));
            assertClearOfWalls(s.map(), find(w, 1), "tick " + i);
        }
        assertTrue(find(w, 1).y() < 250 - R, "through: " + find(w, 1));
    }

    /** Clear of every wall but for the rounding to the position grid (half a grid cell's diagonal at most). */
    static void assertClearOfWalls(ArenaMap map, Ship ship, String when) {
        for (Wall wall : map.walls()) {
            float dx = ship.x() - Geometry.clamp(ship.x(), wall.x(), wall.x() + wall.width());
            float dy = ship.y() - Geometry.clamp(ship.y(), wall.y(), wall.y() + wall.height());
            assertTrue(Math.hypot(dx, dy) >= R - Quantum.POSITION * Math.sqrt(0.5) - 1e-3,
                    when + ": " + ship + " overlaps " + wall);
        }
    }

    @Test
    void overlappingShipsArePushedApart() {
        World w = world(ship(1, 300, 300), ship(2, 310, 300), ship(3, 300, 300.5f));
        w = run(sim, w, 20, Map.of());
        for (int i = 0; i < w.ships().size(); i++) {
            for (int j = i + 1; j < w.ships().size(); j++) {
                Ship a = w.ships().get(i);
                Ship b = w.ships().get(j);
                assertTrue(Math.hypot(a.x() - b.x(), a.y() - b.y()) >= 2 * R - 0.2, a + " " + b);
            }
        }
    }

    @Test
    void shipsRammingEachOtherDoNotPassThrough() {
        World w = world(ship(1, 250, 300), ship(2, 400, 300));
        for (int i = 0; i < 60; i++) {
            w = sim.step(w, Map.of(1, new Input(i, Input.RIGHT, 0), 2, new Input(i, Input.LEFT, 0)));
            assertTrue(find(w, 1).x() < find(w, 2).x());
            assertTrue(find(w, 2).x() - find(w, 1).x() >= 2 * R - 6, "tick " + i);
        }
    }

    @Test
    void deadShipsNeitherMoveNorCollide() {
        Ship dead = new Ship(2, 300, 300, 0, 0, 0, 0, 5000, 0, 0, 0, 0, 1, 0);
        World w = world(ship(1, 300, 300), dead);
        w = sim.step(w, hold(2, Input.RIGHT | Input.FIRE, 0));
        assertEquals(300f, find(w, 1).x());
        assertEquals(dead.x(), find(w, 2).x());
        assertTrue(w.projectiles().isEmpty());
    }

    // ------------------------------------------------------------------ firing

    @Test
    void firingRespectsTheCooldown() {
        World w = world(ship(1, 100, 100));
        int cooldown = config.ticks(Rules.FIRE_COOLDOWN_SECONDS);
        Set<Integer> fired = new HashSet<>();
        for (int i = 0; i < 4 * cooldown; i++) {
            w = sim.step(w, hold(1, Input.FIRE, 0));
            for (Projectile p : w.projectiles()) {
                if (fired.add(p.id())) {
                    assertEquals(w.tick(), p.spawnTick());
                }
            }
        }
        assertEquals(4, fired.size(), "one shot per cooldown: " + fired);
        assertEquals(w.tick() - cooldown + 1, find(w, 1).lastFireTick());
    }

    @Test
    void projectileLeavesTheNoseAlongTheAim() {
        float aim = (float) (Math.PI / 2);
        World w = sim.step(world(ship(1, 100, 100)), hold(1, Input.FIRE, aim));
        Projectile p = w.projectiles().get(0);
        assertEquals(1, p.ownerId());
        assertEquals(100f, p.x0(), 0.2f);
        assertEquals(100 + Rules.NOSE_DISTANCE, p.y0(), 0.2f);
        assertEquals(0f, p.vx(), 0.2f);
        assertEquals(Rules.PROJECTILE_SPEED, p.vy(), 0.2f);
        assertEquals(Rules.PROJECTILE_DAMAGE, p.damage());
        assertEquals(2, w.match().nextProjectileId());
    }

    @Test
    void projectileStopsAtAWallAndExpiresAfterItsLifetime() {
        World w = sim.step(world(ship(1, 200, 300)), hold(1, Input.FIRE, 0));
        Projectile p = w.projectiles().get(0);
        while (!w.projectiles().isEmpty()) {
            assertTrue(p.xAt(w.tick(), config.dt()) < WALL_LEFT, "never inside or past the wall");
            w = sim.step(w, Map.of());
        }
        assertTrue(w.tick() - p.spawnTick() < 20, "removed when it reached the wall");

        Simulation openSim = new Simulation(TestArenas.open(), config);
        World open = openSim.step(TestArenas.withShips(openSim.newMatch(1, 0, 1), ship(1, 100, 50)),
                hold(1, Input.FIRE, 0));
        Projectile q = open.projectiles().get(0);
        int lifetime = config.ticks(Rules.PROJECTILE_LIFETIME_SECONDS);
        World before = run(openSim, open, lifetime - 1, Map.of());
        assertEquals(List.of(q), before.projectiles());
        assertTrue(openSim.step(before, Map.of()).projectiles().isEmpty());
    }

    @Test
    void projectileLeavingTheArenaIsRemoved() {
        World w = sim.step(world(ship(1, 100, 100)), hold(1, Input.FIRE, (float) Math.PI));
        assertEquals(1, w.projectiles().size());
        w = run(sim, w, 6, Map.of());
        assertTrue(w.projectiles().isEmpty());
    }

    @Test
    void shotInsideAWallIsSpent() {
        World w = sim.step(world(ship(1, WALL_LEFT - R, 300)), hold(1, Input.FIRE, 0));
        assertTrue(w.projectiles().isEmpty());
        assertEquals(w.tick(), find(w, 1).lastFireTick());
    }

    @Test
    void projectileHitsAnotherShipAndDamagesIt() {
        World w = sim.step(world(ship(1, 100, 50), ship(2, 300, 50)), hold(1, Input.FIRE, 0));
        List<GameEvent.Hit> hits = List.of();
        for (int i = 0; i < 20 && hits.isEmpty(); i++) {
            w = sim.step(w, Map.of());
            hits = events(w, GameEvent.Hit.class);
        }
        assertEquals(List.of(new GameEvent.Hit(2, 1, Rules.PROJECTILE_DAMAGE)), hits);
        assertEquals(Rules.MAX_HEALTH - Rules.PROJECTILE_DAMAGE, find(w, 2).health());
        assertTrue(w.projectiles().isEmpty());
    }

    @Test
    void aFastProjectileCannotSkipAShip() {
        // 900 u/s at 5 Hz is 180 units per tick, far more than a ship is wide.
        Simulation coarse = new Simulation(TestArenas.box(), new MatchConfig(5, 300, 20, 10, 3));
        World w = TestArenas.withShips(coarse.newMatch(1, 0, 1), ship(1, 100, 100), ship(2, 300, 100));
        w = coarse.step(w, hold(1, Input.FIRE, 0));
        w = coarse.step(w, Map.of());
        assertEquals(Rules.MAX_HEALTH - Rules.PROJECTILE_DAMAGE, find(w, 2).health());
    }

    @Test
    void aShipIsNotHitByItsOwnProjectile() {
        Projectile own = new Projectile(7, 1, 50, 100, Quantum.velocity(900), 0, 1000, 20);
        World w = world(ship(1, 100, 100));
        w = new World(w.tick(), w.match(), w.ships(), List.of(own), w.pickups(), w.events());
        w = run(sim, w, 3, Map.of());
        assertEquals(Rules.MAX_HEALTH, find(w, 1).health());
        assertEquals(List.of(own), w.projectiles());
    }

    @Test
    void invulnerableShipsAbsorbProjectilesWithoutDamage() {
        Ship shielded = new Ship(2, 300, 50, 0, 0, 0, 90, 0, 5000, 0, 0, 0, 0, 0);
        World w = sim.step(world(ship(1, 100, 50), shielded), hold(1, Input.FIRE, 0));
        w = run(sim, w, 20, Map.of());
        assertEquals(90, find(w, 2).health());
        assertTrue(w.projectiles().isEmpty());
        assertTrue(events(w, GameEvent.Hit.class).isEmpty());
    }

    // ------------------------------------------------------------------ death and respawn

    @Test
    void deathCountsTheKillAndRespawnsAtTheFreeSpawnAfterTheDelay() {
        Ship shooter = ship(1, 840, 300);
        Ship victim = new Ship(2, 860, 150, 0, 0, 0, 20, 0, 0, 3000, 0, 0, 0, 0);
        World w = sim.step(world(shooter, victim), hold(1, Input.FIRE, (float) (-Math.PI / 2 + 0.13)));
        List<GameEvent.Kill> kills = List.of();
        for (int i = 0; i < 20 && kills.isEmpty(); i++) {
            w = sim.step(w, Map.of());
            kills = events(w, GameEvent.Kill.class);
        }
        assertEquals(List.of(new GameEvent.Kill(1, 2)), kills);
        int deathTick = w.tick();
        Ship dead = find(w, 2);
        assertFalse(dead.alive());
        assertEquals(1, dead.deaths());
        assertEquals(0, dead.powerUntil(), "power is lost on death");
        assertEquals(deathTick + config.ticks(config.respawnSeconds()), dead.respawnTick());
        assertEquals(1, find(w, 1).kills());

        w = run(sim, w, dead.respawnTick() - deathTick - 1, Map.of());
        assertFalse(find(w, 2).alive(), "still dead one tick before the respawn tick");
        w = sim.step(w, Map.of());
        Ship reborn = find(w, 2);
        assertTrue(reborn.alive());
        assertEquals(Rules.MAX_HEALTH, reborn.health());
        assertEquals(0, reborn.respawnTick());
        assertEquals(new SpawnPoint(reborn.x(), reborn.y()), new SpawnPoint(100, 300), "the spawn far from ship 1");
        assertEquals(w.tick() + config.ticks(Rules.INVULNERABLE_SECONDS), reborn.invulnerableUntil());
        assertEquals(List.of(new GameEvent.Spawn(2)), events(w, GameEvent.Spawn.class));
    }

    @Test
    void spawnTiesAreBrokenByTheHashOfSeedTickAndId() {
        Set<SpawnPoint> used = new HashSet<>();
        for (int id = 1; id <= 16; id++) {
            World w = sim.step(sim.addShip(sim.newMatch(42, 1000, 1), id), Map.of());
            Ship s = find(w, id);
            used.add(new SpawnPoint(s.x(), s.y()));
            assertEquals(w, sim.step(sim.addShip(sim.newMatch(42, 1000, 1), id), Map.of()), "deterministic");
        }
        assertEquals(2, used.size(), "both spawns of an empty arena get used");
    }

    @Test
    void addShipLeavesTheGivenWorldsEventsAndAddsADeadShipDueNextTick() {
        World published = sim.step(world(ship(1, 200, 200)), Map.of());
        World w = sim.addShip(published, 5);
        assertEquals(published.events(), w.events(), "those went out with the published world");
        Ship newcomer = find(w, 5);
        assertFalse(newcomer.alive());
        assertEquals(w.tick() + 1, newcomer.respawnTick());
        assertEquals(0, newcomer.deaths(), "joining is not dying");
        World twice = w;
        assertThrows(IllegalArgumentException.class, () -> sim.addShip(twice, 5));
        assertThrows(IllegalArgumentException.class, () -> sim.addShip(twice, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.addShip(twice, 65536));
    }

    @Test
    void theStepAfterAddShipSpawnsTheShipInvulnerableAtAFreeSpawnAndReportsIt() {
        World w = sim.step(sim.addShip(sim.newMatch(42, 1000, 1), 5), Map.of());
        w = sim.step(sim.addShip(sim.addShip(w, 3), 7), Map.of(3, new Input(1, Input.RIGHT, 0)));
        assertEquals(List.of(3, 5, 7), w.ships().stream().map(Ship::id).toList());
        assertEquals(List.of(new GameEvent.Spawn(3), new GameEvent.Spawn(7)), w.events());
        Set<SpawnPoint> spawns = Set.copyOf(sim.map().spawns());
        for (int id : new int[] {3, 7}) {
            Ship s = find(w, id);
            assertTrue(s.alive());
            assertEquals(0, s.respawnTick());
            assertEquals(0, s.deaths());
            assertTrue(spawns.contains(new SpawnPoint(s.x(), s.y())), s.toString());
            assertEquals(w.tick() + config.ticks(Rules.INVULNERABLE_SECONDS), s.invulnerableUntil());
        }
        assertNotEquals(find(w, 5).x(), find(w, 3).x(), "ship 3 takes the spawn ship 5 is not at");
    }

    @Test
    void aShipAddedDuringIntermissionStandsFrozenAtAFreeSpawnUntilTheNextMatchPlacesIt() {
        Simulation s = new Simulation(TestArenas.boxWithPickups(), new MatchConfig(60, 1, 0, 1, 3));
        World w = run(s, s.addShip(s.newMatch(42, 0, 1), 1), 60, Map.of());
        assertEquals(MatchPhase.INTERMISSION, w.match().phase());
        w = s.step(s.addShip(w, 2), Map.of());
        Ship newcomer = find(w, 2);
        assertTrue(newcomer.alive(), "drawn with the others, not a dead ship at (0, 0)");
        assertEquals(List.of(new GameEvent.Spawn(2)), w.events());
        Ship other = find(w, 1);
        SpawnPoint far = Math.abs(other.x() - 100) > Math.abs(other.x() - 900)
                ? new SpawnPoint(100, 300) : new SpawnPoint(900, 300);
        assertEquals(far, new SpawnPoint(newcomer.x(), newcomer.y()), "the spawn away from ship 1");

        w = run(s, w, w.match().phaseEndTick() - w.tick() - 1, Map.of(2, new Input(1, Input.RIGHT | Input.FIRE, 0)));
        assertEquals(MatchPhase.INTERMISSION, w.match().phase());
        assertEquals(newcomer.x(), find(w, 2).x(), "frozen like everybody");
        assertTrue(w.projectiles().isEmpty());
        w = s.step(w, Map.of());
        assertEquals(MatchPhase.PLAYING, w.match().phase());
        assertTrue(find(w, 2).alive());
        assertEquals(w.tick() + config.ticks(Rules.INVULNERABLE_SECONDS), find(w, 2).invulnerableUntil());
        assertEquals(List.of(new GameEvent.Spawn(1), new GameEvent.Spawn(2)), w.events());
    }

    @Test
    void theDeadOfAMatchWaitForTheNextOne() {
        Simulation s = new Simulation(TestArenas.box(), new MatchConfig(60, 1, 0, 1, 3));
        World w = s.newMatch(42, 0, 1);
        int end = w.match().phaseEndTick();
        Ship justKilled = new Ship(1, 200, 200, 0, 0, 0, 0, end + 2, 0, 0, 0, 0, 1, 0);
        w = s.step(new World(end - 1, w.match(), List.of(justKilled), List.of(), w.pickups(), List.of()), Map.of());
        assertEquals(MatchPhase.INTERMISSION, w.match().phase());
        assertEquals(w.match().phaseEndTick(), find(w, 1).respawnTick(), "back with everybody");
        w = run(s, w, w.match().phaseEndTick() - w.tick() - 1, Map.of());
        assertFalse(find(w, 1).alive());
        assertTrue(w.events().isEmpty());
        w = s.step(w, Map.of());
        assertTrue(find(w, 1).alive());
    }

    @Test
    void removeShipTakesItOut() {
        World w = sim.step(sim.addShip(sim.addShip(sim.newMatch(42, 1000, 1), 5), 3), Map.of());
        w = sim.removeShip(w, 5);
        assertEquals(List.of(3), w.ships().stream().map(Ship::id).toList());
        assertEquals(w, sim.removeShip(w, 5));
    }

    // ------------------------------------------------------------------ pickups

    @Test
    void healthPickupHealsAndComesBack() {
        Ship hurt = new Ship(1, 300, 160, 0, 0, 0, 60, 0, 0, 0, 0, 0, 0, 0);
        World w = sim.step(world(hurt), hold(1, Input.UP, 0));
        for (int i = 0; i < 30 && events(w, GameEvent.PickupTaken.class).isEmpty(); i++) {
            w = sim.step(w, hold(1, Input.UP, 0));
        }
        assertEquals(List.of(new GameEvent.PickupTaken(1, 0, PickupKind.HEALTH)),
                events(w, GameEvent.PickupTaken.class));
        assertEquals(Rules.MAX_HEALTH, find(w, 1).health(), "60 + 50 capped");
        int back = w.tick() + config.ticks(Rules.HEALTH_RESPAWN_SECONDS);
        assertEquals(back, w.pickups().get(0).availableAt());

        // A hurt ship waiting on the spot takes it again the moment it is back.
        Ship waiting = new Ship(1, 300, 100, 0, 0, 0, 30, 0, 0, 0, 0, 0, 0, 0);
        World later = new World(back - 2, w.match(), List.of(waiting), List.of(), w.pickups(), List.of());
        later = sim.step(later, Map.of());
        assertEquals(30, find(later, 1).health());
        later = sim.step(later, Map.of());
        assertEquals(80, find(later, 1).health());
    }

    @Test
    void healthPickupIsLeftAloneAtFullHealth() {
        World w = run(sim, world(ship(1, 300, 100)), 3, Map.of());
        assertEquals(1000, w.pickups().get(0).availableAt());
        assertTrue(events(w, GameEvent.PickupTaken.class).isEmpty());
    }

    @Test
    void powerPickupDoublesDamageForItsDuration() {
        World w = sim.step(world(ship(1, 700, 100), ship(2, 700, 400)), Map.of());
        Ship powered = find(w, 1);
        assertEquals(w.tick() + config.ticks(Rules.POWER_SECONDS), powered.powerUntil());
        assertEquals(w.tick() + config.ticks(Rules.POWER_RESPAWN_SECONDS), w.pickups().get(1).availableAt());

        w = sim.step(w, hold(1, Input.FIRE, (float) (Math.PI / 2)));
        assertEquals(2 * Rules.PROJECTILE_DAMAGE, w.projectiles().get(0).damage());
        w = run(sim, w, 30, Map.of());
        assertEquals(Rules.MAX_HEALTH - 2 * Rules.PROJECTILE_DAMAGE, find(w, 2).health());

        World expired = new World(powered.powerUntil(), w.match(), w.ships(), List.of(), w.pickups(), List.of());
        expired = sim.step(expired, hold(1, Input.FIRE, (float) (Math.PI / 2)));
        assertEquals(Rules.PROJECTILE_DAMAGE, expired.projectiles().get(0).damage());
    }

    // ------------------------------------------------------------------ match phases

    @Test
    void matchEndsWhenTimeIsUpThenTheNextOneStartsByItself() {
        MatchConfig shortMatch = new MatchConfig(60, 2, 0, 1, 3);
        Simulation s = new Simulation(TestArenas.boxWithPickups(), shortMatch);
        World w = s.addShip(s.addShip(s.newMatch(42, 0, 1), 1), 2);
        w = run(s, w, 119, Map.of());
        assertEquals(MatchPhase.PLAYING, w.match().phase());
        w = s.step(w, Map.of());
        assertEquals(MatchPhase.INTERMISSION, w.match().phase());
        assertEquals(120 + 60, w.match().phaseEndTick());

        World scored = new World(w.tick(), w.match(), List.of(
                new Ship(1, 200, 200, 0, 0, 0, 100, 0, 0, 0, 100, 4, 2, 0),
                new Ship(2, 300, 300, 0, 0, 0, 0, 500, 0, 0, 0, 2, 4, 0)), List.of(), w.pickups(), List.of());
        w = run(s, scored, 59, Map.of());
        assertEquals(MatchPhase.INTERMISSION, w.match().phase());
        w = s.step(w, Map.of());
        assertEquals(MatchPhase.PLAYING, w.match().phase());
        assertEquals(2, w.match().round());
        assertEquals(Rules.nextSeed(42), w.match().seed());
        assertEquals(180 + 120, w.match().phaseEndTick());
        for (Ship ship : w.ships()) {
            assertEquals(0, ship.kills());
            assertEquals(0, ship.deaths());
            assertTrue(ship.alive());
            assertTrue(ship.invulnerableUntil() > w.tick());
        }
        assertNotEquals(find(w, 1).x(), find(w, 2).x(), "spread over the spawns");
        assertEquals(List.of(new GameEvent.Spawn(1), new GameEvent.Spawn(2)), w.events());
        for (Pickup p : w.pickups()) {
            assertEquals(w.tick(), p.availableAt());
        }
    }

    @Test
    void reachingTheKillLimitEndsTheMatch() {
        Simulation s = new Simulation(TestArenas.box(), new MatchConfig(60, 300, 3, 10, 3));
        Ship shooter = new Ship(1, 100, 100, 0, 0, 0, 100, 0, 0, 0, 0, 2, 0, 0);
        Ship victim = new Ship(2, 300, 100, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0);
        World w = TestArenas.withShips(s.newMatch(1, 0, 1), shooter, victim);
        w = s.step(w, hold(1, Input.FIRE, 0));
        for (int i = 0; i < 20 && w.match().phase() == MatchPhase.PLAYING; i++) {
            w = s.step(w, Map.of());
        }
        assertEquals(MatchPhase.INTERMISSION, w.match().phase());
        assertEquals(3, find(w, 1).kills());
        assertEquals(w.tick() + 600, w.match().phaseEndTick());
    }

    @Test
    void intermissionFreezesShips() {
        Ship moving = new Ship(1, 200, 200, 100, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        World w = world(moving);
        MatchState m = w.match();
        w = new World(w.tick(), new MatchState(MatchPhase.INTERMISSION, w.tick() + 100, m.killLimit(), m.seed(),
                m.nextProjectileId(), m.round()), w.ships(), List.of(), w.pickups(), List.of());
        World after = run(sim, w, 30, Map.of(1, new Input(9, Input.RIGHT | Input.FIRE, 2f)));
        Ship s = find(after, 1);
        assertEquals(moving.x(), s.x());
        assertEquals(moving.aim(), s.aim());
        assertEquals(9, s.lastInputSeq(), "inputs are still acknowledged");
        assertTrue(after.projectiles().isEmpty());
    }

    // ------------------------------------------------------------------ determinism and the grid

    @Test
    void sameSeedAndInputsGiveEqualWorlds() {
        ArenaMap foundry = MapLoader.load("foundry");
        assertEquals(playRandomly(foundry, 7, 900), playRandomly(foundry, 7, 900));
    }

    /** Eight ships with seeded random inputs; returns every world along the way. */
    private static List<World> playRandomly(ArenaMap map, long seed, int ticks) {
        Simulation s = new Simulation(map, MatchConfig.defaults());
        World w = s.newMatch(seed, 0, 1);
        for (int id = 1; id <= 8; id++) {
            w = s.addShip(w, id);
        }
        Random random = new Random(seed);
        List<World> worlds = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (int id = 1; id <= 8; id++) {
                inputs.put(id, new Input(t, random.nextInt(Input.ALL_BUTTONS + 1), random.nextFloat() * 7));
            }
            w = s.step(w, inputs);
            worlds.add(w);
        }
        return worlds;
    }

    @Property(tries = 60)
    void everyStateIsOnTheWireGridAndInsideTheArena(@ForAll("inputScripts") List<List<Input>> script) {
        ArenaMap map = MapLoader.load("crossfire");
        Simulation s = new Simulation(map, MatchConfig.defaults());
        World w = s.newMatch(3, 0, 1);
        for (int id = 1; id <= script.size(); id++) {
            w = s.addShip(w, id);
        }
        for (int t = 0; t < script.get(0).size(); t++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (int id = 1; id <= script.size(); id++) {
                inputs.put(id, script.get(id - 1).get(t));
            }
            w = s.step(w, inputs);
            for (Ship ship : w.ships()) {
                assertOnGrid(ship.x(), Quantum.position(ship.x()));
                assertOnGrid(ship.y(), Quantum.position(ship.y()));
                assertOnGrid(ship.vx(), Quantum.velocity(ship.vx()));
                assertOnGrid(ship.vy(), Quantum.velocity(ship.vy()));
                assertOnGrid(ship.aim(), Quantum.angle(ship.aim()));
                assertTrue(ship.x() >= R && ship.x() <= map.width() - R && ship.y() >= R
                        && ship.y() <= map.height() - R, ship.toString());
            }
            for (Projectile p : w.projectiles()) {
                assertOnGrid(p.x0(), Quantum.position(p.x0()));
                assertOnGrid(p.y0(), Quantum.position(p.y0()));
                assertOnGrid(p.vx(), Quantum.velocity(p.vx()));
                assertOnGrid(p.vy(), Quantum.velocity(p.vy()));
                float x = p.xAt(w.tick(), s.config().dt());
                float y = p.yAt(w.tick(), s.config().dt());
                assertTrue(x >= 0 && x <= map.width() && y >= 0 && y <= map.height(), p.toString());
            }
        }
    }

    private static void assertOnGrid(float value, float snapped) {
        assertEquals(snapped, value, "off the grid");
    }

    @Provide
    Arbitrary<List<List<Input>>> inputScripts() {
        Arbitrary<Input> input = Combinators.combine(Arbitraries.integers().between(0, Input.ALL_BUTTONS),
                Arbitraries.floats().between(-10f, 10f)).as((b, a) -> new Input(1, b, a));
        return Arbitraries.integers().between(40, 200).flatMap(ticks ->
                input.list().ofSize(ticks).list().ofMinSize(1).ofMaxSize(6));
    }

    /**
     * Ships of a built-in map (or of a slot a little narrower than a ship), each starting near a
     * wall but clear of them, and each step's buttons.
     */
    record NearWalls(ArenaMap map, List<Ship> ships, List<List<Integer>> buttons) {
    }

    @Property(tries = 400)
    void noShipEndsAStepInAWall(@ForAll("nearWalls") NearWalls scene) {
        ArenaMap map = scene.map();
        Simulation s = new Simulation(map, config);
        World w = TestArenas.withShips(s.newMatch(5, 0, 1), scene.ships().toArray(Ship[]::new));
        for (List<Integer> buttons : scene.buttons()) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (int i = 0; i < buttons.size(); i++) {
                inputs.put(i + 1, new Input(1, buttons.get(i), 0));
            }
            w = s.step(w, inputs);
            for (Ship ship : w.ships()) {
                assertClearOfWalls(map, ship, "tick " + w.tick());
            }
        }
    }

    @Provide
    Arbitrary<NearWalls> nearWalls() {
        List<ArenaMap> maps = new ArrayList<>();
        MapLoader.builtInIds().forEach(id -> maps.add(MapLoader.load(id)));
        maps.add(TestArenas.slot(2 * R - 2));
        return Arbitraries.of(maps).flatMap(map -> {
            Arbitrary<Ship> ship = Combinators.combine(Arbitraries.integers().between(0, 4 * map.walls().size() - 1),
                    Arbitraries.floats().between(-1, 1), Arbitraries.floats().between(-1, 1),
                    Arbitraries.integers().between(-3200, 3200), Arbitraries.integers().between(-3200, 3200))
                    .as((corner, u, v, vx8, vy8) -> nearCorner(map.walls().get(corner / 4), corner % 4, u, v,
                            vx8 / 8f, vy8 / 8f))
                    .filter(candidate -> clearOfWalls(map, candidate));
            return Combinators.combine(ship.list().ofMinSize(1).ofMaxSize(3),
                            Arbitraries.integers().between(1, 30))
                    .flatAs((ships, steps) -> Arbitraries.integers().between(0, Input.ALL_BUTTONS)
                            .list().ofSize(ships.size()).list().ofSize(steps)
                            .map(buttons -> new NearWalls(map, numbered(ships), buttons)));
        });
    }

    /** Up to a ship's diameter and a little, (u, v) times that, from a corner of the wall: where gaps are. */
    private static Ship nearCorner(Wall wall, int corner, float u, float v, float vx, float vy) {
        float reach = 2 * R + 10;
        float x = Quantum.position(wall.x() + (corner % 2) * wall.width() + u * reach);
        float y = Quantum.position(wall.y() + (corner / 2) * wall.height() + v * reach);
        return new Ship(0, x, y, vx, vy, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0);
    }

    private static boolean clearOfWalls(ArenaMap map, Ship ship) {
        if (ship.x() < R || ship.y() < R || ship.x() > map.width() - R || ship.y() > map.height() - R) {
            return false;
        }
        for (Wall wall : map.walls()) {
            float dx = ship.x() - Geometry.clamp(ship.x(), wall.x(), wall.x() + wall.width());
            float dy = ship.y() - Geometry.clamp(ship.y(), wall.y(), wall.y() + wall.height());
            if (dx * dx + dy * dy < R * R) {
                return false;
            }
        }
        return true;
    }

    private static List<Ship> numbered(List<Ship> ships) {
        List<Ship> numbered = new ArrayList<>();
        for (int i = 0; i < ships.size(); i++) {
            Ship s = ships.get(i);
            numbered.add(new Ship(i + 1, s.x(), s.y(), s.vx(), s.vy(), 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0));
        }
        return numbered;
    }

    @Property(tries = 300)
    void moveShipIsWhatStepDoesToALoneShip(@ForAll @IntRange(min = 0, max = 7999) int x8,
                                           @ForAll @IntRange(min = 0, max = 4799) int y8,
                                           @ForAll @IntRange(min = -2600, max = 2600) int vx8,
                                           @ForAll @IntRange(min = -2600, max = 2600) int vy8,
                                           @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 31) Integer> buttons,
                                           @ForAll @IntRange(min = 0, max = 65535) int aimSteps) {
        Ship start = new Ship(1, x8 / 8f, y8 / 8f, vx8 / 8f, vy8 / 8f, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        World w = world(start);
        Ship predicted = start;
        for (int i = 0; i < buttons.size(); i++) {
            Input in = new Input(i + 1, buttons.get(i), Quantum.angleFromSteps(aimSteps + i * 977));
            predicted = sim.moveShip(predicted, in, w.tick(), w.match());
            int powerBefore = find(w, 1).powerUntil(); // the step fires before it takes pickups
            w = sim.step(w, Map.of(1, in));
            Ship stepped = find(w, 1);
            assertEquals(stepped.x(), predicted.x());
            assertEquals(stepped.y(), predicted.y());
            assertEquals(stepped.vx(), predicted.vx());
            assertEquals(stepped.vy(), predicted.vy());
            assertEquals(stepped.aim(), predicted.aim());
            assertEquals(stepped.lastInputSeq(), predicted.lastInputSeq());
            assertEquals(stepped.lastFireTick(), predicted.lastFireTick(), "the same cooldown");
            Projectile spawned = w.projectiles().stream().filter(p -> p.spawnTick() == stepped.lastFireTick())
                    .findFirst().orElse(null);
            if (predicted.lastFireTick() == w.tick()) {
                // The server fires from the ship before its position is snapped to the grid: the
                // nose of the snapped ship is at most one grid step away (so, within that step of a
                // wall, one of them can find the nose in the wall and the other not).
                // Pickups (the power-up's damage) are not predicted: the client learns them from its worlds.
                Ship powered = new Ship(predicted.id(), predicted.x(), predicted.y(), predicted.vx(), predicted.vy(),
                        predicted.aim(), predicted.health(), predicted.respawnTick(), predicted.invulnerableUntil(),
                        powerBefore, predicted.lastFireTick(), predicted.kills(), predicted.deaths(),
                        predicted.lastInputSeq());
                Projectile predictedShot = sim.shot(powered, false, spawned == null ? 0 : spawned.id(), w.tick(), w.tick());
                if (spawned != null && predictedShot != null) {
                    assertEquals(spawned, new Projectile(predictedShot.id(), predictedShot.ownerId(), spawned.x0(),
                            spawned.y0(), predictedShot.vx(), predictedShot.vy(), predictedShot.spawnTick(),
                            predictedShot.damage()));
                    assertEquals(spawned.x0(), predictedShot.x0(), Quantum.POSITION);
                    assertEquals(spawned.y0(), predictedShot.y0(), Quantum.POSITION);
                }
            }
        }
    }

    @Test
    void duringAnIntermissionMoveShipMovesNobodyAsStepDoes() {
        Ship start = new Ship(1, 300, 300, 40, -20, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        World playing = world(start);
        MatchState m = playing.match();
        World w = new World(playing.tick(), new MatchState(MatchPhase.INTERMISSION, playing.tick() + 600,
                m.killLimit(), m.seed(), m.nextProjectileId(), m.round()), playing.ships(), List.of(), playing.pickups(),
                List.of());
        Ship predicted = start;
        for (int seq = 1; seq <= 10; seq++) {
            Input in = new Input(seq, Input.RIGHT | Input.DOWN | Input.FIRE, 1.5f);
            predicted = sim.moveShip(predicted, in, w.tick(), w.match());
            w = sim.step(w, Map.of(1, in));
        }
        Ship stepped = find(w, 1);
        assertEquals(stepped, predicted, "prediction agrees with the server: frozen, its last input recorded");
        assertEquals(start.x(), predicted.x());
        assertEquals(start.y(), predicted.y());
        assertEquals(10, predicted.lastInputSeq());
    }

    /** What a client predicts for its shot's flight: the tick the server's world stops holding it, ships aside. */
    @Property(tries = 100)
    void flightEndIsTheFirstWorldWithoutTheShot(@ForAll @IntRange(min = 0, max = 65535) int aimSteps,
                                                @ForAll @IntRange(min = 60, max = 440) int x,
                                                @ForAll @IntRange(min = 60, max = 540) int y) {
        World w = world(ship(1, x, y)); // left of the wall
        w = sim.step(w, hold(1, Input.FIRE, Quantum.angleFromSteps(aimSteps)));
        if (w.projectiles().isEmpty()) {
            return; // the nose was in the wall
        }
        Projectile shot = w.projectiles().get(0);
        int end = sim.flightEnd(shot);
        while (w.projectiles().stream().anyMatch(p -> p.id() == shot.id())) {
            w = sim.step(w, Map.of());
        }
        assertEquals(end, w.tick());
    }
}
