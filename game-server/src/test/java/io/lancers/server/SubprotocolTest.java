package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.Input;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * lancers.v5 on the real server: its 12-byte INPUT with the LANCE button, lance charges in the state;
 * clients that offer only a retired subprotocol (v2–v4) are refused at once with a reason.
 */
class SubprotocolTest {
    private GameServer server;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = GameServer.start(GameServerTest.CONFIG);
    }

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        server.close();
    }

    @Test
    void aV5PlayersInputsAreAppliedAndAcknowledged() {
        TestClient v5 = player(ProtocolVersion.SUBPROTOCOL, "lancers.v4", "lancers.v3");
        assertEquals("lancers.v5", v5.subprotocol(), "the newest offered, whatever the client's order");
        int id = v5.await(ServerMessage.Joined.class).playerId();
        int viewTick = v5.awaitWorld(w -> true).tick();
        v5.sendInput(new Input(5, Input.FIRE | Input.LANCE, 0f, viewTick));
        v5.awaitWorld(w -> w.ships().stream().anyMatch(s -> s.id() == id && s.lastInputSeq() == 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lancers.v4", "lancers.v3", "lancers.v2"})
    void anOutdatedClientIsRefusedAtOnceWithAReason(String retired) {
        TestClient old = TestClient.connect(server, retired);
        clients.add(old);
        assertEquals(retired, old.subprotocol(), "upgraded, so that the close reason reaches it");
        TestClient.Closed closed = old.awaitClose();
        assertEquals(CloseCodes.PROTOCOL_ERROR, closed.code(), "final for every older client: no reconnecting");
        assertEquals("outdated client: this server speaks lancers.v5 only; update Lancers", closed.reason());
    }

    @Test
    void anUnknownBitBeyondLanceIsUnsupportedData() {
        TestClient v5 = player(ProtocolVersion.SUBPROTOCOL);
        byte[] frame = InputCodec.encode(new Input(1, Input.FIRE, 0f));
        frame[5] |= (byte) 0x40;
        v5.sendBinary(frame);
        assertEquals(CloseCodes.UNSUPPORTED_DATA, v5.awaitClose().code());
    }

    @Test
    void theOldEightByteInputIsAProtocolError() {
        TestClient v5 = player(ProtocolVersion.SUBPROTOCOL);
        v5.sendBinary(Arrays.copyOf(InputCodec.encode(new Input(1, 0, 0f)), 8));
        assertEquals(CloseCodes.PROTOCOL_ERROR, v5.awaitClose().code());
    }

    private TestClient player(String subprotocol, String... more) {
        TestClient client = TestClient.connect(server, subprotocol, more);
        clients.add(client);
        client.send(new ClientMessage.Hello("p" + clients.size(), null));
        client.await(ServerMessage.Welcome.class);
        client.send(new ClientMessage.Join("m1"));
        client.await(ServerMessage.Joined.class);
        return client;
    }
}
