package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.Input;
import io.lancers.sim.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input of every kind at the real server, all at once, while an honest player plays in the
 * same match: each offender gets its own clear answer (a close code with a reason, or an error
 * message), the server logs it, and the honest player's delta stream never has a gap.
 */
class HostileInputTest {
    /** Some 30 clients at once from one address: above the default per-address cap. */
    private static final ServerOptions CONFIG = GameServerTest.CONFIG.with(o -> {
        o.maxPlayers = 32;
        o.resumeGraceSeconds = 1;
        o.maxConnectionsPerAddress = 64;
    });

    private static GameServer server;
    private static LogCapture log;
    private static final List<TestClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        log = LogCapture.start();
        server = GameServer.start(CONFIG);
    }

    @AfterAll
    static void stop() {
        clients.forEach(TestClient::close);
        server.close();
        log.close();
    }

    /** Where the offender is when it misbehaves. */
    enum Phase { CONNECTED, LOBBY, PLAYING }

    record Case(String what, Phase phase, Consumer<TestClient> offence, int closeCode) {
    }

    private static final byte[] VALID_INPUT = InputCodec.encode(new Input(1, Input.UP, 0f));

    private static List<Case> closingCases() {
        byte[] forgedSnapshot = StateCodec.encodeSnapshot(StateCodec.EMPTY);
        forgedSnapshot[StateCodec.HEADER_BYTES + 3] = (byte) 0xFF; // projectiles removed: varint ff ff 7f,
        forgedSnapshot[StateCodec.HEADER_BYTES + 4] = (byte) 0xFF; // the largest three-byte count
        forgedSnapshot[StateCodec.HEADER_BYTES + 5] = 0x7F;
        byte[] topBitSeq = VALID_INPUT.clone();
        topBitSeq[1] = (byte) 0x80;
        byte[] unknownButtons = VALID_INPUT.clone();
        unknownButtons[5] = (byte) 0x80;
        return List.of(
                new Case("truncated input", Phase.PLAYING, c -> c.sendBinary(Arrays.copyOf(VALID_INPUT, 7)),
                        CloseCodes.PROTOCOL_ERROR),
                new Case("input with trailing bytes", Phase.PLAYING,
                        c -> c.sendBinary(Arrays.copyOf(VALID_INPUT, 9)), CloseCodes.PROTOCOL_ERROR),
                new Case("empty binary frame", Phase.PLAYING, c -> c.sendBinary(new byte[0]), CloseCodes.PROTOCOL_ERROR),
                new Case("unknown binary type", Phase.PLAYING, c -> c.sendBinary(new byte[] {0x7F, 1, 2}),
                        CloseCodes.UNSUPPORTED_DATA),
                new Case("a state frame with a huge count, from a client", Phase.PLAYING,
                        c -> c.sendBinary(forgedSnapshot), CloseCodes.UNSUPPORTED_DATA),
                new Case("input seq with the top bit set", Phase.PLAYING, c -> c.sendBinary(topBitSeq),
                        CloseCodes.UNSUPPORTED_DATA),
                new Case("input with unknown buttons", Phase.PLAYING, c -> c.sendBinary(unknownButtons),
                        CloseCodes.UNSUPPORTED_DATA),
                new Case("binary frame over 256 bytes", Phase.PLAYING, c -> c.sendBinary(new byte[257]),
                        CloseCodes.TOO_BIG),
                new Case("invalid JSON", Phase.LOBBY, c -> c.sendText("{\"type\":\"listMatches\""),
                        CloseCodes.PROTOCOL_ERROR),
                new Case("JSON that is not an object", Phase.LOBBY, c -> c.sendText("[1,2,3]"), CloseCodes.PROTOCOL_ERROR),
                new Case("NaN in a number", Phase.PLAYING, c -> c.sendText("{\"type\":\"heartbeat\",\"t\":NaN}"),
                        CloseCodes.PROTOCOL_ERROR),
                new Case("infinite number", Phase.PLAYING, c -> c.sendText("{\"type\":\"heartbeat\",\"t\":1e400}"),
                        CloseCodes.PROTOCOL_ERROR),
                new Case("unknown message type", Phase.LOBBY, c -> c.sendText("{\"type\":\"teleport\"}"),
                        CloseCodes.PROTOCOL_ERROR),
                new Case("missing field", Phase.LOBBY, c -> c.sendText("{\"type\":\"join\"}"), CloseCodes.PROTOCOL_ERROR),
                new Case("text frame over 8 KiB", Phase.PLAYING,
                        c -> c.sendTextUnchecked("{\"type\":\"chat\",\"text\":\"" + "x".repeat(8200) + "\"}"),
                        CloseCodes.TOO_BIG),
                new Case("input before hello", Phase.CONNECTED, c -> c.sendBinary(VALID_INPUT), CloseCodes.PROTOCOL_ERROR),
                new Case("join before hello", Phase.CONNECTED, c -> c.send(new ClientMessage.Join("m1")),
                        CloseCodes.PROTOCOL_ERROR),
                new Case("input in the lobby", Phase.LOBBY, c -> c.sendBinary(VALID_INPUT), CloseCodes.PROTOCOL_ERROR),
                new Case("chat in the lobby", Phase.LOBBY, c -> c.send(new ClientMessage.Chat("hi")),
                        CloseCodes.PROTOCOL_ERROR),
                new Case("hello twice", Phase.LOBBY, c -> c.send(new ClientMessage.Hello("again", null)),
                        CloseCodes.PROTOCOL_ERROR),
                new Case("hello twice while playing", Phase.PLAYING, c -> c.send(new ClientMessage.Hello("again", null)),
                        CloseCodes.PROTOCOL_ERROR));
    }

    @Test
    void everyMalformedOrMisplacedFrameClosesOnlyItsSenderWithAReasonAndALogLine() {
        TestClient honest = joined("Honest");
        World before = honest.awaitWorld(world -> true);

        long kicksBefore = kicks();
        List<Case> cases = closingCases();
        List<TestClient> offenders = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            offenders.add(in(cases.get(i).phase(), "o" + i));
        }
        for (int i = 0; i < cases.size(); i++) {
            cases.get(i).offence().accept(offenders.get(i));
        }
        for (int i = 0; i < cases.size(); i++) {
            Case expected = cases.get(i);
            TestClient.Closed closed = offenders.get(i).awaitClose();
            assertEquals(expected.closeCode(), closed.code(), expected.what() + ": " + closed);
            assertFalse(closed.reason().isBlank(), expected.what() + " closes with a reason");
        }
        assertEquals(cases.size(), kicks() - kicksBefore, "one log line per offender: " + log.lines());

        // The honest player applied every delta since (a gap would freeze its world: it never resyncs).
        honest.awaitWorld(world -> world.tick() > before.tick() + 2 * CONFIG.tickRate);
        assertFalse(honest.isClosed());
        assertTrue(honest.messages().stream().noneMatch(ServerMessage.Error.class::isInstance));
    }

    @Test
    void joiningTwiceIsRefusedWithoutClosing() {
        TestClient twice = joined("Twice");
        twice.send(new ClientMessage.Join("m1"));
        assertEquals("wrong_phase", twice.await(ServerMessage.Error.class).code());
        twice.send(new ClientMessage.Spectate("m1"));
        twice.await(ServerMessage.Error.class,
                error -> twice.messages().stream().filter(ServerMessage.Error.class::isInstance).count() == 2);
        twice.send(new ClientMessage.Heartbeat(7));
        twice.await(ServerMessage.HeartbeatAck.class, ack -> ack.t() == 7);
        assertFalse(twice.isClosed());
    }

    @Test
    void invalidNamesAreRefusedAndTheClientStaysInTheLobby() {
        joined("Original");
        List<String> invalid = List.of("", "   ", "x".repeat(21), "bell\u0007", "new\nline", "a\u202Eright-to-left",
                "zero\u200Bwidth", "ORIGINAL", "original ");
        for (String name : invalid) {
            TestClient client = lobby(name);
            client.send(new ClientMessage.Join("m1"));
            ServerMessage.Error error = client.await(ServerMessage.Error.class);
            assertEquals("invalid_name", error.code(), "name " + name.codePoints().boxed().toList());
            assertFalse(error.message().isBlank());
            client.send(new ClientMessage.ListMatches());
            client.await(ServerMessage.MatchList.class);
            assertFalse(client.isClosed());
        }
        assertTrue(log.anyContains("invalid_name"));
    }

    @Test
    void forgedMalformedAndExpiredResumeTokensAreRejected() {
        TestClient ada = joined("Ada");
        String token = ada.await(ServerMessage.Joined.class).resumeToken();
        // Same length and alphabet, one character off; and things that are not tokens at all.
        String oneOff = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        List<String> forged = List.of(oneOff, "AAAAAAAAAAAAAAAAAAAAAA", token + "A", token.substring(1), "",
                "../../etc/passwd", "x".repeat(4000));
        for (String attempt : forged) {
            TestClient thief = TestClient.connect(server);
            clients.add(thief);
            thief.send(new ClientMessage.Hello("Ada", attempt));
            assertEquals("resume_rejected", thief.await(ServerMessage.Error.class).code());
            assertTrue(thief.messages().stream().noneMatch(ServerMessage.Joined.class::isInstance));
        }
        assertFalse(ada.isClosed(), "a forged token takes nothing from the real owner");

        ada.abort();
        TestClient bystander = joined("Bystander");
        int adaId = ada.await(ServerMessage.Joined.class).playerId();
        bystander.await(ServerMessage.Notice.class, notice -> notice.kind().equals("leave") && notice.playerId() == adaId);
        TestClient late = TestClient.connect(server);
        clients.add(late);
        late.send(new ClientMessage.Hello("Ada", token));
        assertEquals("resume_rejected", late.await(ServerMessage.Error.class).code(), "expired after the grace");
    }

    // ---- helpers ----

    private static long kicks() {
        return log.lines().stream().filter(line -> line.contains("kicking ")).count();
    }

    private static TestClient in(Phase phase, String name) {
        return switch (phase) {
            case CONNECTED -> track(TestClient.connect(server));
            case LOBBY -> lobby(name);
            case PLAYING -> joined(name);
        };
    }

    private static TestClient lobby(String name) {
        return track(TestClient.hello(server, name));
    }

    private static TestClient joined(String name) {
        TestClient client = lobby(name);
        client.send(new ClientMessage.Join("m1"));
        client.await(ServerMessage.Joined.class);
        client.awaitWorld(world -> true);
        return client;
    }

    private static TestClient track(TestClient client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }
}
