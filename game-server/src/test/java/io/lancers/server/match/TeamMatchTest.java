package io.lancers.server.match;

import io.lancers.map.MapLoader;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.GameMode;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Team;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A team-deathmatch room, ticked by hand: teams on join, bots filling, colours, rebalance, the result. */
class TeamMatchTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    private static final MatchConfig TDM = new MatchConfig(60, 2, 0, 1, 1).withMode(GameMode.TDM, false);

    private static Match room(int botFill) {
        MatchSettings settings = MatchSettings.defaults("teams", "crossfire").withRules(TDM).withBotFill(botFill)
                .withSeed(3);
        return new Match(settings, MapLoader.load("crossfire"), CLOCK, StateEncoder.CODEC, Runnable::run);
    }

    private static Membership join(Match match, String name, RecordingPeer peer) {
        CompletableFuture<Membership> joined = match.join(name, peer);
        match.tick();
        return joined.join();
    }

    private static Map<Team, Long> sizes(ServerMessage.Roster roster) {
        return roster.players().stream().collect(Collectors.groupingBy(ServerMessage.PlayerInfo::team,
                Collectors.counting()));
    }

    @Test
    void playersAndBotsAreDealtIntoTwoBalancedTeamsInTeamColours() {
        Match match = room(4);
        RecordingPeer ann = new RecordingPeer("ann");
        join(match, "Ann", ann);
        ServerMessage.Joined joined = ann.last(ServerMessage.Joined.class);
        assertEquals("tdm", joined.rules().mode());
        assertEquals(TDM, joined.matchConfig());
        assertEquals("tdm", match.info().mode());

        ServerMessage.Roster roster = ann.last(ServerMessage.Roster.class);
        assertEquals(4, roster.players().size(), "Ann took a bot's seat");
        assertEquals(Map.of(Team.RED, 2L, Team.BLUE, 2L), sizes(roster));
        for (ServerMessage.PlayerInfo player : roster.players()) {
            assertEquals(Colors.team(player.team()), player.color(), player.name() + " wears its team's colour");
        }
        assertTrue(Colors.team(Team.RED) != Colors.team(Team.BLUE));

        RecordingPeer bob = new RecordingPeer("bob");
        join(match, "Bob", bob);
        assertEquals(Map.of(Team.RED, 2L, Team.BLUE, 2L), sizes(bob.last(ServerMessage.Roster.class)),
                "a bot of the bigger side made room, Bob joined the smaller");
    }

    @Test
    void unevenTeamsAreEvenedOutWhenTheNextMatchStartsAndTheResultNamesTheTeam() {
        Match match = room(0);
        RecordingPeer[] peers = new RecordingPeer[4];
        Membership[] members = new Membership[4];
        for (int i = 0; i < 4; i++) {
            peers[i] = new RecordingPeer("p" + i);
            members[i] = join(match, "P" + i, peers[i]);
        }
        // Two of one team leave: 2 against 0.
        ServerMessage.Roster before = peers[0].last(ServerMessage.Roster.class);
        Team first = before.players().get(0).team();
        List<Membership> sameTeamAsFirst = before.players().stream().filter(p -> p.team() == first)
                .map(p -> members[p.id() - 1]).toList();
        List<Membership> others = before.players().stream().filter(p -> p.team() != first)
                .map(p -> members[p.id() - 1]).toList();
        for (Membership leaving : others) {
            leaving.leave();
        }
        match.tick();
        RecordingPeer watcher = peers[sameTeamAsFirst.get(0).playerId() - 1];
        assertEquals(Map.of(first, 2L), sizes(watcher.last(ServerMessage.Roster.class)));

        // Two seconds of play, one of intermission: the next match starts with one on each side.
        for (int i = 0; i < 60 * 3 + 2; i++) {
            match.tick();
        }
        assertEquals(2, match.world().match().round());
        assertEquals(Map.of(Team.RED, 1L, Team.BLUE, 1L), sizes(watcher.last(ServerMessage.Roster.class)));
        assertTrue(watcher.messages(ServerMessage.Notice.class).stream()
                .anyMatch(n -> n.text().equals("Match over — the teams tie 0–0")), watcher.kinds().toString());
    }
}
