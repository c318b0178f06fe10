package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.lancers.server.TestClient.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The real server with {@code --spectator-delay 1} at 20 Hz: a spectator's frames are 20 ticks behind a player's. */
class SpectatorDelayServerTest {
    private static final int TICK_RATE = 20;
    private static final int DELAY_TICKS = TICK_RATE; // one second

    private final List<TestClient> clients = new ArrayList<>();
    private GameServer server;

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        if (server != null) {
            server.close();
        }
    }

    private TestClient enter(String name, ClientMessage request) {
        TestClient client = TestClient.hello(server, name);
        clients.add(client);
        client.send(request);
        client.await(ServerMessage.Joined.class);
        return client;
    }

    @Test
    void aSpectatorsFramesTrailAPlayersByTheDelayInTicks() throws IOException {
        server = GameServer.start(GameServerTest.CONFIG.with(o -> {
            o.tickRate = TICK_RATE;
            o.spectatorDelaySeconds = 1;
        }));
        TestClient ada = enter("Ada", new ClientMessage.Join("m1"));
        TestClient watcher = enter("watcher", new ClientMessage.Spectate("m1"));
        assertEquals("delay", watcher.await(ServerMessage.Notice.class).kind());

        watcher.awaitWorld(world -> world.tick() > 0);
        // Both get their frame of each tick at once (the player's of tick t, the spectator's of t − D), so
        // on a quiet moment their newest ticks differ by exactly D; without the delay they would not.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(
                () -> ada.world().tick() - watcher.world().tick() == DELAY_TICKS);
        assertEquals(0, watcher.gaps());
    }

    @Test
    void aDelayedSpectatorMovesToTheNextMapWhenItsFramesDoNotBefore() throws IOException {
        String hostToken = "host-token-0123456789abcdef";
        server = GameServer.start(GameServerTest.CONFIG.with(o -> {
            o.tickRate = TICK_RATE;
            o.spectatorDelaySeconds = 1;
            o.matches = 1;
            o.bots = 1;
            o.intermissionSeconds = 1; // the next map a second after the host ends the round
            o.hostToken = hostToken;
        }));
        TestClient host = TestClient.connect(server);
        clients.add(host);
        host.send(new ClientMessage.Hello("Host", null, null, hostToken));
        host.await(ServerMessage.Welcome.class);
        host.send(new ClientMessage.Join("m1"));
        String firstMap = host.awaitJoined(1).joined().map().id();
        TestClient watcher = enter("watcher", new ClientMessage.Spectate("m1"));
        watcher.awaitWorld(world -> world.tick() > 0); // the delayed frames flow

        host.send(new ClientMessage.EndMatch("m1"));
        TestClient.Arrival hostMoved = host.awaitJoined(2);
        TestClient.Arrival watcherMoved = watcher.awaitJoined(2);
        String nextMap = hostMoved.joined().map().id();
        assertNotEquals(firstMap, nextMap, "the rotation moves on");
        assertEquals(nextMap, watcherMoved.joined().map().id());
        assertEquals(2, hostMoved.after().join().match().round());
        assertEquals(1, watcherMoved.before().match().round(), "the spectator saw the first round to its end");
        assertEquals(2, watcherMoved.after().join().match().round(), "and the new map's world right after its joined");
        assertEquals(0, watcher.gaps());
    }
}
