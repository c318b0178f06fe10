package io.lancers.server.match;

import io.lancers.load.LoadClient;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.net.ConnectionSettings;
import io.lancers.server.net.NetServer;
import io.lancers.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver that fell behind catches up with one DELTA from the newest world it has, not a
 * SNAPSHOT: the real net layer and a real WebSocket client on loopback, the match ticked by the test
 * and its sends held back on cue (its sender falls behind, so ticks go unsent), PROTOCOL.md §11.
 */
class CatchUpTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Generous: the test steps the ticks, and liveness is not what it is about. */
    private static final long HEARTBEAT_MS = 60_000;

    private final List<Runnable> batches = new ArrayList<>();
    private final Match match = new Match(MatchSettings.defaults("m1", "foundry").withBotFill(4).withSeed(7),
            MapLoader.load("foundry"), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), StateEncoder.CODEC, batches::add);
    private NetServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One tick, its sends written at once: a sender that keeps up. */
    private void tickAndSend() {
        match.tick();
        sendHeldBack();
    }

    private void sendHeldBack() {
        List<Runnable> due = List.copyOf(batches);
        batches.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void aReceiverWhoseSenderFellBehindGetsOneMultiTickDeltaAndNoSnapshot() throws IOException {
        server = NetServer.start("127.0.0.1", 0, List.of(), new MatchRegistry(List.of(match)), settings(), null, Map::of);
        AtomicReference<World> held = new AtomicReference<>();
        List<Integer> ticksReceived = new ArrayList<>();
        LoadClient watcher = LoadClient.open(HttpClient.newHttpClient(),
                URI.create("ws://127.0.0.1:" + server.port() + ProtocolVersion.ENDPOINT_PATH), "watcher",
                LoadClient.Entry.spectate("m1"), true, null);
        watcher.onWorld((world, arrived) -> {
            synchronized (ticksReceived) {
                ticksReceived.add(world.tick());
            }
            held.set(world);
        });
        try {
            await().atMost(PATIENCE).until(() -> {
                tickAndSend();
                return watcher.joined().isDone();
            });
            tickAndSend();
            await().atMost(PATIENCE).until(() -> watcher.lastTick() == match.world().tick());
            int had = watcher.lastTick();

            for (int i = 0; i < 8; i++) {
                match.tick(); // the sender is stuck: after 4 batches waiting, ticks queue no frames
            }
            sendHeldBack();
            tickAndSend();
            await().atMost(PATIENCE).until(() -> watcher.lastTick() == match.world().tick());

            assertEquals(1, watcher.snapshots(), "only the join snapshot");
            assertEquals(0, watcher.gaps());
            assertEquals(match.world(), held.get(), "the catch-up delta brought the watcher to the newest world");
            synchronized (ticksReceived) {
                List<Integer> after = ticksReceived.subList(ticksReceived.indexOf(had), ticksReceived.size());
                assertEquals(List.of(had, had + 1, had + 2, had + 3, had + 4, match.world().tick()), after,
                        "four ticks sent while the sender lagged, then one delta over the skipped ones");
                assertTrue(match.world().tick() - (had + 4) > 1);
            }
        } finally {
            watcher.abort();
        }
    }

    private static ConnectionSettings settings() {
        ServerMessage.Limits limits = new ServerMessage.Limits(20, 200, 5, 4, NetServer.MAX_TEXT_FRAME_BYTES,
                NetServer.MAX_BINARY_FRAME_BYTES);
        return new ConnectionSettings(new ServerMessage.Welcome("catch-up", "test", ProtocolVersion.SUBPROTOCOL,
                HEARTBEAT_MS, 3 * HEARTBEAT_MS, 30_000, limits), HEARTBEAT_MS, 10_000, 16, 0);
    }
}
