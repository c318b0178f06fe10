package io.lancers.bench.load;

import io.lancers.cache.Nginx;
import io.lancers.load.BroadcastViewer;
import io.lancers.server.GameServer;
import io.lancers.server.broadcast.FragmentStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Origin load of the HTTP broadcast: N viewers follow it for a number of fragments, straight from
 * the game server or through nginx with README's recipe, and the server counts what it answered.
 */
public final class BroadcastOrigin {
    private static final long PATIENCE_SECONDS = 300;

    private BroadcastOrigin() {
    }

    /**
     * @param viewers          viewers that followed the broadcast
     * @param cached           through nginx
     * @param partsFetched     parts the viewers received, all together
     * @param originRequests   part requests the game server answered with a part
     * @param originParts      distinct parts among them
     * @param originNotYet     "not yet" (404) answers of the game server
     * @param continuous       every viewer played every tick of its fragments
     */
    public record Result(int viewers, boolean cached, long partsFetched, long originRequests, long originParts,
                         long originNotYet, boolean continuous) {
        public double originRequestsPerPart() {
            return originParts == 0 ? 0 : (double) originRequests / originParts;
        }
    }

    /** Viewers arrive over three seconds and each follows {@code fragments} fragments of {@code m1}. */
    public static Result run(GameServer server, Nginx nginx, int viewers, int fragments) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + (nginx != null ? nginx.port() : server.port()));
        FragmentStore.Served before = server.broadcasts().served();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            HttpClient http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(20)).build();
            Random random = new Random(viewers);
            List<BroadcastViewer> all = new ArrayList<>();
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                BroadcastViewer viewer = new BroadcastViewer(http, base, "m1", random.nextLong());
                all.add(viewer);
                runs.add(CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(random.nextInt(3000),
                        TimeUnit.MILLISECONDS)).thenCompose(ignored -> viewer.follow(fragments)));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            FragmentStore.Served after = server.broadcasts().served();
            int fragmentTicks = server.options().broadcastSettings().fragmentTicks(server.options().tickRate);
            long fetched = all.stream().mapToLong(BroadcastViewer::partsFetched).sum();
            boolean continuous = all.stream().allMatch(v -> v.ticks() == fragments * fragmentTicks);
            return new Result(viewers, nginx != null, fetched, after.requests() - before.requests(),
                    after.parts() - before.parts(), after.notYet() - before.notYet(), continuous);
        } finally {
            pool.shutdownNow();
        }
    }
}
