package io.lancers.server;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.lancers.broadcast.DeltaPart;
import io.lancers.broadcast.FullPart;
import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.Replayer;
import io.lancers.broadcast.StreamCursor;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.lancers.server.TestClient.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP broadcast and recording of the real server on a loopback port, followed by a real HTTP client. */
class BroadcastHttpTest {
    private static final ServerOptions CONFIG = GameServerTest.CONFIG.with(o -> {
        o.bots = 3;
        o.fragmentSeconds = 1;
        o.broadcastDelaySeconds = 1;
        o.broadcastRetentionSeconds = 120;
    });

    private final HttpClient http = HttpClient.newHttpClient();
    private GameServer server;
    private TestClient player;

    @AfterEach
    void stop() {
        if (player != null) {
            player.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return new Gson().fromJson(new String(response.body()), JsonObject.class);
    }

    private JsonObject awaitSync() {
        return json(awaitOk("a servable fragment of m1", "/broadcast/m1/sync"));
    }

    /** Polls until the part is servable, as a viewer does. */
    private byte[] awaitPart(int fragment, String kind) {
        return awaitOk(kind + " part " + fragment, "/broadcast/m1/" + fragment + "/" + kind).body();
    }

    /** GETs {@code path} until it answers 200. */
    private HttpResponse<byte[]> awaitOk(String what, String path) {
        return await(what).atMost(PATIENCE).until(() -> {
            try {
                return get(path);
            } catch (IOException e) {
                return null;
            }
        }, response -> response != null && response.statusCode() == 200);
    }

    @Test
    void aViewerFollowsTheBroadcastTickByTickWithChatAndCacheableParts() throws Exception {
        server = GameServer.start(CONFIG);
        player = TestClient.hello(server, "Ada");
        player.send(new ClientMessage.Join("m1"));
        player.await(ServerMessage.Joined.class);

        JsonObject sync = awaitSync();
        HttpResponse<byte[]> syncResponse = get("/broadcast/m1/sync");
        assertEquals("public, max-age=1", syncResponse.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(ProtocolVersion.SUBPROTOCOL, sync.get("protocol").getAsString());
        assertEquals(60, sync.get("fragmentTicks").getAsInt());
        assertEquals(1.0, sync.get("delaySeconds").getAsDouble());
        int start = sync.get("fragment").getAsInt();

        JsonObject list = json(get("/broadcast"));
        assertEquals("m1", list.getAsJsonArray("matches").get(0).getAsJsonObject().get("matchId").getAsString());
        assertEquals("no-cache", get("/broadcast").headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<byte[]> full = get("/broadcast/m1/" + start + "/full");
        assertEquals(200, full.statusCode());
        assertEquals("application/octet-stream", full.headers().firstValue("Content-Type").orElse(""));
        assertEquals("public, max-age=120, immutable", full.headers().firstValue("Cache-Control").orElse(""));
        String etag = full.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[^\"]+\""), etag);
        HttpResponse<byte[]> again = send(HttpRequest.newBuilder(uri("/broadcast/m1/" + start + "/full"))
                .header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/broadcast/m1/" + start + "/full"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);

        // Follow for five fragments, each delta part fetched when it becomes servable: every tick, in order.
        player.send(new ClientMessage.Chat("hello viewers"));
        StreamCursor cursor = StreamCursor.start(FullPart.decode(full.body()));
        int ticks = 0;
        boolean chatSeen = false;
        for (int n = start; n < start + 5; n++) {
            cursor.append(DeltaPart.decode(awaitPart(n, "delta")));
            while (cursor.step()) {
                ticks++;
            }
            chatSeen |= cursor.control().recent().stream()
                    .anyMatch(line -> line instanceof ServerMessage.Chat chat && chat.text().equals("hello viewers"));
        }
        assertEquals(5 * 60, ticks);
        assertTrue(chatSeen, "the chat line reaches the broadcast");
        assertEquals("Ada", cursor.control().roster().players().stream().filter(p -> !p.bot()).findFirst().orElseThrow().name());
    }

    @Test
    void errorsAreClearAndCachedForASecondAtMost() throws Exception {
        server = GameServer.start(CONFIG);
        int start = awaitSync().get("latestFragment").getAsInt();
        HttpResponse<byte[]> future = get("/broadcast/m1/" + (start + 1000) + "/delta");
        assertEquals(404, future.statusCode());
        assertEquals("public, max-age=1", future.headers().firstValue("Cache-Control").orElse(""), "a cache asks again in a second");
        assertEquals(404, get("/broadcast/m9/sync").statusCode());
        assertEquals(404, get("/broadcast/m1/" + start + "/other").statusCode());
        assertEquals(404, get("/broadcast/m1/99999999999/full").statusCode());
        HttpResponse<byte[]> post = send(HttpRequest.newBuilder(uri("/broadcast/m1/sync"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertEquals(405, post.statusCode());
        assertEquals("no-store", post.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(200, get("/status").statusCode(), "/status is still served");
    }

    @Test
    void withoutTheBroadcastThereIsNoBroadcastButTheGameGoesOn() throws Exception {
        server = GameServer.start(CONFIG.with(o -> o.broadcast = false));
        assertEquals(404, get("/broadcast").statusCode());
        assertEquals(404, get("/broadcast/m1/sync").statusCode());
        assertEquals(200, get("/status").statusCode());
    }

    @Test
    void recordsEveryMatchAndFinishesTheFilesWhenTheServerStops(@TempDir Path dir) throws Exception {
        server = GameServer.start(CONFIG.with(o -> o.recordDir = dir));
        awaitSync();
        awaitPart(awaitSync().get("latestFragment").getAsInt() + 1, "delta"); // a few seconds played
        server.close();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertEquals(2, files.size(), "one file per room: " + files);
        for (Path file : files) {
            try (ReplayFile replay = ReplayFile.open(file)) {
                assertTrue(replay.complete(), file + " has its trailer");
                assertTrue(replay.lastTick() - replay.firstTick() >= 2 * 60, file + " holds the seconds played");
                Replayer replayer = new Replayer(replay);
                replayer.seek(replay.lastTick());
                assertEquals(3, replayer.world().ships().size());
            }
        }
    }
}
