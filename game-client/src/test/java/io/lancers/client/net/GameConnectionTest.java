package io.lancers.client.net;

import io.lancers.map.ArenaMap;
import io.lancers.map.SpawnPoint;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.InputFormat;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.Input;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Quantum;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.lancers.client.net.ConnectionState.CLOSED;
import static io.lancers.client.net.ConnectionState.CONNECTING;
import static io.lancers.client.net.ConnectionState.FAILED;
import static io.lancers.client.net.ConnectionState.HANDSHAKING;
import static io.lancers.client.net.ConnectionState.IN_MATCH;
import static io.lancers.client.net.ConnectionState.LOBBY;
import static io.lancers.client.net.ConnectionState.RECONNECTING;
import static io.lancers.client.net.ConnectionState.RESUME_REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GameConnectionTest {
    static final ServerMessage.Welcome WELCOME = new ServerMessage.Welcome("test", "0.1", "lancers.v5", 1000, 3000,
            30_000, new ServerMessage.Limits(20, 200, 5, 4, 8192, 256));
    static final ArenaMap MAP = new ArenaMap("box", "Box", 800, 600, List.of(), List.of(new SpawnPoint(100, 100)),
            List.of());
    static final ServerMessage.Rules RULES = new ServerMessage.Rules(300, 20, 10, 3);

    final ManualClock clock = new ManualClock();
    final FakeTransport transport = new FakeTransport();
    final Recorder listener = new Recorder();
    double jitter = 0.5;
    final GameConnection connection = new GameConnection(URI.create("ws://127.0.0.1:1/game"), "ada", listener,
            ReconnectPolicy.defaults(), clock, transport, () -> jitter);

    static final class Recorder implements ConnectionListener {
        final List<ConnectionState> states = new ArrayList<>();
        final List<String> details = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        final List<ServerMessage> messages = new ArrayList<>();
        final List<World> worlds = new ArrayList<>();

        @Override
        public void onWorld(World world) {
            worlds.add(world);
        }

        @Override
        public void onState(ConnectionState state, String detail) {
            states.add(state);
            details.add(detail);
        }

        @Override
        public void onReconnectAttempt(int attempt, Duration delay) {
            delays.add(delay);
        }

        @Override
        public void onJoined(ServerMessage.Joined joined) {
            messages.add(joined);
        }

        @Override
        public void onError(ServerMessage.Error error) {
            messages.add(error);
        }

        @Override
        public void onRoster(ServerMessage.Roster roster) {
            messages.add(roster);
        }

        ConnectionState last() {
            return states.get(states.size() - 1);
        }
    }

    static ServerMessage.Joined joinedAsPlayer(boolean resumed) {
        return new ServerMessage.Joined("m1", "player", 7, "tok-abcdefgh", resumed, 60, RULES, MAP);
    }

    FakeTransport.Attempt welcomed() {
        connection.connect();
        FakeTransport.Attempt link = transport.last().accept();
        link.server(WELCOME);
        return link;
    }

    FakeTransport.Attempt inMatch() {
        FakeTransport.Attempt link = welcomed();
        assertTrue(connection.join("m1"));
        link.server(joinedAsPlayer(false));
        return link;
    }

    /** Waits out the first reconnect delay (125 ms at this jitter) and accepts the new link. */
    FakeTransport.Attempt afterTheFirstBackoff() {
        clock.advanceMillis(125);
        return transport.last().accept();
    }

    @Test
    void helloThenWelcomeThenLobby() {
        connection.connect();
        assertEquals(List.of(CONNECTING), listener.states);
        FakeTransport.Attempt link = transport.last().accept();
        assertEquals(HANDSHAKING, connection.state());
        assertEquals(List.of(new ClientMessage.Hello("ada", null)), link.sent(ClientMessage.Hello.class));
        assertFalse(connection.listMatches(), "nothing but hello before the welcome");

        link.server(WELCOME);
        assertEquals(LOBBY, connection.state());
        assertEquals(WELCOME, connection.welcome());
        assertTrue(connection.listMatches());
        assertEquals(1, link.sent(ClientMessage.ListMatches.class).size());
        assertThrows(IllegalStateException.class, connection::connect);
    }

    @Test
    void joinEntersTheMatch() {
        FakeTransport.Attempt link = inMatch();
        assertEquals(List.of(new ClientMessage.Join("m1")), link.sent(ClientMessage.Join.class));
        assertEquals(IN_MATCH, connection.state());
        assertEquals(7, connection.playerId());
        assertEquals(List.of(CONNECTING, HANDSHAKING, LOBBY, IN_MATCH), listener.states);
    }

    @Test
    void heartbeatsBothWaysAndPing() {
        FakeTransport.Attempt link = welcomed();
        assertEquals(1, link.sent(ClientMessage.Heartbeat.class).size(), "the first heartbeat goes out at once");
        clock.advanceMillis(999);
        assertEquals(1, link.sent(ClientMessage.Heartbeat.class).size());
        clock.advanceMillis(1);
        List<ClientMessage.Heartbeat> beats = link.sent(ClientMessage.Heartbeat.class);
        assertEquals(2, beats.size());

        clock.advanceMillis(42);
        link.server(new ServerMessage.HeartbeatAck(beats.get(1).t()));
        assertEquals(42, connection.stats().pingMs());

        link.server(new ServerMessage.Heartbeat(123_456L, 99));
        assertEquals(List.of(new ClientMessage.HeartbeatAck(123_456L)), link.sent(ClientMessage.HeartbeatAck.class));
    }

    @Test
    void anyFrameCountsAsLiveness() {
        FakeTransport.Attempt link = inMatch();
        for (int i = 0; i < 20; i++) {
            clock.advanceMillis(2000);
            link.server(new ServerMessage.Roster("m1", List.of(), 0));
        }
        assertEquals(IN_MATCH, connection.state());
        assertEquals(1, transport.attempts.size());
    }

    @Test
    void aSilentServerIsNoticedAndTheMatchResumed() {
        FakeTransport.Attempt first = inMatch();
        clock.advanceMillis(2999);
        assertEquals(IN_MATCH, connection.state());
        clock.advanceMillis(1);
        assertEquals(RECONNECTING, connection.state(), "silent for the whole heartbeat timeout");
        assertEquals(CloseCodes.HEARTBEAT_TIMEOUT, first.closeCode, "the half-open link is closed by us");

        // Full jitter: the first delay is uniform below 250 ms; our "random" says half of it.
        assertEquals(List.of(Duration.ofMillis(125)), listener.delays);
        clock.advanceMillis(124);
        assertEquals(1, transport.attempts.size());
        clock.advanceMillis(1);
        assertEquals(2, transport.attempts.size());

        FakeTransport.Attempt second = transport.last().accept();
        assertEquals(List.of(new ClientMessage.Hello("ada", "tok-abcdefgh")), second.sent(ClientMessage.Hello.class));
        second.server(WELCOME);
        assertEquals(HANDSHAKING, connection.state(), "welcomed, still waiting to be back in the match");
        second.server(joinedAsPlayer(true));

        assertEquals(List.of(CONNECTING, HANDSHAKING, LOBBY, IN_MATCH, RECONNECTING, HANDSHAKING, IN_MATCH),
                listener.states);
        NetStats stats = connection.stats();
        assertEquals(1, stats.reconnects());
        assertEquals(1, stats.resumes());

        // Events of the dead link are ignored.
        first.server(new ServerMessage.Roster("m1", List.of(), 0));
        first.serverClose(CloseCodes.HEARTBEAT_TIMEOUT);
        assertEquals(IN_MATCH, connection.state());
        assertEquals(2, listener.messages.size(), "only the two joined messages");
    }

    @Test
    void aServerThatWelcomesButNeverTakesUsBackIsLeft() {
        inMatch();
        transport.last().serverClose(CloseCodes.GOING_AWAY);
        FakeTransport.Attempt second = afterTheFirstBackoff();
        second.server(WELCOME);
        long timeout = ReconnectPolicy.defaults().connectTimeout().toMillis();
        for (long t = 0; t < timeout - 1; t += 1000) {
            clock.advanceMillis(Math.min(1000, timeout - 1 - t));
            second.server(new ServerMessage.Heartbeat(t, 0)); // alive, but no joined
        }
        assertEquals(HANDSHAKING, connection.state());
        clock.advanceMillis(1);
        assertEquals(RECONNECTING, connection.state());
        assertEquals(CloseCodes.GOING_AWAY, second.closeCode);
    }

    /** Each welcome used to restart the reconnect budget: such a server kept us retrying forever. */
    @Test
    void aServerThatKeepsWelcomingButNeverTakesUsBackUsesUpTheBudget() {
        inMatch();
        transport.last().serverClose(CloseCodes.GOING_AWAY);
        long lostAt = clock.nanoTime();
        ReconnectPolicy policy = ReconnectPolicy.defaults();
        long limit = lostAt + policy.giveUpAfter().plus(policy.connectTimeout()).toNanos();
        int answered = 1;
        while (connection.state() != FAILED && clock.nanoTime() <= limit) {
            clock.advanceMillis(10);
            if (transport.attempts.size() > answered) { // the next attempt: welcome it, then say nothing
                answered = transport.attempts.size();
                transport.last().accept().server(WELCOME);
                assertEquals(HANDSHAKING, connection.state());
            }
        }
        assertEquals(FAILED, connection.state(), "gave up within the budget, after " + (answered - 1) + " attempts");
        assertTrue(answered > 3, "retried a few times first: " + answered);
    }

    @Test
    void aRefusedResumeLeavesUsInTheLobbyToJoinAgain() {
        inMatch();
        transport.last().serverClose(CloseCodes.GOING_AWAY);
        assertEquals(RECONNECTING, connection.state());
        FakeTransport.Attempt second = afterTheFirstBackoff();
        second.server(WELCOME);
        second.server(new ServerMessage.Error("resume_rejected", "unknown token"));
        assertEquals(RESUME_REFUSED, connection.state());
        assertEquals(0, connection.playerId());

        assertTrue(connection.join("m1"));
        second.server(joinedAsPlayer(false));
        assertEquals(IN_MATCH, connection.state());
        assertEquals(0, connection.stats().resumes());
    }

    @Test
    void aSpectatorWatchesTheSameMatchAgainAfterAReconnect() {
        FakeTransport.Attempt first = welcomed();
        connection.spectate("m9");
        first.server(new ServerMessage.Joined("m9", "spectator", 0, null, false, 60, RULES, MAP));
        first.serverClose(1006);
        FakeTransport.Attempt second = afterTheFirstBackoff();
        assertEquals(List.of(new ClientMessage.Hello("ada", null)), second.sent(ClientMessage.Hello.class));
        second.server(WELCOME);
        assertEquals(List.of(new ClientMessage.Spectate("m9")), second.sent(ClientMessage.Spectate.class));
        second.server(new ServerMessage.Joined("m9", "spectator", 0, null, false, 60, RULES, MAP));
        assertEquals(IN_MATCH, connection.state());
    }

    @Test
    void everyHelloCarriesThePasswordAndHostTokenAndAReconnectToo() {
        connection.setAccess("hunter2", "host-token-0123456789");
        connection.connect();
        FakeTransport.Attempt link = transport.last().accept();
        assertEquals(List.of(new ClientMessage.Hello("ada", null, "hunter2", "host-token-0123456789")),
                link.sent(ClientMessage.Hello.class));
        link.server(WELCOME);
        assertTrue(connection.endMatch("m1"));
        assertTrue(connection.nextMap("m1", "foundry"));
        assertTrue(connection.kick("m1", 4));
        assertTrue(connection.vote("foundry"));
        assertEquals(List.of(new ClientMessage.Kick("m1", 4)), link.sent(ClientMessage.Kick.class));
        link.serverClose(1006); // the link is lost: the reconnect's hello says it all again
        FakeTransport.Attempt again = afterTheFirstBackoff();
        assertEquals(List.of(new ClientMessage.Hello("ada", null, "hunter2", "host-token-0123456789")),
                again.sent(ClientMessage.Hello.class));
    }

    @Test
    void closesThatBlameUsFailWithoutRetrying() {
        for (int code : new int[]{1002, 1003, 1008, 1009, 4004, 4005}) {
            ManualClock c = new ManualClock();
            FakeTransport t = new FakeTransport();
            Recorder r = new Recorder();
            GameConnection g = new GameConnection(URI.create("ws://127.0.0.1:1/game"), "ada", r,
                    ReconnectPolicy.defaults(), c, t, () -> 0.5);
            g.connect();
            t.last().accept().server(WELCOME);
            t.last().serverClose(code);
            assertEquals(FAILED, g.state(), "close " + code);
            c.advanceMillis(120_000);
            assertEquals(1, t.attempts.size(), "no retry after " + code);
        }
    }

    @Test
    void supersededIsFinal() {
        inMatch();
        transport.last().serverClose(CloseCodes.SUPERSEDED);
        assertEquals(CLOSED, connection.state());
        clock.advanceMillis(120_000);
        assertEquals(1, transport.attempts.size());
    }

    @Test
    void ourOwnCloseIsFinal() {
        FakeTransport.Attempt link = inMatch();
        connection.close();
        assertEquals(CLOSED, connection.state());
        assertEquals(CloseCodes.NORMAL, link.closeCode);
        link.serverClose(CloseCodes.NORMAL);
        clock.advanceMillis(120_000);
        assertEquals(CLOSED, connection.state());
        assertEquals(1, transport.attempts.size());
        assertEquals(List.of(CONNECTING, HANDSHAKING, LOBBY, IN_MATCH, CLOSED), listener.states);
    }

    @Test
    void backoffDoublesUpToItsCapAndGivesUp() {
        jitter = 0.999_999;
        inMatch();
        transport.last().serverClose(1006);
        while (connection.state() == RECONNECTING) {
            clock.advanceMillis(listener.delays.get(listener.delays.size() - 1).toMillis() + 1);
            transport.last().refuse("connection refused");
        }
        assertEquals(FAILED, connection.state());
        List<Long> caps = listener.delays.stream().map(d -> Math.round(d.toMillis() / 250.0) * 250).toList();
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L), caps.subList(0, 7));
        long total = listener.delays.stream().mapToLong(Duration::toMillis).sum();
        assertTrue(total <= 60_000 && total > 50_000, "retried for about the budget: " + total);
        assertTrue(listener.details.get(listener.details.size() - 1).startsWith("gave up"));
    }

    @Test
    void aFirstConnectThatFailsIsFinal() {
        connection.connect();
        transport.last().refuse("connection refused");
        assertEquals(FAILED, connection.state());
        assertTrue(listener.details.get(1).contains("connection refused"));
    }

    @Test
    void noWelcomeInTimeFails() {
        connection.connect();
        FakeTransport.Attempt link = transport.last().accept();
        clock.advanceMillis(ReconnectPolicy.defaults().connectTimeout().toMillis());
        assertEquals(FAILED, connection.state());
        assertEquals(CloseCodes.GOING_AWAY, link.closeCode);
    }

    @Test
    void garbageBeforeAnyWelcomeFails() {
        connection.connect();
        FakeTransport.Attempt link = transport.last().accept();
        link.handler.onText("{\"type\":\"surprise\"}");
        assertEquals(FAILED, connection.state());
        assertEquals(CloseCodes.PROTOCOL_ERROR, link.closeCode);
    }

    @Test
    void inputsAreNumberedSnappedAndSentOnlyWhilePlaying() throws Exception {
        FakeTransport.Attempt link = welcomed();
        assertTrue(connection.sendInput(Input.UP, 1f, 0).isEmpty(), "not playing: nothing to predict");
        assertTrue(link.binaries.isEmpty(), "not playing: nothing sent");

        connection.join("m1");
        link.server(joinedAsPlayer(false));
        Input a = connection.sendInput(Input.UP | Input.FIRE | 0x80, 1.2345f, 77).orElseThrow();
        Input b = connection.sendInput(0, 0f, -3).orElseThrow();
        assertEquals(1, a.seq());
        assertEquals(2, b.seq());
        assertEquals(Input.UP | Input.FIRE, a.buttons(), "undefined bits are dropped");
        assertEquals(Quantum.angle(1.2345f), a.aim());
        assertEquals(77, a.viewTick(), "the tick on screen goes with the input");
        assertEquals(0, b.viewTick(), "no such tick: unknown");
        assertEquals(List.of(a, b), List.of(InputCodec.decode(link.binaries.get(0), InputFormat.V5),
                InputCodec.decode(link.binaries.get(1), InputFormat.V5)), "in the negotiated layout");
    }

    static World world(int tick, float x) {
        return new World(tick, new MatchState(MatchPhase.PLAYING, 10_000, 20, 1L, 1, 1),
                List.of(new Ship(7, x, 100, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0)), List.of(), List.of(), List.of());
    }

    @Test
    void aGapAsksForASnapshotAndDropsDeltasUntilItComes() {
        FakeTransport.Attempt link = inMatch();
        List<World> seen = listener.worlds;

        World w10 = world(10, 100);
        World w11 = world(11, 110);
        World w12 = world(12, 120);
        World w13 = world(13, 130);
        link.serverBinary(StateCodec.encodeDelta(world(9, 90), w10));
        assertEquals(List.of(), seen, "a delta before any snapshot is useless");
        link.serverBinary(StateCodec.encodeSnapshot(w10));
        link.serverBinary(StateCodec.encodeDelta(w10, w11));
        assertEquals(List.of(w10, w11), seen);

        link.serverBinary(StateCodec.encodeDelta(w12, w13)); // the delta 11 -> 12 was lost
        assertEquals(1, link.sent(ClientMessage.Resync.class).size());
        link.serverBinary(StateCodec.encodeDelta(w13, world(14, 140)));
        assertEquals(List.of(w10, w11), seen, "deltas are dropped while waiting for the snapshot");
        assertEquals(1, link.sent(ClientMessage.Resync.class).size(), "one resync per gap");

        World w15 = world(15, 150);
        link.serverBinary(StateCodec.encodeSnapshot(w15));
        link.serverBinary(StateCodec.encodeDelta(w15, world(16, 160)));
        assertEquals(List.of(w10, w11, w15, world(16, 160)), seen);
        NetStats stats = connection.stats();
        assertEquals(1, stats.gaps());
        assertEquals(1, stats.resyncs());
        assertEquals(4, stats.framesReceived());
    }

    /** The frame loop sends its input under the connection's lock: a world being handled must not hold it. */
    @Test
    void sendingInputNeverWaitsForAWorldBeingHandled() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GameConnection slowReader = new GameConnection(URI.create("ws://127.0.0.1:1/game"), "ada",
                new ConnectionListener() {
                    @Override
                    public void onWorld(World world) {
                        handling.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, ReconnectPolicy.defaults(), clock, transport, () -> jitter);
        slowReader.connect();
        FakeTransport.Attempt link = transport.last().accept();
        link.server(WELCOME);
        slowReader.join("m1");
        link.server(joinedAsPlayer(false));
        Thread receiver = new Thread(() -> link.serverBinary(StateCodec.encodeSnapshot(world(10, 100))), "receiver");
        receiver.start();
        try {
            assertTrue(handling.await(20, TimeUnit.SECONDS));
            Optional<Input> sent = CompletableFuture.supplyAsync(() -> slowReader.sendInput(Input.UP, 0f, 0))
                    .get(20, TimeUnit.SECONDS);
            assertTrue(sent.isPresent());
        } finally {
            release.countDown();
            receiver.join();
        }
    }

    @Test
    void aCorruptStreamIsClosedAndTheMatchResumed() {
        FakeTransport.Attempt first = inMatch();
        first.serverBinary(new byte[]{0x7f, 1, 2});
        assertEquals(RECONNECTING, connection.state());
        assertEquals(CloseCodes.UNSUPPORTED_DATA, first.closeCode);

        FakeTransport.Attempt second = afterTheFirstBackoff();
        assertEquals(List.of(new ClientMessage.Hello("ada", "tok-abcdefgh")), second.sent(ClientMessage.Hello.class));
        second.server(WELCOME);
        second.handler.onText("{\"type\":\"joined\"}"); // a required field missing
        assertEquals(RECONNECTING, connection.state());
        assertEquals(CloseCodes.PROTOCOL_ERROR, second.closeCode);
    }

    @Test
    void leavingReturnsToTheLobby() {
        FakeTransport.Attempt link = inMatch();
        assertTrue(connection.leave());
        link.server(new ServerMessage.Left("m1", "asked"));
        assertEquals(LOBBY, connection.state());
        assertEquals(0, connection.playerId());

        // A later reconnect does not drag us back into the match we left.
        link.serverClose(1006);
        FakeTransport.Attempt second = afterTheFirstBackoff();
        assertEquals(List.of(new ClientMessage.Hello("ada", null)), second.sent(ClientMessage.Hello.class));
        second.server(WELCOME);
        assertEquals(LOBBY, connection.state());
        assertTrue(second.sent(ClientMessage.Spectate.class).isEmpty());
    }
}
