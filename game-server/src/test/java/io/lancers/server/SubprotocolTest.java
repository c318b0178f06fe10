package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.InputFormat;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.Input;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** lancers.v4 and v3 beside lancers.v2 on the real server: which is picked, INPUT's length and buttons in each. */
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
    void aV3PlayersTwelveByteInputsAreAppliedAndAcknowledged() {
        TestClient v3 = player(ProtocolVersion.SUBPROTOCOL, ProtocolVersion.SUBPROTOCOL_V3);
        assertEquals("lancers.v3", v3.subprotocol(), "the server prefers v3 whatever the client's order");
        int id = v3.await(ServerMessage.Joined.class).playerId();
        int viewTick = v3.awaitWorld(w -> true).tick();
        v3.sendInput(new Input(5, Input.FIRE, 0f, viewTick));
        v3.awaitWorld(w -> w.ships().stream().anyMatch(s -> s.id() == id && s.lastInputSeq() == 5));
    }

    @Test
    void aV4PlayerFiresTheChargedLance() {
        TestClient v4 = player(ProtocolVersion.SUBPROTOCOL, ProtocolVersion.SUBPROTOCOL_V4, ProtocolVersion.SUBPROTOCOL_V3);
        assertEquals("lancers.v4", v4.subprotocol(), "the newest offered");
        int id = v4.await(ServerMessage.Joined.class).playerId();
        int viewTick = v4.awaitWorld(w -> w.ships().stream().anyMatch(s -> s.id() == id && s.alive())).tick();
        v4.sendInput(new Input(1, Input.LANCE, 0f, viewTick));
        // Holding LANCE alone fires nothing but a lance (LanceTest); the shot itself may be gone by the next look.
        v4.awaitWorld(w -> w.ships().stream().anyMatch(s -> s.id() == id && s.lastFireTick() > 0));
    }

    @Test
    void theLanceOnAV3LinkIsUnsupportedData() {
        TestClient v3 = player(ProtocolVersion.SUBPROTOCOL_V3);
        byte[] frame = InputCodec.encode(new Input(1, Input.FIRE, 0f), InputFormat.V3);
        frame[5] |= (byte) Input.LANCE;
        v3.sendBinary(frame);
        assertEquals(CloseCodes.UNSUPPORTED_DATA, v3.awaitClose().code());
    }

    @Test
    void aV2FrameOnAV3LinkIsAProtocolError() {
        TestClient v3 = player(ProtocolVersion.SUBPROTOCOL_V3);
        v3.sendBinary(InputCodec.encode(new Input(1, 0, 0f), InputFormat.V2));
        assertEquals(CloseCodes.PROTOCOL_ERROR, v3.awaitClose().code());
    }

    @Test
    void aV2OnlyClientStillGetsV2() {
        TestClient v2 = player(ProtocolVersion.SUBPROTOCOL);
        assertEquals("lancers.v2", v2.subprotocol());
        int id = v2.await(ServerMessage.Joined.class).playerId();
        v2.sendInput(new Input(3, Input.UP, 0f));
        v2.awaitWorld(w -> w.ships().stream().anyMatch(s -> s.id() == id && s.lastInputSeq() == 3));
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
