package io.lancers.server;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.Discovery;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.MatchRegistry;
import io.lancers.sim.Input;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static io.lancers.server.TestClient.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real server on a free loopback port, driven by real WebSocket clients. */
class GameServerTest {
    /**
     * Short graces so that they end within a test; heartbeats (6 s timeout) and the hello timeout (the
     * default 5 s) generous enough that a GC pause or a busy core on a shared CI machine never closes
     * a client that did nothing wrong.
     */
    static final ServerOptions CONFIG = ServerOptions.defaults()
            .with(o -> {
                o.bindAddress = "127.0.0.1";
                o.port = 0;
                o.discoveryPort = 0;
                o.serverName = "Test Lancers";
                o.bots = 0;
                o.heartbeatMs = 2000;
                o.resumeGraceSeconds = 2;
            });
    /**
     * For the tests whose subject is a timeout itself, end to end: heartbeat timeout 2 s, hello timeout
     * 1 s (the rules are tested with a stepped clock in LivenessTest). Short enough to wait for; the
     * heartbeat timeout still 3 × the 600 ms every suite used to share.
     */
    static final ServerOptions HEARTBEATS = CONFIG.with(o -> {
        o.heartbeatMs = 500;
        o.heartbeatMisses = 4;
        o.helloTimeoutSeconds = 1;
    });

    private GameServer server;
    private final List<TestClient> clients = new ArrayList<>();
    private final LogCapture log = LogCapture.start();

    @BeforeEach
    void start() throws IOException {
        server = GameServer.start(CONFIG);
    }

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        server.close();
        log.close();
    }

    /** A closed server lets go of its rooms: a client that hosts again and again must not keep the old ones. */
    @Test
    void aClosedServerLetsGoOfItsRooms() throws IOException {
        WeakReference<MatchRegistry> rooms = roomsOfAClosedServer();
        await("the closed server's rooms are collectable").atMost(PATIENCE).until(() -> {
            System.gc();
            return rooms.get() == null;
        });
    }

    private static WeakReference<MatchRegistry> roomsOfAClosedServer() throws IOException {
        try (GameServer other = GameServer.start(CONFIG)) {
            return new WeakReference<>(other.matches());
        }
    }

    private TestClient hello(String name) {
        TestClient client = TestClient.hello(server, name);
        clients.add(client);
        return client;
    }

    private TestClient player(String name) {
        TestClient client = hello(name);
        client.send(new ClientMessage.Join("m1"));
        client.await(ServerMessage.Joined.class);
        client.awaitWorld(world -> true);
        return client;
    }

    private TestClient spectator() {
        TestClient client = hello("watcher");
        client.send(new ClientMessage.Spectate("m1"));
        client.await(ServerMessage.Joined.class);
        return client;
    }

    private static int idOf(TestClient client) {
        return client.await(ServerMessage.Joined.class).playerId();
    }

    @Test
    void welcomesNegotiatesTheSubprotocolAndStreamsOneStateFramePerTick() {
        TestClient client = hello("Ada");
        assertEquals(ProtocolVersion.SUBPROTOCOL, client.subprotocol());
        ServerMessage.Welcome welcome = client.await(ServerMessage.Welcome.class);
        assertEquals("Test Lancers", welcome.serverName());
        assertEquals(ProtocolVersion.SUBPROTOCOL, welcome.protocol());
        assertEquals(2000, welcome.heartbeatIntervalMs());
        assertEquals(6000, welcome.heartbeatTimeoutMs());
        assertEquals(256, welcome.limits().maxBinaryFrameBytes());

        client.send(new ClientMessage.Join("m1"));
        ServerMessage.Joined joined = client.await(ServerMessage.Joined.class);
        assertEquals("player", joined.role());
        assertFalse(joined.resumed());
        assertNotNull(joined.resumeToken());
        client.await(ServerMessage.Roster.class, roster -> roster.players().stream().anyMatch(p -> p.name().equals("Ada")));
        World first = client.awaitWorld(world -> world.ships().stream().anyMatch(s -> s.id() == joined.playerId()));

        int framesBefore = client.stateFrames();
        long startedNanos = System.nanoTime();
        World later = client.awaitWorld(world -> world.tick() >= first.tick() + 60);
        int frames = client.stateFrames() - framesBefore;
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        int ticks = later.tick() - first.tick();
        // Every tick produces a frame for every healthy receiver, so frames keep pace with ticks...
        assertTrue(frames >= ticks * 9 / 10, frames + " frames for " + ticks + " ticks");
        // ...and ticks come at about the tick rate (loosely: this machine is shared).
        double rate = ticks / seconds;
        assertTrue(rate > 60 / 5.0 && rate < 60 * 5.0, "about 60 ticks per second, measured " + rate);
    }

    /** This test's server, with timeouts short enough to wait for ({@link #HEARTBEATS}). */
    private void restartWithShortTimeouts() throws IOException {
        server.close();
        server = GameServer.start(HEARTBEATS);
    }

    @Test
    void answersHeartbeatsAndSendsItsOwnWithTheCurrentTick() throws IOException {
        restartWithShortTimeouts();
        TestClient client = player("Ada");
        client.send(new ClientMessage.Heartbeat(12345));
        client.await(ServerMessage.HeartbeatAck.class, ack -> ack.t() == 12345);
        client.await(ServerMessage.Heartbeat.class, heartbeat -> heartbeat.tick() > 0);
    }

    @Test
    void refusesUpgradesWithoutOurSubprotocolOrFromForeignOrigins() throws IOException {
        RawHandshake none = RawHandshake.send(server.port(), null, null);
        assertEquals(400, none.status());
        assertFalse(none.hasHeader("Upgrade"), none.head());

        assertEquals(400, RawHandshake.send(server.port(), "lancers.v1, chat", null).status());
        assertEquals(403, RawHandshake.send(server.port(), "lancers.v2", "http://evil.example").status());

        RawHandshake sameHost = RawHandshake.send(server.port(), "lancers.v4, lancers.v5", "http://127.0.0.1:1234");
        assertEquals(101, sameHost.status());
        assertEquals("lancers.v5", sameHost.header("Sec-WebSocket-Protocol"), "v5 whenever offered");
        assertEquals("lancers.v5", RawHandshake.send(server.port(), "lancers.v9, lancers.v5", null)
                .header("Sec-WebSocket-Protocol"));
    }

    @Test
    void twoPlayersSeeEachOtherMove() {
        TestClient ada = player("Ada");
        TestClient bob = player("Bob");
        int adaId = idOf(ada);
        int bobId = idOf(bob);

        Ship adaAtStart = shipIn(bob.awaitWorld(w -> ship(w, adaId).isPresent()), adaId);
        Ship bobAtStart = shipIn(ada.awaitWorld(w -> ship(w, bobId).isPresent()), bobId);
        for (int seq = 1; seq <= 20; seq++) { // one input per tick, paced by the worlds that arrive
            int tick = ada.awaitWorld(w -> true).tick();
            ada.sendInput(new Input(seq, Input.RIGHT | Input.DOWN, 0f));
            bob.sendInput(new Input(seq, Input.LEFT | Input.UP, 0f));
            ada.awaitWorld(w -> w.tick() > tick);
        }
        bob.awaitWorld(w -> ship(w, adaId).filter(s -> moved(adaAtStart, s)).isPresent());
        ada.awaitWorld(w -> ship(w, bobId).filter(s -> moved(bobAtStart, s)).isPresent());
    }

    @Test
    void spectatorWatchesWithoutPlayingAndMayNotSteer() throws Exception {
        TestClient ada = player("Ada");
        int adaId = idOf(ada);
        TestClient watcher = spectator();
        ServerMessage.Joined joined = watcher.await(ServerMessage.Joined.class);
        assertEquals("spectator", joined.role());
        assertEquals(0, joined.playerId());
        assertEquals(null, joined.resumeToken());
        watcher.awaitWorld(w -> ship(w, adaId).isPresent());
        ServerMessage.Roster roster = watcher.await(ServerMessage.Roster.class, r -> r.spectators() == 1);
        assertEquals(List.of("Ada"), roster.players().stream().map(ServerMessage.PlayerInfo::name).toList());
        JsonObject m1 = awaitStatusOfM1(match -> match.get("spectators").getAsInt() == 1);
        assertEquals(1, m1.getAsJsonArray("players").size());

        watcher.sendInput(new Input(1, Input.UP, 0f));
        assertEquals(CloseCodes.PROTOCOL_ERROR, watcher.awaitClose().code());
    }

    @Test
    void chatReachesEveryoneInTheMatch() {
        TestClient ada = player("Ada");
        TestClient bob = player("Bob");
        TestClient watcher = spectator();
        ada.send(new ClientMessage.Chat("gg"));
        for (TestClient member : List.of(ada, bob, watcher)) {
            ServerMessage.Chat chat = member.await(ServerMessage.Chat.class, c -> c.text().equals("gg"));
            assertEquals("Ada", chat.from());
            assertEquals(idOf(ada), chat.fromId());
        }
    }

    @Test
    void aDroppedPlayerResumesWithItsTokenAsTheSamePlayer() {
        TestClient ada = player("Ada");
        TestClient bob = player("Bob");
        ServerMessage.Joined first = ada.await(ServerMessage.Joined.class);
        int killsBefore = shipIn(bob.awaitWorld(w -> ship(w, first.playerId()).isPresent()), first.playerId()).kills();

        ada.abort();
        bob.await(ServerMessage.Notice.class, n -> n.kind().equals("offline") && n.playerId() == first.playerId());

        TestClient back = TestClient.connect(server);
        clients.add(back);
        back.send(new ClientMessage.Hello("Ada", first.resumeToken()));
        ServerMessage.Joined resumed = back.await(ServerMessage.Joined.class);
        assertTrue(resumed.resumed());
        assertEquals(first.playerId(), resumed.playerId());
        World world = back.awaitWorld(w -> ship(w, first.playerId()).isPresent());
        assertEquals(killsBefore, shipIn(world, first.playerId()).kills());
        bob.await(ServerMessage.Notice.class, n -> n.kind().equals("online") && n.playerId() == first.playerId());
    }

    /** The match answers on its tick thread; the connection takes that answer under its own lock elsewhere. */
    @Test
    void aJoinIsTakenOnByTheNetLayerNotOnTheTickThread() {
        TestClient ada = player("Ada");
        List<String> threads = log.threadsLogging("join m1 c");
        assertEquals(1, threads.size(), "one join logged: " + log.lines());
        assertFalse(threads.get(0).startsWith("match-"), "taken on by " + threads.get(0));
        assertFalse(ada.isClosed());
    }

    @Test
    void resumingWhileTheOldConnectionIsStillOpenSupersedesIt() {
        TestClient ada = player("Ada");
        ServerMessage.Joined first = ada.await(ServerMessage.Joined.class);
        TestClient second = TestClient.connect(server);
        clients.add(second);
        second.send(new ClientMessage.Hello("Ada", first.resumeToken()));
        assertEquals(first.playerId(), second.await(ServerMessage.Joined.class, ServerMessage.Joined::resumed).playerId());
        assertEquals(CloseCodes.SUPERSEDED, ada.awaitClose().code());
        second.awaitWorld(w -> ship(w, first.playerId()).isPresent());
        assertFalse(second.isClosed());
    }

    @Test
    void leaveReturnsToTheLobbyFromWhereTheClientMayJoinAgain() {
        TestClient ada = player("Ada");
        ada.send(new ClientMessage.Join("m2"));
        assertEquals("wrong_phase", ada.await(ServerMessage.Error.class).code());
        ada.send(new ClientMessage.Spectate("m2"));
        ada.await(ServerMessage.Error.class, error -> ada.messages().stream().filter(ServerMessage.Error.class::isInstance).count() == 2);
        ada.send(new ClientMessage.Leave());
        assertEquals("m1", ada.await(ServerMessage.Left.class).matchId());
        ada.send(new ClientMessage.Join("m2"));
        assertEquals("m2", ada.await(ServerMessage.Joined.class, joined -> joined.matchId().equals("m2")).matchId());
        ada.await(ServerMessage.Roster.class, roster -> roster.matchId().equals("m2"));
        // The refused requests never reached m2: one membership there, and no further refusal.
        assertEquals(1, ada.messages().stream()
                .filter(m -> m instanceof ServerMessage.Joined joined && joined.matchId().equals("m2")).count());
        assertEquals(2, ada.messages().stream().filter(ServerMessage.Error.class::isInstance).count());
    }

    @Test
    void messagesSentRightAfterJoinAreNeitherRefusedNorLost() {
        TestClient ada = hello("Ada");
        // Without waiting for `joined`: these may reach the server while it is still joining.
        ada.send(new ClientMessage.Join("m1"));
        ada.sendInput(new Input(1, Input.UP, 0f));
        ada.send(new ClientMessage.Chat("first!"));
        assertEquals("Ada", ada.await(ServerMessage.Chat.class, chat -> chat.text().equals("first!")).from());
        assertFalse(ada.isClosed());
    }

    /** Only a lost link earns the resume grace: a client that closes with 1000 or 1001 has left. */
    @Test
    void aPlayerThatClosesOnPurposeLeavesAtOnceAndFreesItsName() {
        TestClient bob = player("Bob");
        for (int code : new int[]{CloseCodes.NORMAL, CloseCodes.GOING_AWAY}) {
            TestClient ada = player("Ada");
            ServerMessage.Joined joined = ada.await(ServerMessage.Joined.class);
            ada.closeWith(code);
            bob.await(ServerMessage.Notice.class, n -> n.kind().equals("leave") && n.playerId() == joined.playerId());
            assertTrue(bob.messages().stream().noneMatch(m -> m instanceof ServerMessage.Notice n
                    && n.kind().equals("offline") && n.playerId() == joined.playerId()), "left, not offline: " + code);

            TestClient resuming = TestClient.connect(server);
            clients.add(resuming);
            resuming.send(new ClientMessage.Hello("Ada", joined.resumeToken()));
            assertEquals("resume_rejected", resuming.await(ServerMessage.Error.class).code(), "its seat is gone");
        }
    }

    @Test
    void anUnknownResumeTokenIsRejectedAndTheClientStaysInTheLobby() {
        TestClient client = TestClient.connect(server);
        clients.add(client);
        client.send(new ClientMessage.Hello("Ada", "AAAAAAAAAAAAAAAAAAAAAA"));
        assertEquals("resume_rejected", client.await(ServerMessage.Error.class).code());
        client.send(new ClientMessage.ListMatches());
        assertEquals(2, client.await(ServerMessage.MatchList.class).matches().size());
    }

    @Test
    void aSilentClientIsClosedMarkedOfflineAndRemovedAfterTheGrace() throws IOException {
        restartWithShortTimeouts();
        TestClient ada = player("Ada");
        TestClient bob = player("Bob");
        int adaId = idOf(ada);
        ada.goSilent();

        assertEquals(CloseCodes.HEARTBEAT_TIMEOUT, ada.awaitClose().code());
        bob.await(ServerMessage.Notice.class, n -> n.kind().equals("offline") && n.playerId() == adaId);
        bob.await(ServerMessage.Roster.class, r -> r.players().stream().anyMatch(p -> p.id() == adaId && !p.online()));
        bob.await(ServerMessage.Notice.class, n -> n.kind().equals("leave") && n.playerId() == adaId);
        bob.await(ServerMessage.Roster.class, r -> r.players().stream().noneMatch(p -> p.id() == adaId));
    }

    @Test
    void aConnectionThatNeverSaysHelloIsClosed() throws IOException {
        restartWithShortTimeouts();
        TestClient mute = TestClient.connect(server);
        clients.add(mute);
        assertEquals(CloseCodes.HELLO_TIMEOUT, mute.awaitClose().code());
    }

    @Test
    void protocolViolationsCloseOnlyTheOffender() {
        TestClient bystander = player("Bob");
        TestClient garbler = player("Ada");
        TestClient rambler = hello("Cy");
        TestClient early = hello("Di");
        TestClient lobbyChatter = hello("Ed");
        TestClient bulky = player("Flo");
        TestClient huge = hello("Gus");

        garbler.sendBinary(new byte[] {0x7F, 1, 2});
        rambler.sendText("{\"type\":\"chat\",\"text\":\"" + "x".repeat(9 * 1024) + "\"}");
        early.sendInput(new Input(1, Input.UP, 0f));
        lobbyChatter.send(new ClientMessage.Chat("hi"));
        bulky.sendBinary(new byte[300]);
        huge.sendTextUnchecked("{\"type\":\"chat\",\"text\":\"" + "x".repeat(100 * 1024) + "\"}");

        assertTrue(Set.of(CloseCodes.PROTOCOL_ERROR, CloseCodes.UNSUPPORTED_DATA).contains(garbler.awaitClose().code()));
        assertEquals(CloseCodes.TOO_BIG, rambler.awaitClose().code());
        assertEquals(CloseCodes.PROTOCOL_ERROR, early.awaitClose().code());
        assertEquals(CloseCodes.PROTOCOL_ERROR, lobbyChatter.awaitClose().code());
        assertEquals(CloseCodes.TOO_BIG, bulky.awaitClose().code());
        // Beyond Tyrus's incoming buffer the transport itself gives up ("Buffer overflow", 1011) before
        // the frame is assembled: that bound is what protects the server's memory. The server closes
        // while the client is still writing, so the client may only see the reset (1006) that follows:
        // the server's word is in its log.
        huge.awaitClose();
        String hugeConnection = await("Gus's connection").atMost(PATIENCE).until(() -> log.lines().stream()
                .filter(line -> line.contains(" name=\"Gus\"")).findFirst()
                .map(line -> line.replaceFirst(".* hello (c\\d+) .*", "$1")), Optional::isPresent).get();
        String hugeClosed = await("Gus closed").atMost(PATIENCE).until(() -> log.lines().stream()
                .filter(line -> line.contains("closed " + hugeConnection + " ")).findFirst(), Optional::isPresent).get();
        assertTrue(hugeClosed.contains(" " + CloseCodes.TOO_BIG + " ") || hugeClosed.contains(" " + CloseCodes.INTERNAL_ERROR
                + " Buffer overflow"), hugeClosed);

        int frames = bystander.stateFrames();
        bystander.awaitValue(() -> Optional.of(bystander.stateFrames()).filter(n -> n > frames + 10), "more frames");
        assertFalse(bystander.isClosed());
    }

    @Test
    void statusDescribesTheServerAndItsMatches() throws Exception {
        player("Ada");
        JsonObject m1 = awaitStatusOfM1(match -> match.getAsJsonArray("players").size() == 1);
        JsonObject status = status("/status");
        assertEquals("Test Lancers", status.get("name").getAsString());
        assertEquals(ProtocolVersion.SUBPROTOCOL, status.get("protocol").getAsString());
        assertNotNull(status.get("version").getAsString());
        assertTrue(status.get("uptimeSeconds").getAsLong() >= 0);
        assertEquals(2, status.getAsJsonArray("matches").size());
        assertEquals(60, m1.get("tickRate").getAsInt());
        assertFalse(m1.get("map").getAsString().isBlank());
        JsonObject ada = m1.getAsJsonArray("players").get(0).getAsJsonObject();
        assertEquals("Ada", ada.get("name").getAsString());
        assertEquals(0, ada.get("score").getAsInt());
        assertTrue(ada.get("online").getAsBoolean());
        assertEquals(0, m1.get("spectators").getAsInt());
        assertTrue(m1.getAsJsonObject("tickTimeMs").get("p99").getAsDouble() >= 0);
        JsonObject late = m1.getAsJsonObject("tickStartLateMs");
        double lateP50 = late.get("p50").getAsDouble();
        double lateP99 = late.get("p99").getAsDouble();
        double lateMax = late.get("max").getAsDouble();
        assertTrue(0 <= lateP50 && lateP50 <= lateP99 && lateP99 <= lateMax, late::toString);
        assertTrue(lateMax > 0, "a real clock never reads exactly a tick's deadline: " + late);
        assertTrue(m1.get("bytesSentPerSecond").getAsLong() >= 0);

        HttpResponse<String> other = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
    }

    @Test
    void discoveryAnswersAProbeAndIgnoresAnythingElse() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(300);
            InetSocketAddress responder = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.discoveryPort());
            byte[] notAProbe = "LANCERS_DISCOVER/2".getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(notAProbe, notAProbe.length, responder));
            assertThrows(SocketTimeoutException.class, () -> socket.receive(new DatagramPacket(new byte[2048], 2048)));
        }
        Discovery.Reply reply = discover(server);
        assertEquals(Discovery.Reply.TYPE, reply.type());
        assertEquals("Test Lancers", reply.name());
        assertEquals("ws://127.0.0.1:" + server.port() + "/game", reply.url());
        assertEquals(ProtocolVersion.SUBPROTOCOL, reply.protocol());
        assertEquals(List.of("m1", "m2"), reply.matches().stream().map(ServerMessage.MatchInfo::id).toList());
        assertFalse(reply.passwordRequired(), "an open server");
        assertFalse(reply.tls());
    }

    /** The server's answer to a discovery probe from loopback. */
    static Discovery.Reply discover(GameServer server) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout((int) TestClient.PATIENCE.toMillis());
            socket.send(new DatagramPacket(Discovery.PROBE, Discovery.PROBE.length,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.discoveryPort())));
            DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
            socket.receive(answer);
            assertTrue(answer.getLength() <= Discovery.MAX_REPLY_BYTES);
            return new Gson().fromJson(
                    new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8), Discovery.Reply.class);
        }
    }

    @Test
    void shutdownSaysGoingAwayToEveryClientAndTwoServersLiveSideBySide() throws IOException {
        GameServer second = GameServer.start(CONFIG);
        try {
            assertNotEquals(server.port(), second.port());
            TestClient onSecond = TestClient.hello(second, "Ada");
            clients.add(onSecond);
            TestClient onFirst = hello("Bob");
            second.close();
            assertEquals(CloseCodes.GOING_AWAY, onSecond.awaitClose().code());
            onFirst.send(new ClientMessage.ListMatches());
            onFirst.await(ServerMessage.MatchList.class);
            server.close();
            assertEquals(CloseCodes.GOING_AWAY, onFirst.awaitClose().code());
        } finally {
            second.close();
        }
    }

    // ---- helpers ----

    private static Optional<Ship> ship(World world, int id) {
        return world.ships().stream().filter(s -> s.id() == id).findFirst();
    }

    private static Ship shipIn(World world, int id) {
        return ship(world, id).orElseThrow();
    }

    private static boolean moved(Ship from, Ship to) {
        return Math.hypot(to.x() - from.x(), to.y() - from.y()) > 1;
    }

    private JsonObject status(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return new Gson().fromJson(response.body(), JsonObject.class);
    }

    private JsonObject awaitStatusOfM1(Predicate<JsonObject> matching) {
        return await("m1 in /status matching the test's condition").atMost(PATIENCE).until(() -> {
            try {
                return Optional.of(status("/status").getAsJsonArray("matches").get(0).getAsJsonObject()).filter(matching);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Optional::isPresent).get();
    }
}
