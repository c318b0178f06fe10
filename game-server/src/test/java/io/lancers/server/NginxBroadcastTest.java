package io.lancers.server;

import io.lancers.cache.Nginx;
import io.lancers.load.BroadcastViewer;
import io.lancers.server.broadcast.FragmentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.lancers.server.TestClient.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * README's nginx recipe, run by a real nginx in front of the real server: several hundred HTTP
 * viewers follow the broadcast through it; the game server sends each fragment part about once,
 * and every viewer plays every tick.
 */
class NginxBroadcastTest {
    private static final int VIEWERS = 300;
    private static final int FRAGMENTS_PER_VIEWER = 15;
    private static final ServerOptions CONFIG = GameServerTest.CONFIG.with(o -> {
        o.bots = 4;
        o.matches = 1;
        o.fragmentSeconds = 1;
        o.broadcastDelaySeconds = 2;
        o.broadcastRetentionSeconds = 120;
    });

    private GameServer server;
    private Nginx nginx;
    private ExecutorService pool;

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    /** nginx, or skip (fail on CI: it installs nginx-light). */
    private static Path nginxOrSkip() {
        Optional<Path> binary = Nginx.binary();
        if (binary.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("nginx is not installed, and CI=true: .ci/run installs nginx-light");
        }
        Assumptions.assumeTrue(binary.isPresent(), "nginx is not installed: skipping (apt-get install nginx-light)");
        return binary.get();
    }

    @Test
    void hundredsOfViewersBehindNginxCostTheOriginAboutOneRequestPerPart() throws Exception {
        Path binary = nginxOrSkip();
        server = GameServer.start(CONFIG);
        nginx = Nginx.start(binary, Path.of("..", "README.md"), server.port(), Path.of("target"));
        URI base = URI.create("http://127.0.0.1:" + nginx.port());

        pool = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(10)).build();
        await("the broadcast through nginx").atMost(PATIENCE).until(() -> servable(http, base), Optional::isPresent).get();

        List<BroadcastViewer> viewers = new ArrayList<>();
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < VIEWERS; i++) {
            BroadcastViewer viewer = new BroadcastViewer(http, base, "m1", random.nextLong());
            viewers.add(viewer);
            // Arrivals spread over three seconds: viewers start at different fragments, and many at once.
            runs.add(CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(random.nextInt(3000),
                    TimeUnit.MILLISECONDS)).thenCompose(ignored -> viewer.follow(FRAGMENTS_PER_VIEWER)));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        long partsFetched = 0;
        for (BroadcastViewer viewer : viewers) {
            assertEquals(FRAGMENTS_PER_VIEWER * 60, viewer.ticks(), "every tick of " + FRAGMENTS_PER_VIEWER + " fragments");
            partsFetched += viewer.partsFetched();
        }
        FragmentStore.Served origin = server.broadcasts().served();
        System.out.printf("nginx test: %d viewers fetched %d parts; the origin served %d distinct parts with %d requests%n",
                VIEWERS, partsFetched, origin.parts(), origin.requests());
        assertTrue(origin.requests() <= origin.parts() * 11 / 10 + 2,
                "about one origin request per part: " + origin.requests() + " requests for " + origin.parts() + " parts");
        assertTrue(partsFetched >= 20 * origin.requests(), "the cache served the crowd: " + partsFetched + " fetched");
    }

    private static Optional<Boolean> servable(HttpClient http, URI base) {
        try {
            HttpResponse<Void> sync = http.send(HttpRequest.newBuilder(base.resolve("/broadcast/m1/sync")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return sync.statusCode() == 200 ? Optional.of(true) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
