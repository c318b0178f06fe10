package io.lancers.client.ui;

import io.lancers.protocol.ServerMessage.PlayerInfo;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Ship;
import io.lancers.sim.Team;
import io.lancers.sim.TeamScores;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoreboardTest {

    private static Ship ship(int id, int kills, int deaths) {
        return new Ship(id, 0, 0, 0, 0, 0, 100, 0, 0, 0, 0, kills, deaths, 0);
    }

    @Test
    void mostKillsFirstThenFewestDeathsThenName() {
        List<PlayerInfo> roster = List.of(
                new PlayerInfo(1, "zed", 0xff0000, false, true, 12),
                new PlayerInfo(2, "amy", 0x00ff00, true, true, 0),
                new PlayerInfo(3, "Bob", 0x0000ff, false, false, 40),
                new PlayerInfo(4, "cat", 0xffffff, false, true, 5));
        List<Ship> ships = List.of(ship(1, 3, 1), ship(2, 5, 2), ship(3, 3, 0), ship(4, 3, 1));

        List<Scoreboard.Row> rows = Scoreboard.rows(roster, ships);

        assertEquals(List.of(2, 3, 4, 1), rows.stream().map(Scoreboard.Row::id).toList());
        Scoreboard.Row bob = rows.get(1);
        assertEquals(false, bob.online());
        assertEquals(40, bob.pingMs());
    }

    @Test
    void aPlayerWithoutAShipYetScoresZero() {
        List<Scoreboard.Row> rows = Scoreboard.rows(List.of(new PlayerInfo(9, "new", 0, false, true, -1)), List.of());
        assertEquals(0, rows.get(0).kills());
        assertEquals(0, rows.get(0).deaths());
    }

    @Test
    void aTeamMatchGroupsTheTableByTeamAndShowsTheMatchsTeamScores() {
        List<PlayerInfo> roster = List.of(
                new PlayerInfo(1, "zed", 0, false, true, 12, Team.BLUE),
                new PlayerInfo(2, "amy", 0, true, true, 0, Team.RED),
                new PlayerInfo(3, "Bob", 0, false, true, 40, Team.BLUE),
                new PlayerInfo(4, "cat", 0, false, true, 5, Team.RED));
        List<Ship> ships = List.of(ship(1, 7, 1), ship(2, 1, 2), ship(3, 3, 0), ship(4, 2, 1));

        assertEquals(List.of(4, 2, 1, 3), Scoreboard.rows(roster, ships).stream().map(Scoreboard.Row::id).toList());
        // The match's own score, not the sum of who is still here: a red player who left took none away.
        assertEquals("RED 5 : 10 BLUE", Scoreboard.teamScores(roster, match(new TeamScores(5, 10))));
    }

    @Test
    void aFreeForAllHasNoTeamScores() {
        List<PlayerInfo> roster = List.of(new PlayerInfo(1, "zed", 0, false, true, 12));
        assertEquals("", Scoreboard.teamScores(roster, match(TeamScores.NONE)));
    }

    private static MatchState match(TeamScores scores) {
        return new MatchState(MatchPhase.PLAYING, 100, 0, 1L, 1, 1, scores);
    }
}
