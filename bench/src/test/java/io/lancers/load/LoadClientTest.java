package io.lancers.load;

import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.sim.Input;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load client against the real server on loopback (here: the bench has the server on its classpath). */
class LoadClientTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private GameServer server;
    private URI uri;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> {
            o.matches = 1;
            o.bots = 4;
            o.maxPlayers = 4;
        }));
        uri = URI.create("ws://127.0.0.1:" + server.port() + "/game");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSpectatorFollowsTheStreamWithoutGaps() throws Exception {
        AtomicReference<World> latest = new AtomicReference<>();
        LoadClient spectator = LoadClient.open(http, uri, "watcher", LoadClient.Entry.spectate("m1"), true, null)
                .connected().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        spectator.onWorld((world, nanos) -> latest.set(world));
        assertEquals("spectator", spectator.joined().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).role());
        await(() -> spectator.stateFrames() >= 60);
        assertEquals(0, spectator.gaps());
        assertEquals(0, spectator.resyncs());
        assertTrue(spectator.snapshots() >= 1, "starts from a snapshot");
        await(() -> latest.get() != null && latest.get().ships().size() == 4);
        spectator.close();
    }

    @Test
    void aPlayersInputsAreAcknowledgedInItsShip() throws Exception {
        LoadClient player = LoadClient.open(http, uri, "pilot", LoadClient.Entry.join("m1"), true, null)
                .connected().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        AtomicInteger acked = new AtomicInteger();
        AtomicReference<Ship> own = new AtomicReference<>();
        int id = player.joined().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).playerId();
        player.onWorld((world, nanos) -> world.ships().stream().filter(s -> s.id() == id).forEach(s -> {
            own.set(s);
            acked.set(s.lastInputSeq());
        }));
        // As a real client does: steer once the own ship is in the world and alive.
        await(() -> own.get() != null && own.get().alive());
        for (int seq = 1; seq <= 3; seq++) {
            player.sendInput(new Input(seq, Input.UP, 0f));
        }
        await(() -> acked.get() == 3);
        player.abort();
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(PATIENCE).until(condition::getAsBoolean);
    }
}
