package io.lancers.server;

import io.lancers.link.TcpRelay;
import io.lancers.load.LoadClient;
import io.lancers.load.LoadClient.Entry;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
 * The network failing under a player, through a relay that misbehaves on cue: a link that goes
 * half-open (the server notices within the heartbeat timeout, closes 4000, and the player resumes),
 * a link cut without a close frame (1006: offline, then resumable), and a client that reconnects
 * in a tight loop (each new link supersedes the last; the server stays healthy).
 */
class FaultTest {
    private GameServer server;
    private LogCapture log;
    private TcpRelay relay;
    private TestClient bystander;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        log = LogCapture.start();
        server = GameServer.start(GameServerTest.HEARTBEATS); // a half-open link is found by the heartbeat timeout
        relay = new TcpRelay(server.port());
        bystander = TestClient.hello(server, "Bystander");
        bystander.send(new ClientMessage.Join("m1"));
        bystander.awaitWorld(world -> true);
    }

    @AfterEach
    void stop() throws IOException {
        bystander.close();
        relay.close();
        server.close();
        log.close();
    }

    private URI throughRelay() {
        return URI.create("ws://127.0.0.1:" + relay.port() + ProtocolVersion.ENDPOINT_PATH);
    }

    @Test
    void aHalfOpenLinkIsClosedWith4000AndThePlayerResumes() throws Exception {
        LoadClient ada = LoadClient.open(http, throughRelay(), "Ada", Entry.join("m1"));
        ServerMessage.Joined joined = ada.joined().get(15, TimeUnit.SECONDS);

        relay.silence(); // nothing gets through any more, and nothing is closed
        bystander.await(ServerMessage.Notice.class, n -> n.kind().equals("offline") && n.playerId() == joined.playerId());
        await("a 4000 in the log").atMost(PATIENCE).until(log::lines, lines -> lines.stream()
                .anyMatch(line -> line.contains("kicking ") && line.contains(CloseCodes.HEARTBEAT_TIMEOUT + " heartbeat")));
        assertFalse(ada.closed().isDone(), "the client saw nothing: its link is half-open");

        assertResumes(joined);
    }

    @Test
    void aLinkCutWithoutACloseFrameGoesOfflineAndIsResumable() throws Exception {
        LoadClient ada = LoadClient.open(http, throughRelay(), "Ada", Entry.join("m1"));
        ServerMessage.Joined joined = ada.joined().get(15, TimeUnit.SECONDS);

        relay.cutAll();
        bystander.await(ServerMessage.Notice.class, n -> n.kind().equals("offline") && n.playerId() == joined.playerId());
        assertTrue(log.anyContains(" 1006 "), "the server saw an abnormal close: " + log.lines());

        assertResumes(joined);
    }

    @Test
    void aClientReconnectingInATightLoopOnlyEverHoldsOneConnection() throws Exception {
        LoadClient first = LoadClient.open(http, TestClient.uri(server), "Ada", Entry.join("m1"));
        ServerMessage.Joined joined = first.joined().get(15, TimeUnit.SECONDS);
        List<LoadClient> attempts = new ArrayList<>(List.of(first));
        for (int i = 0; i < 50; i++) {
            LoadClient again = LoadClient.open(http, TestClient.uri(server), "Ada", Entry.resume(joined.resumeToken()));
            assertEquals(joined.playerId(), again.joined().get(15, TimeUnit.SECONDS).playerId());
            attempts.add(again);
        }
        for (LoadClient superseded : attempts.subList(0, attempts.size() - 1)) {
            assertEquals(CloseCodes.SUPERSEDED, (int) superseded.closed().get(15, TimeUnit.SECONDS));
        }
        LoadClient last = attempts.get(attempts.size() - 1);
        assertFalse(last.closed().isDone());
        // The bystander and the last link: nothing else is left open.
        await("two open connections").atMost(PATIENCE).until(server::openConnections, n -> n == 2);
        int frames = bystander.stateFrames();
        bystander.awaitValue(() -> Optional.of(bystander.stateFrames()).filter(n -> n > frames + 30), "more frames");
        assertTrue(log.problems().isEmpty(), "no warnings or errors: " + log.problems());
        last.close();
    }

    private void assertResumes(ServerMessage.Joined joined) throws Exception {
        LoadClient back = LoadClient.open(http, TestClient.uri(server), "Ada", Entry.resume(joined.resumeToken()));
        ServerMessage.Joined resumed = back.joined().get(15, TimeUnit.SECONDS);
        assertTrue(resumed.resumed());
        assertEquals(joined.playerId(), resumed.playerId());
        bystander.await(ServerMessage.Notice.class, n -> n.kind().equals("online") && n.playerId() == joined.playerId());
        back.close();
    }
}
