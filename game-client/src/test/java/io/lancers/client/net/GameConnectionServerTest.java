package io.lancers.client.net;

import io.lancers.link.TcpRelay;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.sim.Input;
import io.lancers.sim.Ship;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static io.lancers.client.net.ConnectionState.HANDSHAKING;
import static io.lancers.client.net.ConnectionState.IN_MATCH;
import static io.lancers.client.net.ConnectionState.LOBBY;
import static io.lancers.client.net.ConnectionState.RECONNECTING;
import static io.lancers.client.net.ConnectionState.RESUME_REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GameConnection against the real server on 127.0.0.1, over real WebSockets (and a relay for bad links). */
class GameConnectionServerTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Heartbeats generous enough (6 s timeout) that a busy CI machine never times out a client by mistake. */
    private static ServerOptions config() {
        return ServerOptions.defaults().onLoopback().with(o -> {
            o.matches = 1;
            o.bots = 0;
            o.heartbeatMs = 2000;
            o.heartbeatMisses = 3;
        });
    }

    /**
     * For the test whose subject is noticing a silent link by its heartbeats (2 s; the rule itself is
     * tested with a stepped clock in GameConnectionTest).
     */
    private static ServerOptions shortHeartbeats() {
        return config().with(o -> {
            o.heartbeatMs = 500;
            o.heartbeatMisses = 4;
        });
    }

    private GameServer start(ServerOptions config) throws Exception {
        GameServer server = GameServer.start(config);
        toClose.add(server);
        return server;
    }

    /** A relay in front of {@code server}, closed after the test. */
    private TcpRelay relayTo(GameServer server) throws IOException {
        TcpRelay relay = new TcpRelay(server.port());
        toClose.add(relay);
        return relay;
    }

    /** Connects through {@code relay} to the server behind it. */
    private GameConnection connect(TcpRelay relay, String name, Observed observed) {
        return connect(URI.create("ws://127.0.0.1:" + relay.port() + ProtocolVersion.ENDPOINT_PATH), name, observed);
    }

    private GameConnection connect(URI uri, String name, Observed observed) {
        GameConnection connection = new GameConnection(uri, name, observed);
        toClose.add(0, connection);
        connection.connect();
        return connection;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private static void joinFirstMatch(GameConnection connection, Observed observed) {
        await("lobby").atMost(Observed.PATIENCE)
                .untilAsserted(() -> assertTrue(connection.state() == LOBBY, observed.states::toString));
        assertTrue(connection.listMatches());
        await("match list").atMost(Observed.PATIENCE).until(() -> observed.matchList.get() != null);
        assertTrue(connection.join(observed.matchList.get().matches().get(0).id()));
        await("in match").atMost(Observed.PATIENCE)
                .untilAsserted(() -> assertTrue(connection.state() == IN_MATCH, observed.states::toString));
        await("our ship in a world").atMost(Observed.PATIENCE).until(() -> observed.own() != null);
    }

    @Test
    void joinPlayAndSeeOurInputsApplied() throws Exception {
        GameServer server = start(config());
        Observed observed = new Observed();
        GameConnection connection = connect(server.uri(), "ada", observed);
        joinFirstMatch(connection, observed);
        assertEquals(List.of(ConnectionState.CONNECTING, HANDSHAKING, LOBBY, IN_MATCH), observed.states);

        Ship start = observed.own();
        int tickRate = observed.joined.get().tickRate();
        Input last = null;
        for (int i = 0; i < tickRate; i++) { // a second of thrust, paced at the tick rate like the game
            int buttons = (i / 15) % 2 == 0 ? Input.RIGHT | Input.DOWN : Input.LEFT | Input.UP;
            last = connection.sendInput(buttons, 0.5f, observed.clientWorld.viewTick()).orElseThrow();
            observed.clientWorld.onInputSent(last);
            Thread.sleep(1000 / tickRate);
        }
        int lastSeq = last.seq();
        await("the server acknowledged every input").atMost(Observed.PATIENCE)
                .until(() -> observed.own().lastInputSeq() == lastSeq);
        Ship now = observed.own();
        assertTrue(now.x() != start.x() || now.y() != start.y(), "the inputs moved our ship: " + start + " -> " + now);
        assertEquals(0, observed.clientWorld.pendingInputs(), "acknowledged inputs are no longer replayed");
        assertNotNull(observed.clientWorld.sample(System.nanoTime()).orElseThrow().own());

        NetStats stats = connection.stats();
        assertTrue(stats.framesReceived() > 0 && stats.bytesReceived() > 0 && stats.bytesSent() > 0, stats.toString());
        await("a ping").atMost(Observed.PATIENCE).until(() -> connection.stats().pingMs() >= 0);
    }

    @Test
    void aHalfOpenLinkIsNoticedAndTheSamePlayerResumes() throws Exception {
        TcpRelay relay = relayTo(start(shortHeartbeats()));
        Observed observed = new Observed();
        GameConnection connection = connect(relay, "grace", observed);
        joinFirstMatch(connection, observed);
        int playerId = connection.playerId();

        long frozenAt = System.nanoTime();
        relay.silenceExisting(); // nothing gets through, nothing is closed; new links flow
        await("reconnecting").atMost(Observed.PATIENCE)
                .untilAsserted(() -> assertTrue(observed.states.contains(RECONNECTING), observed.states::toString));
        await("back in the match").atMost(Observed.PATIENCE)
                .untilAsserted(() -> assertTrue(connection.state() == IN_MATCH
                && observed.states.lastIndexOf(IN_MATCH) > observed.states.indexOf(RECONNECTING), observed.states::toString));

        int lost = observed.states.indexOf(RECONNECTING);
        System.out.printf("half-open link noticed after %d ms, back in the match after %d ms%n",
                (observed.stateNanos.get(lost) - frozenAt) / 1_000_000,
                (observed.stateNanos.get(observed.states.size() - 1) - frozenAt) / 1_000_000);
        assertEquals(playerId, connection.playerId(), "the same player");
        assertTrue(observed.joined.get().resumed());
        assertEquals(1, connection.stats().resumes());
        assertEquals(1, connection.stats().reconnects());
        List<ConnectionState> tail = observed.states.subList(observed.states.indexOf(RECONNECTING),
                observed.states.size());
        assertEquals(List.of(RECONNECTING, HANDSHAKING, IN_MATCH), dedupe(tail));
        int before = observed.worlds.get();
        await("worlds flowing again").atMost(Observed.PATIENCE).until(() -> observed.worlds.get() > before + 10);
    }

    @Test
    void aServerGoneForGoodRefusesTheResumeAndWeCanJoinAnew() throws Exception {
        GameServer first = start(config());
        TcpRelay relay = relayTo(first);
        Observed observed = new Observed();
        GameConnection connection = connect(relay, "hopper", observed);
        joinFirstMatch(connection, observed);

        first.close();
        await("reconnecting").atMost(Observed.PATIENCE)
                .untilAsserted(() -> assertTrue(connection.state() == RECONNECTING, observed.states::toString));
        GameServer second = start(config());
        relay.retarget(second.port());
        await("resume refused").atMost(Observed.PATIENCE)
                .untilAsserted(() -> assertTrue(connection.state() == RESUME_REFUSED, observed.states::toString));
        assertFalse(observed.states.contains(ConnectionState.FAILED));

        ServerMessage.Joined old = observed.joined.get();
        assertTrue(connection.join(old.matchId()));
        await("joined anew").atMost(Observed.PATIENCE)
                .until(() -> connection.state() == IN_MATCH && observed.joined.get() != old);
        assertFalse(observed.joined.get().resumed());
        assertNotNull(observed.joined.get().resumeToken());
    }

    @Test
    void discoveryFindsTheServerOnLoopback() throws Exception {
        GameServer server = start(config().with(o -> {
            o.discovery = true;
            o.discoveryPort = 0;
        }));
        var replies = LanDiscovery.probe(new InetSocketAddress("127.0.0.1", server.discoveryPort()),
                Duration.ofSeconds(3));
        assertEquals(1, replies.size(), replies.toString());
        assertTrue(replies.get(0).url().contains(":" + server.port() + "/"), replies.get(0).url());
        assertFalse(replies.get(0).matches().isEmpty());
    }

    private static List<ConnectionState> dedupe(List<ConnectionState> states) {
        List<ConnectionState> out = new ArrayList<>();
        for (ConnectionState s : states) {
            if (out.isEmpty() || out.get(out.size() - 1) != s) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
