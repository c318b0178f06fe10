package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.MatchPhase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over real WebSockets: kick, nextMap and endMatch are the host's alone. Anyone else, whether
 * player, spectator, lobby or a wrong token, gets {@code error not_host}, logged, and nothing happens;
 * the host's own connection (hello with the token the server was started with) is obeyed.
 */
class HostOrdersServerTest {
    private static final String HOST_TOKEN = "host-token-0123456789abcdef";
    private static final ServerOptions CONFIG = GameServerTest.CONFIG.with(o -> {
        o.matches = 1;
        o.hostToken = HOST_TOKEN;
    });

    private static TestClient hello(GameServer server, ClientMessage.Hello hello) {
        TestClient client = TestClient.connect(server);
        client.send(hello);
        client.await(ServerMessage.Welcome.class);
        return client;
    }

    private static TestClient player(GameServer server, String name) {
        TestClient client = TestClient.hello(server, name);
        client.send(new ClientMessage.Join("m1"));
        client.await(ServerMessage.Joined.class);
        client.awaitWorld(w -> true);
        return client;
    }

    private static List<ClientMessage> orders(int playerId) {
        return List.of(new ClientMessage.Kick("m1", playerId), new ClientMessage.NextMap("m1", "foundry"),
                new ClientMessage.EndMatch("m1"));
    }

    @Test
    void everyoneButTheHostIsRefusedWithNotHostAndNothingHappens() throws IOException {
        try (LogCapture log = LogCapture.start(); GameServer server = GameServer.start(CONFIG)) {
            TestClient ada = player(server, "Ada");
            int adaId = ada.await(ServerMessage.Joined.class).playerId();
            TestClient eve = player(server, "Eve");
            TestClient lobby = TestClient.hello(server, "Lurker");
            TestClient forger = hello(server, new ClientMessage.Hello("Mallory", null, null, HOST_TOKEN + "x"));
            TestClient watcher = TestClient.hello(server, "Watcher");
            watcher.send(new ClientMessage.Spectate("m1"));
            watcher.await(ServerMessage.Joined.class);

            for (TestClient outsider : List.of(eve, lobby, forger, watcher)) {
                for (ClientMessage order : orders(adaId)) {
                    outsider.send(order);
                }
                outsider.awaitValue(() -> java.util.Optional.of(outsider.messages().stream()
                                .filter(m -> m instanceof ServerMessage.Error e && e.code().equals(ErrorCode.NOT_HOST.wire()))
                                .count()).filter(n -> n == 3),
                        "three not_host refusals");
                assertFalse(outsider.isClosed(), "a refusal, not a close");
            }
            // Still in, still playing, and the room still answers the refused ones.
            eve.send(new ClientMessage.Chat("still here"));
            ada.await(ServerMessage.Chat.class, c -> c.text().equals("still here"));
            assertFalse(ada.isClosed());
            assertEquals(MatchPhase.PLAYING, ada.world().match().phase());
            assertTrue(ada.messages().stream().noneMatch(m -> m instanceof ServerMessage.MapVote));
            assertTrue(log.anyContains("refused for"), "refusals are logged");
            assertTrue(log.lines().stream().filter(l -> l.contains("not the host")).count() >= 12);
            assertTrue(log.anyContains("with a host token that is not the host's"));
            assertFalse(log.anyContains(HOST_TOKEN), "the token never reaches the log");
        }
    }

    @Test
    void theHostKicksPicksTheNextMapAndEndsTheMatch() throws IOException {
        try (GameServer server = GameServer.start(CONFIG)) {
            TestClient ada = player(server, "Ada");
            TestClient eve = player(server, "Eve");
            int eveId = eve.await(ServerMessage.Joined.class).playerId();
            TestClient host = hello(server, new ClientMessage.Hello("Host", null, null, HOST_TOKEN));

            host.send(new ClientMessage.Kick("m1", eveId));
            assertEquals(CloseCodes.KICKED, eve.awaitClose().code());
            ada.await(ServerMessage.Notice.class, n -> n.text().equals("The host kicked Eve"));

            host.send(new ClientMessage.Kick("m1", 999));
            assertEquals(ErrorCode.NO_SUCH_PLAYER.wire(), host.await(ServerMessage.Error.class).code());
            host.send(new ClientMessage.NextMap("m1", "atlantis"));
            host.await(ServerMessage.Error.class, e -> e.code().equals(ErrorCode.NO_SUCH_MAP.wire()));

            String current = ada.await(ServerMessage.Joined.class).map().id();
            host.send(new ClientMessage.NextMap("m1", current));
            host.send(new ClientMessage.EndMatch("m1"));
            ada.awaitWorld(w -> w.match().phase() == MatchPhase.INTERMISSION);
            ServerMessage.MapVote vote = ada.await(ServerMessage.MapVote.class);
            assertEquals(current, vote.hostPick());
            ada.await(ServerMessage.Notice.class, n -> n.text().equals("The host ended the match"));
            assertFalse(host.isClosed());
        }
    }
}
