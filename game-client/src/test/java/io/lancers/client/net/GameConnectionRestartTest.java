package io.lancers.client.net;

import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static io.lancers.client.net.ConnectionState.IN_MATCH;
import static io.lancers.client.net.ConnectionState.LOBBY;
import static io.lancers.client.net.ConnectionState.RECONNECTING;
import static io.lancers.client.net.ConnectionState.RESUME_REFUSED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server process restarts on the same port (a crash and a supervisor, an update): every
 * client notices, says so (RECONNECTING), gets back in, is told the new server does not know its
 * player (RESUME_REFUSED, a lobby) and joins the new server as a new player.
 */
class GameConnectionRestartTest {
    private static final int CLIENTS = 8;

    private static ServerOptions config(int port) {
        return ServerOptions.defaults().onLoopback().with(o -> {
            o.port = port;
            o.matches = 1;
            o.bots = 0;
            o.heartbeatMs = 2000;
        }); // generous: not what is tested
    }

    @Test
    void afterARestartOnTheSamePortEveryClientIsRefusedItsResumeAndJoinsAnew() throws Exception {
        GameServer before = GameServer.start(config(0));
        int port = before.port();
        List<GameConnection> connections = new ArrayList<>();
        List<Observed> seen = new ArrayList<>();
        GameServer after = null;
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Observed s = new Observed();
                GameConnection connection = new GameConnection(before.uri(), "r" + i, s);
                connection.connect();
                seen.add(s);
                connections.add(connection);
            }
            for (GameConnection connection : connections) {
                await("lobby").atMost(Observed.PATIENCE).until(() -> connection.state() == LOBBY);
                connection.join("m1");
            }
            for (GameConnection connection : connections) {
                await("in the match").atMost(Observed.PATIENCE).until(() -> connection.state() == IN_MATCH);
            }
            List<String> oldTokens = seen.stream().map(s -> s.joined.get().resumeToken()).toList();

            before.close();
            for (int i = 0; i < CLIENTS; i++) {
                Observed s = seen.get(i);
                await("reconnecting").atMost(Observed.PATIENCE)
                        .untilAsserted(() -> assertTrue(s.states.contains(RECONNECTING), s.states::toString));
            }
            after = GameServer.start(config(port));
            for (int i = 0; i < CLIENTS; i++) {
                GameConnection connection = connections.get(i);
                Observed s = seen.get(i);
                await("resume refused").atMost(Observed.PATIENCE)
                        .untilAsserted(() -> assertTrue(connection.state() == RESUME_REFUSED, s.states::toString));
                assertFalse(s.states.contains(ConnectionState.FAILED), s.states.toString());
                assertTrue(connection.join("m1"));
            }
            for (int i = 0; i < CLIENTS; i++) {
                GameConnection connection = connections.get(i);
                Observed s = seen.get(i);
                await("joined anew").atMost(Observed.PATIENCE)
                        .untilAsserted(() -> assertTrue(connection.state() == IN_MATCH && !s.joined.get().resumed()
                        && !oldTokens.contains(s.joined.get().resumeToken()), s.states::toString));
                assertNotEquals(oldTokens.get(i), s.joined.get().resumeToken());
            }
        } finally {
            connections.forEach(GameConnection::close);
            before.close();
            if (after != null) {
                after.close();
            }
        }
    }
}
