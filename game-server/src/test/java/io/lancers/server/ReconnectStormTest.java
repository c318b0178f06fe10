package io.lancers.server;

import io.lancers.load.LoadClient;
import io.lancers.load.LoadClient.Entry;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.match.MatchStatus;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.lancers.server.TestClient.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 players in one room lose their links at the same moment (a switch reboots) and all come
 * back at once: each must get its own player back (same id), within the resume grace, and none
 * another's. Light clients on one shared JDK HttpClient; a low tick rate keeps the 2-core machine
 * able to serve 200 sockets.
 */
class ReconnectStormTest {
    private static final int PLAYERS = MatchSettings.MAX_PLAYERS;
    private static final ServerOptions CONFIG = GameServerTest.CONFIG.with(o -> {
        o.matches = 1;
        o.tickRate = 10;
        o.maxPlayers = PLAYERS;
        o.heartbeatMs = 1000;
        o.heartbeatMisses = 10;
        o.resumeGraceSeconds = 30;
        o.maxConnectionsPerAddress = 2 * PLAYERS;
    });

    @Test
    void everyPlayerOfAFullRoomResumesItsOwnShipAfterAllLinksDropAtOnce() throws Exception {
        try (GameServer server = GameServer.start(CONFIG)) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = TestClient.uri(server);

            List<LoadClient> first = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                first.add(LoadClient.open(http, uri, "p" + i, Entry.join("m1")));
            }
            List<ServerMessage.Joined> joined = new ArrayList<>();
            for (LoadClient client : first) {
                joined.add(client.joined().orTimeout(60, TimeUnit.SECONDS).join());
            }
            assertEquals(PLAYERS, joined.stream().map(ServerMessage.Joined::playerId).distinct().count());
            awaitOnline(server, PLAYERS);

            long droppedAt = System.nanoTime();
            first.forEach(LoadClient::abort);
            List<LoadClient> second = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                second.add(LoadClient.open(http, uri, "p" + i, Entry.resume(joined.get(i).resumeToken())));
            }
            Set<Integer> ids = new HashSet<>();
            for (int i = 0; i < PLAYERS; i++) {
                ServerMessage.Joined back = second.get(i).joined().orTimeout(60, TimeUnit.SECONDS).join();
                assertTrue(back.resumed(), "p" + i + " resumed");
                assertEquals(joined.get(i).playerId(), back.playerId(), "p" + i + " got its own ship back");
                ids.add(back.playerId());
            }
            long allBackMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - droppedAt);
            assertEquals(PLAYERS, ids.size());
            assertTrue(allBackMs < TimeUnit.SECONDS.toMillis(CONFIG.resumeGraceSeconds), "all back within the grace: " + allBackMs + " ms");
            awaitOnline(server, PLAYERS);
            System.out.printf("reconnect storm: %d players dropped at once, all resumed their own ship in %d ms%n",
                    PLAYERS, allBackMs);
            second.forEach(LoadClient::abort);
        }
    }

    /** Every player of the room is there and online, each exactly once. */
    private static void awaitOnline(GameServer server, int players) {
        await(players + " players online in m1").atMost(PATIENCE).until(() -> server.matches().status().get(0),
                room -> room.players().size() == players && room.players().stream().allMatch(MatchStatus.PlayerStatus::online));
    }
}
