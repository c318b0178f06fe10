package io.lancers.bot;

import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.map.SpawnPoint;
import io.lancers.sim.GameEvent;
import io.lancers.sim.GameMode;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import io.lancers.sim.ShipHistory;
import io.lancers.sim.Simulation;
import io.lancers.sim.Team;
import io.lancers.sim.Teams;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bots in a team match: they fight the other team and never shoot at their own. */
class BotTeamPlayTest {
    private static final MatchConfig FRIENDLY_FIRE = MatchConfig.defaults().withMode(GameMode.TDM, true);
    /** An empty 1600×600 room. */
    private static final ArenaMap OPEN = new ArenaMap("open", "Open", 1600, 600, List.of(),
            List.of(new SpawnPoint(100, 300), new SpawnPoint(1500, 300)), List.of());

    /**
     * Four against four with friendly fire on for 60 simulated seconds: the teams fight, and hits on
     * teammates are rare. Not none: a teammate may fly into a shot already on its way (bots, like
     * players, do not see the future), but a bot never fires with one in its line of fire (below).
     */
    @ParameterizedTest
    @MethodSource("io.lancers.bot.BotBrainTest#maps")
    void botsFightTheOtherTeamAndHardlyEverHitTheirOwn(String mapId) {
        ArenaMap map = MapLoader.load(mapId);
        Simulation sim = new Simulation(map, FRIENDLY_FIRE);
        World w = sim.newMatch(5, 0, 1);
        Teams teams = Teams.NONE;
        Map<Integer, BotBrain> brains = new HashMap<>();
        for (int id = 1; id <= 8; id++) {
            w = sim.addShip(w, id);
            teams = teams.with(id, teams.forNewcomer(w));
            brains.put(id, new BotBrain(300 + id, (id % 4) / 3f));
        }
        int enemyHits = 0;
        int teamHits = 0;
        int enemyKills = 0;
        int lancesTaken = 0;
        int lanceHits = 0;
        for (int t = 0; t < 60 * FRIENDLY_FIRE.tickRate(); t++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (Map.Entry<Integer, BotBrain> e : brains.entrySet()) {
                inputs.put(e.getKey(), e.getValue().decide(w, e.getKey(), map, FRIENDLY_FIRE, teams));
            }
            w = sim.step(w, inputs, ShipHistory.NONE, teams);
            for (GameEvent e : w.events()) {
                if (e instanceof GameEvent.Hit hit) {
                    boolean ownTeam = teams.of(hit.shooterId()).alliedWith(teams.of(hit.targetId()));
                    teamHits += ownTeam ? 1 : 0;
                    enemyHits += ownTeam ? 0 : 1;
                    lanceHits += hit.damage() % Rules.LANCE_DAMAGE == 0 ? 1 : 0;
                } else if (e instanceof GameEvent.PickupTaken taken) {
                    lancesTaken += taken.kind() == PickupKind.LANCE ? 1 : 0;
                } else if (e instanceof GameEvent.Kill kill) {
                    enemyKills += teams.of(kill.killerId()).alliedWith(teams.of(kill.victimId())) ? 0 : 1;
                }
            }
        }
        System.out.printf("%s: %d hits on enemies, %d on teammates, %d kills; %d lance pickups taken, %d lance hits%n",
                mapId, enemyHits, teamHits, enemyKills, lancesTaken, lanceHits);
        assertTrue(enemyHits >= 20, "the teams fight: " + enemyHits + " hits");
        assertTrue(teamHits * 20 <= enemyHits, teamHits + " hits on teammates, " + enemyHits + " on enemies");
        assertTrue(enemyKills >= 3, "and kill: " + enemyKills);
    }

    private static Ship at(int id, float x, float y) {
        return new Ship(id, x, y, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0);
    }

    /** How many of {@code ticks} decisions of bot 1 (alone in its plans, nobody moving) press FIRE. */
    private static int shotsOf(BotBrain brain, World w, Teams teams, int ticks) {
        int fired = 0;
        for (int t = 0; t < ticks; t++) {
            World now = new World(w.tick() + t, w.match(), w.ships(), w.projectiles(), w.pickups(), List.of());
            fired += (brain.decide(now, 1, OPEN, FRIENDLY_FIRE, teams).buttons() & Input.FIRE) != 0 ? 1 : 0;
        }
        return fired;
    }

    @Test
    void aBotNeverTargetsATeammate() {
        Simulation sim = new Simulation(OPEN, FRIENDLY_FIRE);
        World w = new World(100, sim.newMatch(1, 0, 1).match(), List.of(at(1, 400, 300), at(2, 700, 300)), List.of(),
                List.of(), List.of());
        Teams teammates = new Teams(Map.of(1, Team.RED, 2, Team.RED));
        assertEquals(0, shotsOf(new BotBrain(9, 1f), w, teammates, 180));
        Teams enemies = new Teams(Map.of(1, Team.RED, 2, Team.BLUE));
        assertTrue(shotsOf(new BotBrain(9, 1f), w, enemies, 180) > 0, "the same ship on the other team is shot at");
    }

    @Test
    void aBotHoldsItsFireWhileATeammateIsInTheLineOfFire() {
        Simulation sim = new Simulation(OPEN, FRIENDLY_FIRE);
        Teams teams = new Teams(Map.of(1, Team.RED, 2, Team.RED, 3, Team.BLUE));
        World blocked = new World(100, sim.newMatch(1, 0, 1).match(),
                List.of(at(1, 400, 300), at(2, 600, 305), at(3, 800, 300)), List.of(), List.of(), List.of());
        assertEquals(0, shotsOf(new BotBrain(9, 1f), blocked, teams, 180));
        World clear = new World(100, blocked.match(),
                List.of(at(1, 400, 300), at(2, 600, 420), at(3, 800, 300)), List.of(), List.of(), List.of());
        assertTrue(shotsOf(new BotBrain(9, 1f), clear, teams, 180) > 0, "with the teammate out of the way it fires");
    }
}
