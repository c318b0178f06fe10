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

    private static World withKills(int... killsById) {
        Ship[] ships = new Ship[killsById.length];
        for (int i = 0; i < ships.length; i++) {
            ships[i] = new Ship(i + 1, 100, 100, 0, 0, 0, 100, 0, 0, 0, 0, killsById[i], 0, 0);
        }
        return TestArenas.withShips(EMPTY, ships);
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
        assertEquals(Team.BLUE, teams.forNewcomer(withKills(5, 2)));
        assertEquals(Team.RED, teams.forNewcomer(withKills(2, 5)));
        assertEquals(Team.RED, teams.forNewcomer(withKills(3, 3)));
        assertEquals(Team.BLUE, new Teams(Map.of(1, Team.RED)).forNewcomer(withKills(0, 50)), "size first");
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
    void aTeamScoresItsShipsKills() {
        Teams teams = new Teams(Map.of(1, Team.RED, 2, Team.BLUE, 3, Team.RED));
        World w = withKills(4, 7, 2);
        assertEquals(6, teams.score(w.ships(), Team.RED));
        assertEquals(7, teams.score(w.ships(), Team.BLUE));
        assertEquals(List.of(Team.RED, Team.BLUE), Teams.sides());
    }
}
