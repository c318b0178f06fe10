package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.Input;
import io.lancers.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.lancers.server.TestClient.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More than the server takes: chat beyond its rate, inputs beyond the per-tick cap, connections
 * beyond the per-address cap, and connections that never finish their handshake.
 */
class FloodTest {
    private GameServer server;
    private final LogCapture log = LogCapture.start();
    private final List<TestClient> clients = new ArrayList<>();

    private GameServer start(ServerOptions config) throws IOException {
        server = GameServer.start(config);
        return server;
    }

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        if (server != null) {
            server.close();
        }
        log.close();
    }

    private TestClient player(String name) {
        TestClient client = TestClient.hello(server, name);
        clients.add(client);
        client.send(new ClientMessage.Join("m1"));
        client.await(ServerMessage.Joined.class);
        client.awaitWorld(world -> true);
        return client;
    }

    @Test
    void chatBeyondItsRateIsDroppedWithAnErrorAndTheSenderStays() throws IOException {
        start(GameServerTest.CONFIG);
        TestClient chatty = player("Chatty");
        TestClient reader = player("Reader");
        for (int i = 0; i < 12; i++) {
            chatty.send(new ClientMessage.Chat("line " + i));
        }
        chatty.await(ServerMessage.Error.class, error -> error.code().equals("rate_limited"));
        chatty.send(new ClientMessage.Heartbeat(99));
        chatty.await(ServerMessage.HeartbeatAck.class, ack -> ack.t() == 99);
        reader.await(ServerMessage.Chat.class, chat -> chat.text().equals("line 4"));
        // 5 lines per 10 s: the sixth and later never reach anyone.
        assertEquals(5, reader.messages().stream().filter(ServerMessage.Chat.class::isInstance).count());
        assertFalse(chatty.isClosed());
    }

    @Test
    void inputsBeyondThePerTickCapWaitForLaterTicks() throws IOException {
        start(GameServerTest.CONFIG);
        TestClient burst = player("Burst");
        int id = burst.await(ServerMessage.Joined.class).playerId();
        World before = burst.awaitWorld(world -> true);
        int inputs = 20;
        for (int seq = 1; seq <= inputs; seq++) {
            burst.sendInput(new Input(seq, Input.UP, 0f));
        }
        World done = burst.awaitWorld(world -> world.ships().stream()
                .anyMatch(ship -> ship.id() == id && ship.lastInputSeq() == inputs));
        // Sent back to back, they arrive within a tick; 4 per tick are applied.
        assertTrue(done.tick() - before.tick() >= inputs / 4, "from tick " + before.tick() + " to " + done.tick());
        assertFalse(burst.isClosed());
    }

    @Test
    void aFloodOfInputsIsClosedAsAPolicyViolation() throws IOException {
        start(GameServerTest.CONFIG);
        TestClient bystander = player("Bystander");
        TestClient flooder = player("Ada");
        // 4 inputs per tick are consumed and 32 may wait: 2000 sent back to back cannot all fit.
        // The server's word is read from its log: a client still writing when the server closes
        // gets a TCP reset, and the kernel drops the close frame it had not read yet.
        for (int seq = 1; seq <= 2000 && server.openConnections() == 2; seq++) {
            flooder.sendInputUnchecked(new Input(seq, Input.FIRE, 0f));
        }
        flooder.awaitClose();
        assertTrue(log.anyContains("in PLAYING: " + CloseCodes.POLICY_VIOLATION + " input flood"),
                "closed 1008: " + log.lines());
        int frames = bystander.stateFrames();
        bystander.awaitValue(() -> Optional.of(bystander.stateFrames()).filter(n -> n > frames + 30), "more frames");
    }

    @Test
    void connectionsBeyondThePerAddressCapAreClosedAsAPolicyViolation() throws IOException {
        start(GameServerTest.CONFIG.with(o -> o.maxConnectionsPerAddress = 4));
        List<TestClient> admitted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestClient client = TestClient.hello(server, "c" + i);
            clients.add(client);
            admitted.add(client);
        }
        TestClient fifth = TestClient.connect(server);
        clients.add(fifth);
        TestClient.Closed refused = fifth.awaitClose();
        assertEquals(CloseCodes.POLICY_VIOLATION, refused.code());
        assertTrue(refused.reason().contains("too many connections"), refused.reason());

        admitted.get(0).close();
        await("a slot freed").atMost(PATIENCE).until(() -> Optional.of(server.openConnections()).filter(n -> n == 3), Optional::isPresent).get();
        TestClient again = TestClient.hello(server, "again");
        clients.add(again);
        assertFalse(again.isClosed());
        admitted.get(1).send(new ClientMessage.Heartbeat(5));
        admitted.get(1).await(ServerMessage.HeartbeatAck.class, ack -> ack.t() == 5);
    }

    @Test
    void aSocketThatNeverCompletesItsHandshakeIsClosedAndAWebSocketIsNot() throws IOException {
        start(GameServerTest.CONFIG.with(o -> o.handshakeTimeoutSeconds = 1));
        TestClient player = player("Patient");
        try (Socket mute = raw(); Socket partial = raw()) {
            partial.getOutputStream().write("GET /game HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgr".getBytes(StandardCharsets.US_ASCII));
            assertTrue(closedByServer(mute), "a socket that sends nothing is closed");
            assertTrue(closedByServer(partial), "a socket stuck in its request is closed");
        }
        // The player's WebSocket is older than the deadline and still works.
        player.send(new ClientMessage.Heartbeat(42));
        player.await(ServerMessage.HeartbeatAck.class, ack -> ack.t() == 42);
        assertFalse(player.isClosed());
    }

    @Test
    void aClientFloodingRequestsWithoutReadingIsClosedAsAPolicyViolation() throws Exception {
        start(GameServerTest.CONFIG.with(o -> o.heartbeatMs = 5000));
        TestClient bystander = player("Bystander");
        long heapBefore = Heap.usedAfterGc();
        WebSocket flooder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(ProtocolVersion.SUBPROTOCOL)
                .buildAsync(TestClient.uri(server), new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                        // never request(): it reads nothing, so every answer piles up at the server
                    }
                })
                .get(15, TimeUnit.SECONDS);
        flooder.sendText(ControlCodec.encode(new ClientMessage.Hello("Flood", null)), true).get(15, TimeUnit.SECONDS);
        // The client sees the upgrade before the server has counted the session: wait for the count.
        await("the flooder counted").atMost(PATIENCE).until(() -> Optional.of(server.openConnections()).filter(n -> n == 2), Optional::isPresent).get();
        // Each 22-byte request asks for a ~300-byte answer: unbounded, this would be a memory amplifier.
        String request = ControlCodec.encode(new ClientMessage.ListMatches());
        for (int i = 0; i < 200_000 && server.openConnections() == 2; i++) {
            flooder.sendText(request, true).handle((sent, closed) -> null).get(15, TimeUnit.SECONDS);
        }
        await("the flooder closed").atMost(PATIENCE).until(() -> Optional.of(server.openConnections()).filter(n -> n == 1), Optional::isPresent).get();
        assertTrue(log.anyContains(CloseCodes.POLICY_VIOLATION + " too many messages"), "closed 1008: " + log.lines());
        flooder.abort();
        assertTrue(Heap.usedAfterGc() < heapBefore + 64L * 1024 * 1024, "the flood did not pile up in memory");
        int frames = bystander.stateFrames();
        bystander.awaitValue(() -> Optional.of(bystander.stateFrames()).filter(n -> n > frames + 30), "more frames");
        assertFalse(bystander.isClosed());
    }

    @Test
    void aBurstOfSmallFramesInOneWriteIsReadFrameByFrameAndMeetsTheMessageRate() throws IOException {
        start(GameServerTest.CONFIG.with(o -> o.heartbeatMs = 5000));
        TestClient bystander = player("Bystander");
        byte[] request = RawHandshake.maskedTextFrame(ControlCodec.encode(new ClientMessage.ListMatches()));
        // Far more than Tyrus buffers for one connection (32 KiB), all of it in the kernel at once:
        // one read of it must not be refused whole as a "Buffer overflow" (1011), the frames in it
        // are each small and meet the message rate like any other.
        byte[] burst = new byte[3_000 * request.length];
        for (int at = 0; at < burst.length; at += request.length) {
            System.arraycopy(request, 0, burst, at, request.length);
        }
        try (Socket socket = new Socket()) {
            assertEquals(101, RawHandshake.connect(socket, server.port(), ProtocolVersion.SUBPROTOCOL).status());
            socket.getOutputStream().write(RawHandshake.maskedTextFrame(
                    ControlCodec.encode(new ClientMessage.Hello("Burst", null))));
            await("the burster said hello").atMost(PATIENCE).until(() -> log.lines().stream().filter(line -> line.contains("name=\"Burst\"")).findFirst(), Optional::isPresent).get();
            try {
                socket.getOutputStream().write(burst);
            } catch (SocketException closedMidWrite) {
                // the server may close before all of it is written: its reason is in its log
            }
            String closed = await("the burster closed").atMost(PATIENCE).until(() -> log.lines().stream()
                    .filter(line -> line.contains("closed c2 ")).findFirst(), Optional::isPresent).get();
            assertTrue(closed.contains(CloseCodes.POLICY_VIOLATION + " too many messages"), closed);
        }
        bystander.send(new ClientMessage.Heartbeat(7));
        bystander.await(ServerMessage.HeartbeatAck.class, ack -> ack.t() == 7);
        assertFalse(bystander.isClosed());
    }

    private Socket raw() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout((int) TestClient.PATIENCE.toMillis());
        return socket;
    }

    /** Blocks until the server closes (end of stream or reset) or the patience runs out. */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketException reset) {
            return true;
        }
    }
}
