package io.lancers.bench.load;

import com.google.gson.JsonObject;
import io.lancers.load.LoadClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server the load commands run: the real dedicated server in a child JVM. */
class ServerProcessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** More than a room's default spectator cap (32) and the default connections per address (16). */
    private static final int SPECTATORS = 40;

    @Test
    void holdsMoreSpectatorsThanTheDefaultCapAndReportsItsHeapAndCpu() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<LoadClient> spectators = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(2)) {
            for (int i = 0; i < SPECTATORS; i++) {
                LoadClient spectator = LoadClient.open(http, server.gameUri(), "s" + i,
                        LoadClient.Entry.spectate(ServerProcess.MATCH_ID)).connected()
                        .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                spectators.add(spectator);
                assertEquals("spectator", spectator.joined().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).role());
            }
            JsonObject room = server.status().getAsJsonArray("matches").get(0).getAsJsonObject();
            assertEquals(ServerProcess.MATCH_ID, room.get("id").getAsString());
            assertEquals(SPECTATORS, room.get("spectators").getAsInt());
            assertEquals(2, room.getAsJsonArray("players").size());

            ServerProcess.ProcessMetrics first = server.process();
            assertTrue(first.heapUsedBytes() > 0 && first.heapUsedBytes() <= first.heapCommittedBytes(), first::toString);
            assertTrue(first.cpuNanos() > 0, first::toString);
            assertTrue(first.senderNanos() > 0, "the room's sender threads have sent its frames: " + first);
            if (Files.isReadable(Path.of("/proc/self/stat"))) {
                assertTrue(first.userNanos() > 0 && first.systemNanos() >= 0, first::toString);
            }
            assertTrue(server.process().cpuNanos() >= first.cpuNanos(), "CPU time only grows");
        } finally {
            spectators.forEach(LoadClient::abort);
        }
    }
}
