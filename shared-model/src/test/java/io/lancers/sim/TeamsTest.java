package io.lancers.sim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.lancers.sim.TestArenas.ship;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeamsTest {
    private static final World EMPTY = new Simulation(TestArenas.open(), MatchConfig.defaults()).newMatch(1, 0, 1);

    private static World withScores(int red, int blue) {
        MatchState m = EMPTY.match();
        return new World(EMPTY.tick(), new MatchState(m.phase(), m.phaseEndTick(), m.killLimit(), m.seed(),
                m.nextProjectileId(), m.round(), new TeamScores(red, blue)), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void newcomersJoinTheSmallerTeamSoTeamsStayBalanced() {
        Teams teams = Teams.NONE;
        for (int id = 1; id <= 9; id++) {
            teams = teams.with(id, teams.forNewcomer(EMPTY));
            assertTrue(Math.abs(teams.count(Team.RED) - teams.count(Team.BLUE)) <= 1, "after " + id + ": " + teams);
        }
        assertEquals(5, teams.count(Team.RED), "ties go to red first");
    }

    @Test
    void onATieTheNewcomerHelpsTheTeamThatIsBehind() {
        Teams teams = new Teams(Map.of(1, Team.RED, 2, Team.BLUE));
        assertEquals(Team.BLUE, teams.forNewcomer(withScores(5, 2)));
        assertEquals(Team.RED, teams.forNewcomer(withScores(2, 5)));
        assertEquals(Team.RED, teams.forNewcomer(withScores(3, 3)));
        assertEquals(Team.BLUE, new Teams(Map.of(1, Team.RED)).forNewcomer(withScores(0, 50)), "size first");
    }

    @Test
    void balancingMovesTheNewestBotsFirstThenTheNewestHumans() {
        // Red: humans 1, 2, 3, bot 4, bot 6; blue: human 5. Bots are 4 and 6.
        Teams lopsided = new Teams(Map.of(1, Team.RED, 2, Team.RED, 3, Team.RED, 4, Team.RED, 6, Team.RED,
                5, Team.BLUE));
        Teams balanced = lopsided.balanced(id -> id == 4 || id == 6);
        assertEquals(Team.BLUE, balanced.of(6));
        assertEquals(Team.BLUE, balanced.of(4));
        assertEquals(3, balanced.count(Team.RED));
        assertEquals(3, balanced.count(Team.BLUE));

        Teams humansOnly = new Teams(Map.of(1, Team.BLUE, 2, Team.BLUE, 3, Team.BLUE, 4, Team.RED));
        Teams evened = humansOnly.balanced(id -> false);
        assertEquals(Team.RED, evened.of(3), "the newest human moves");
        assertEquals(Set.of(1, 2), Set.of(1, 2, 3, 4).stream().filter(id -> evened.of(id) == Team.BLUE)
                .collect(java.util.stream.Collectors.toSet()));
        Teams offByOne = new Teams(Map.of(1, Team.RED, 2, Team.RED, 3, Team.BLUE));
        assertEquals(offByOne, offByOne.balanced(id -> true), "one apart is balanced");
    }

    @Test
    void aShipWithoutATeamIsNoOnesAlly() {
        Teams teams = new Teams(Map.of(1, Team.RED, 2, Team.RED, 3, Team.BLUE));
        assertEquals(Team.NONE, teams.of(9));
        assertTrue(teams.of(1).alliedWith(teams.of(2)));
        assertTrue(!teams.of(1).alliedWith(teams.of(3)));
        assertTrue(!Team.NONE.alliedWith(Team.NONE), "in free-for-all nobody is anybody's ally");
        assertEquals(Team.NONE, teams.without(1).of(1));
        assertThrows(IllegalArgumentException.class, () -> new Teams(Map.of(1, Team.NONE)));
    }

    @Test
    void teamScoresCountKillsPerSideUpToWhatTheWireCarries() {
        TeamScores scores = TeamScores.NONE.plusKill(Team.RED).plusKill(Team.BLUE).plusKill(Team.RED).plusKill(Team.NONE);
        assertEquals(new TeamScores(2, 1), scores);
        assertEquals(2, scores.of(Team.RED));
        assertEquals(0, scores.of(Team.NONE));
        assertEquals(65535, new TeamScores(65535, 0).plusKill(Team.RED).red());
        assertThrows(IllegalArgumentException.class, () -> new TeamScores(-1, 0));
        assertEquals(List.of(Team.RED, Team.BLUE), Teams.sides());
    }
}
