package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.match.MatchStatus;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

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
    private static final ServerConfig CONFIG = GameServerTest.CONFIG.withMatches(1).withTickRate(10)
            .withMaxPlayers(PLAYERS).withHeartbeatInterval(Duration.ofSeconds(1)).withHeartbeatMisses(10)
            .withResumeGrace(Duration.ofSeconds(30));

    @Test
    void everyPlayerOfAFullRoomResumesItsOwnShipAfterAllLinksDropAtOnce() throws Exception {
        try (GameServer server = GameServer.start(CONFIG)) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + ProtocolVersion.ENDPOINT_PATH);

            List<StormClient> first = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                first.add(StormClient.open(http, uri, "p" + i, null));
            }
            List<ServerMessage.Joined> joined = new ArrayList<>();
            for (StormClient client : first) {
                joined.add(client.joined.orTimeout(60, TimeUnit.SECONDS).join());
            }
            assertEquals(PLAYERS, joined.stream().map(ServerMessage.Joined::playerId).distinct().count());
            awaitOnline(server, PLAYERS);

            long droppedAt = System.nanoTime();
            first.forEach(StormClient::drop);
            List<StormClient> second = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                second.add(StormClient.open(http, uri, "p" + i, joined.get(i).resumeToken()));
            }
            Set<Integer> ids = new HashSet<>();
            for (int i = 0; i < PLAYERS; i++) {
                ServerMessage.Joined back = second.get(i).joined.orTimeout(60, TimeUnit.SECONDS).join();
                assertTrue(back.resumed(), "p" + i + " resumed");
                assertEquals(joined.get(i).playerId(), back.playerId(), "p" + i + " got its own ship back");
                ids.add(back.playerId());
            }
            long allBackMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - droppedAt);
            assertEquals(PLAYERS, ids.size());
            assertTrue(allBackMs < CONFIG.resumeGrace().toMillis(), "all back within the grace: " + allBackMs + " ms");
            awaitOnline(server, PLAYERS);
            System.out.printf("reconnect storm: %d players dropped at once, all resumed their own ship in %d ms%n",
                    PLAYERS, allBackMs);
            second.forEach(StormClient::drop);
        }
    }

    /** Every player of the room is there and online, each exactly once. */
    private static void awaitOnline(GameServer server, int players) {
        Await.until(() -> {
            MatchStatus room = server.matches().status().get(0);
            return Optional.of(room).filter(r -> r.players().size() == players
                    && r.players().stream().allMatch(MatchStatus.PlayerStatus::online));
        }, () -> players + " players online in m1");
    }

    /** Just enough of a client: hello (with a token or not), join, answer heartbeats, ignore state. */
    private static final class StormClient implements WebSocket.Listener {
        final CompletableFuture<ServerMessage.Joined> joined = new CompletableFuture<>();
        private final StringBuilder parts = new StringBuilder();
        private final String name;
        private final String token;
        private WebSocket socket;
        private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

        private StormClient(String name, String token) {
            this.name = name;
            this.token = token;
        }

        static StormClient open(HttpClient http, URI uri, String name, String token) {
            StormClient client = new StormClient(name, token);
            http.newWebSocketBuilder().subprotocols(ProtocolVersion.SUBPROTOCOL).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri, client)
                    .whenComplete((socket, failure) -> {
                        if (failure != null) {
                            client.joined.completeExceptionally(failure);
                        }
                    });
            return client;
        }

        /** The link is gone: no close frame, the TCP connection just closes. */
        void drop() {
            socket.abort();
        }

        /** The JDK WebSocket takes one send at a time: chain them. */
        private synchronized void send(ClientMessage message) {
            String text = ControlCodec.encode(message);
            sends = sends.thenCompose(done -> socket.sendText(text, true)).exceptionally(closed -> null);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            send(new ClientMessage.Hello(name, token));
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String text = parts.toString();
                parts.setLength(0);
                try {
                    ServerMessage message = ControlCodec.decodeServer(text);
                    if (message instanceof ServerMessage.Welcome && token == null) {
                        send(new ClientMessage.Join("m1"));
                    } else if (message instanceof ServerMessage.Joined j) {
                        joined.complete(j);
                    } else if (message instanceof ServerMessage.Error error) {
                        joined.completeExceptionally(new AssertionError(name + ": " + error));
                    } else if (message instanceof ServerMessage.Heartbeat heartbeat) {
                        send(new ClientMessage.HeartbeatAck(heartbeat.t()));
                    }
                } catch (ProtocolException e) {
                    joined.completeExceptionally(e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            joined.completeExceptionally(new AssertionError(name + " closed " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            joined.completeExceptionally(error);
        }
    }
}
