package io.lancers.sim;

import io.lancers.map.ArenaMap;
import io.lancers.map.SpawnPoint;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.lancers.sim.TestArenas.ship;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a team match: who a shot hits, who scores, when it ends, where ships spawn. */
class TeamPlayTest {
    private static final MatchConfig TDM = MatchConfig.defaults().withMode(GameMode.TDM, false);
    private static final MatchConfig TDM_FRIENDLY_FIRE = MatchConfig.defaults().withMode(GameMode.TDM, true);
    /** Ship 1 and 2 red, 3 and 4 blue. */
    private static final Teams TEAMS = new Teams(Map.of(1, Team.RED, 2, Team.RED, 3, Team.BLUE, 4, Team.BLUE));

    private static World world(Simulation sim, Ship... ships) {
        return TestArenas.withShips(sim.newMatch(42, 1000, 1), ships);
    }

    /** Ship 1 fires once along +x, then everybody idles until something is hit (at most 40 ticks). */
    private static World shootRight(Simulation sim, World w, Teams teams) {
        w = sim.step(w, Map.of(1, new Input(1, Input.FIRE, 0f)), ShipHistory.NONE, teams);
        for (int i = 0; i < 40 && !w.projectiles().isEmpty(); i++) {
            w = sim.step(w, Map.of(), ShipHistory.NONE, teams);
        }
        return w;
    }

    private static Ship find(World w, int id) {
        return w.ships().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    @Test
    void withoutFriendlyFireAShotFliesThroughATeammateIntoTheEnemyBehind() {
        Simulation sim = new Simulation(TestArenas.open(), TDM);
        World w = shootRight(sim, world(sim, ship(1, 100, 300), ship(2, 300, 300), ship(3, 500, 300)), TEAMS);
        assertEquals(Rules.MAX_HEALTH, find(w, 2).health(), "the teammate in the way is untouched");
        assertEquals(Rules.MAX_HEALTH - Rules.PROJECTILE_DAMAGE, find(w, 3).health(), "the enemy behind is hit");
        assertEquals(List.of(new GameEvent.Hit(3, 1, Rules.PROJECTILE_DAMAGE)),
                w.events().stream().filter(GameEvent.Hit.class::isInstance).toList());
    }

    @Test
    void withFriendlyFireTheTeammateTakesTheShotAndItsDeathScoresNothing() {
        Simulation sim = new Simulation(TestArenas.open(), TDM_FRIENDLY_FIRE);
        Ship weakTeammate = new Ship(2, 300, 300, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0);
        World w = shootRight(sim, world(sim, ship(1, 100, 300), weakTeammate, ship(3, 500, 300)), TEAMS);
        assertFalse(find(w, 2).alive(), "friendly fire kills");
        assertEquals(1, find(w, 2).deaths(), "the death counts");
        assertEquals(0, find(w, 1).kills(), "a teammate's kill is no kill");
        assertEquals(Rules.MAX_HEALTH, find(w, 3).health(), "the teammate stopped the shot");
        assertTrue(w.events().contains(new GameEvent.Kill(1, 2)), "the kill feed still says who did it");
        assertEquals(TeamScores.NONE, w.match().teamScores());
    }

    @Test
    void killingAnEnemyScoresForTheTeam() {
        Simulation sim = new Simulation(TestArenas.open(), TDM);
        Ship weakEnemy = new Ship(3, 300, 300, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0);
        Ship scoringTeammate = new Ship(2, 100, 500, 0, 0, 0, 100, 0, 0, 0, 0, 4, 0, 0);
        World w = shootRight(sim, world(sim, ship(1, 100, 300), scoringTeammate, weakEnemy), TEAMS);
        assertEquals(1, find(w, 1).kills());
        assertEquals(new TeamScores(1, 0), w.match().teamScores(), "the kill counts for the team as it happens");
    }

    @Test
    void aTeamKeepsItsScoreWhenTheScorerLeavesAndANewMatchStartsFromNothing() {
        Simulation sim = new Simulation(TestArenas.open(), TDM);
        Ship weakEnemy = new Ship(3, 300, 300, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0);
        World w = shootRight(sim, world(sim, ship(1, 100, 300), ship(2, 100, 500), weakEnemy), TEAMS);
        w = sim.removeShip(w, 1);
        w = sim.step(w, Map.of(), ShipHistory.NONE, TEAMS.without(1));
        assertEquals(new TeamScores(1, 0), w.match().teamScores(), "the scorer's kill stays with red");
        World over = w;
        while (over.match().phase() == MatchPhase.PLAYING) {
            over = sim.step(over, Map.of(), ShipHistory.NONE, TEAMS);
        }
        assertEquals(new TeamScores(1, 0), over.match().teamScores(), "the intermission shows the final score");
        while (over.match().phase() == MatchPhase.INTERMISSION) {
            over = sim.step(over, Map.of(), ShipHistory.NONE, TEAMS);
        }
        assertEquals(TeamScores.NONE, over.match().teamScores());
    }

    @Test
    void aFreeForAllKeepsNoTeamScore() {
        Simulation sim = new Simulation(TestArenas.open(), MatchConfig.defaults());
        Ship weak = new Ship(3, 300, 300, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0);
        World w = shootRight(sim, world(sim, ship(1, 100, 300), weak), TEAMS);
        assertEquals(1, find(w, 1).kills());
        assertEquals(TeamScores.NONE, w.match().teamScores());
    }

    @Test
    void inFreeForAllTeamsAreIgnored() {
        Simulation sim = new Simulation(TestArenas.open(), MatchConfig.defaults());
        World w = shootRight(sim, world(sim, ship(1, 100, 300), ship(2, 300, 300), ship(3, 500, 300)), TEAMS);
        assertEquals(Rules.MAX_HEALTH - Rules.PROJECTILE_DAMAGE, find(w, 2).health(), "everybody is an enemy");
    }

    @Test
    void aShipNoTeamNamesIsEverybodysEnemy() {
        Simulation sim = new Simulation(TestArenas.open(), TDM);
        Teams onlyTheShooter = new Teams(Map.of(1, Team.RED));
        World w = shootRight(sim, world(sim, ship(1, 100, 300), ship(5, 300, 300)), onlyTheShooter);
        assertEquals(Rules.MAX_HEALTH - Rules.PROJECTILE_DAMAGE, find(w, 5).health());
    }

    @Test
    void theKillLimitIsATeamsScore() {
        MatchConfig threeKills = new MatchConfig(60, 300, 3, 10, 3).withMode(GameMode.TDM, false);
        Simulation sim = new Simulation(TestArenas.open(), threeKills);
        // Red has 2 kills (of ships that left, say), no ship is near the limit: the third kill ends it.
        Ship shooter = new Ship(1, 100, 300, 0, 0, 0, 100, 0, 0, 0, 0, 1, 0, 0);
        Ship teammate = new Ship(2, 100, 500, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        Ship weakEnemy = new Ship(3, 300, 300, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0);
        World start = world(sim, shooter, teammate, weakEnemy);
        MatchState m = start.match();
        start = new World(start.tick(), new MatchState(m.phase(), m.phaseEndTick(), m.killLimit(), m.seed(),
                m.nextProjectileId(), m.round(), new TeamScores(2, 0)), start.ships(), List.of(), List.of(), List.of());
        World w = shootRight(sim, start, TEAMS);
        assertEquals(MatchPhase.INTERMISSION, w.match().phase());
        assertEquals(new TeamScores(3, 0), w.match().teamScores());
    }

    @Test
    void theSameKillsSpreadOverAFreeForAllDoNotEndIt() {
        Simulation sim = new Simulation(TestArenas.open(), new MatchConfig(60, 300, 3, 10, 3));
        Ship shooter = new Ship(1, 100, 300, 0, 0, 0, 100, 0, 0, 0, 0, 1, 0, 0);
        Ship other = new Ship(2, 100, 500, 0, 0, 0, 100, 0, 0, 0, 0, 1, 0, 0);
        Ship weak = new Ship(3, 300, 300, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0);
        World w = shootRight(sim, world(sim, shooter, other, weak), TEAMS);
        assertEquals(MatchPhase.PLAYING, w.match().phase(), "no ship has 3 kills");
    }

    /** 1200×600, no walls, spawns on a row at y 300: x 100, 400, 800, 1100. */
    private static ArenaMap row(Team... tags) {
        float[] xs = {100, 400, 800, 1100};
        List<SpawnPoint> spawns = new java.util.ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            spawns.add(new SpawnPoint(xs[i], 300, tags.length == 0 ? Team.NONE : tags[i]));
        }
        return new ArenaMap("row", "Row", 1200, 600, List.of(), spawns, List.of());
    }

    @Test
    void aShipRespawnsFarFromEnemiesWhateverItsTeammatesDo() {
        Simulation sim = new Simulation(row(), TDM);
        // Red 2 is next to spawn 1100, blue 3 next to spawn 100: red 1 must go to the far side from blue.
        Ship dead = new Ship(1, 0, 0, 0, 0, 0, 0, 1001, 0, 0, 0, 0, 1, 0);
        World w = sim.step(world(sim, dead, ship(2, 1100, 200), ship(3, 100, 200)), Map.of(), ShipHistory.NONE,
                TEAMS);
        assertEquals(1100f, find(w, 1).x(), "the spawn farthest from the enemy, though a teammate is near it");
        // In free-for-all the same ship avoids both.
        Simulation ffa = new Simulation(row(), MatchConfig.defaults());
        World f = ffa.step(world(ffa, dead, ship(2, 1100, 200), ship(3, 100, 200)), Map.of(), ShipHistory.NONE,
                TEAMS);
        float x = find(f, 1).x();
        assertTrue(x == 400f || x == 800f, "between the two others: " + x);
    }

    @Test
    void aShipDoesNotSpawnOnATeammate() {
        Simulation sim = new Simulation(row(), TDM);
        Ship dead = new Ship(1, 0, 0, 0, 0, 0, 0, 1001, 0, 0, 0, 0, 1, 0);
        // Blue far left: the farthest spawn (1100) is taken by red 2, so the next farthest.
        World w = sim.step(world(sim, dead, ship(2, 1100, 300), ship(3, 10 + Rules.SHIP_RADIUS, 300)), Map.of(),
                ShipHistory.NONE, TEAMS);
        assertEquals(800f, find(w, 1).x());
    }

    @Test
    void onATeamMapEachTeamSpawnsOnItsOwnSide() {
        Simulation sim = new Simulation(row(Team.RED, Team.RED, Team.BLUE, Team.BLUE), TDM);
        Set<Float> redXs = new HashSet<>();
        Set<Float> blueXs = new HashSet<>();
        World w = sim.newMatch(7, 0, 1);
        Map<Integer, Team> byShip = new HashMap<>();
        for (int id = 1; id <= 8; id++) {
            w = sim.addShip(w, id);
            byShip.put(id, id % 2 == 0 ? Team.RED : Team.BLUE);
        }
        Teams teams = new Teams(byShip);
        w = sim.step(w, Map.of(), ShipHistory.NONE, teams);
        for (Ship s : w.ships()) {
            assertTrue(s.alive());
            (teams.of(s.id()) == Team.RED ? redXs : blueXs).add(s.x());
        }
        assertEquals(Set.of(100f, 400f), redXs);
        assertEquals(Set.of(800f, 1100f), blueXs);
        // The same map in free-for-all uses every spawn for everybody.
        Simulation ffa = new Simulation(row(Team.RED, Team.RED, Team.BLUE, Team.BLUE), MatchConfig.defaults());
        World f = ffa.newMatch(7, 0, 1);
        for (int id = 1; id <= 4; id++) {
            f = ffa.addShip(f, id);
        }
        f = ffa.step(f, Map.of(), ShipHistory.NONE, teams);
        assertEquals(4, f.ships().stream().map(Ship::x).distinct().count(), "four ships, four spawns");
    }

    @Test
    void aTeamMatchIsDeterministic() {
        Simulation sim = new Simulation(TestArenas.boxWithPickups(), TDM_FRIENDLY_FIRE);
        World a = sim.newMatch(3, 0, 1);
        for (int id = 1; id <= 4; id++) {
            a = sim.addShip(a, id);
        }
        World b = a;
        for (int t = 0; t < 600; t++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (int id = 1; id <= 4; id++) {
                int buttons = (int) Math.floorMod(Rules.hash(id, t / 30, id), 32L);
                inputs.put(id, new Input(t, buttons, (float) (t * 0.05 * id)));
            }
            a = sim.step(a, inputs, ShipHistory.NONE, TEAMS);
            b = sim.step(b, Map.copyOf(inputs), ShipHistory.NONE, new Teams(Map.copyOf(TEAMS.byShip())));
            assertEquals(a, b);
        }
    }
}
