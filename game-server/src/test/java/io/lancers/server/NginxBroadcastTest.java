package io.lancers.server;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.lancers.broadcast.BroadcastFormatException;
import io.lancers.broadcast.DeltaPart;
import io.lancers.broadcast.FullPart;
import io.lancers.broadcast.StreamCursor;
import io.lancers.server.broadcast.FragmentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final ServerConfig CONFIG = GameServerTest.CONFIG.withBots(4).withMatches(1).withBroadcast(
            ServerConfig.defaults().broadcast().withFragmentLength(Duration.ofSeconds(1))
                    .withDelay(Duration.ofSeconds(2)).withRetention(Duration.ofSeconds(120)));

    private GameServer server;
    private Process nginx;
    private ExecutorService pool;

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
        if (pool != null) {
            pool.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void hundredsOfViewersBehindNginxCostTheOriginAboutOneRequestPerPart() throws Exception {
        Path nginxBinary = findNginx();
        server = GameServer.start(CONFIG);
        int port = freePort();
        nginx = startNginx(nginxBinary, server.port(), port);
        URI base = URI.create("http://127.0.0.1:" + port);

        pool = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(10)).build();
        awaitServable(http, base);

        List<Viewer> viewers = new ArrayList<>();
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < VIEWERS; i++) {
            Viewer viewer = new Viewer(http, base, random.nextLong());
            viewers.add(viewer);
            // Arrivals spread over three seconds: viewers start at different fragments, and many at once.
            runs.add(CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(random.nextInt(3000),
                    TimeUnit.MILLISECONDS)).thenCompose(ignored -> viewer.run()));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        long partsFetched = 0;
        for (Viewer viewer : viewers) {
            assertEquals(FRAGMENTS_PER_VIEWER * 60, viewer.ticks, "every tick of " + FRAGMENTS_PER_VIEWER + " fragments");
            partsFetched += viewer.partsFetched;
        }
        FragmentStore.Served origin = server.broadcasts().served();
        System.out.printf("nginx test: %d viewers fetched %d parts; the origin served %d distinct parts with %d requests%n",
                VIEWERS, partsFetched, origin.parts(), origin.requests());
        assertTrue(origin.requests() <= origin.parts() * 11 / 10 + 2,
                "about one origin request per part: " + origin.requests() + " requests for " + origin.parts() + " parts");
        assertTrue(partsFetched >= 20 * origin.requests(), "the cache served the crowd: " + partsFetched + " fetched");
    }

    /** One HTTP viewer: sync, full part, then delta after delta, each decoded onto the last world. */
    private static final class Viewer {
        private final HttpClient http;
        private final URI base;
        private final Random random;
        private StreamCursor cursor;
        private int next;
        private int ticks;
        private int partsFetched;

        Viewer(HttpClient http, URI base, long seed) {
            this.http = http;
            this.base = base;
            this.random = new Random(seed);
        }

        CompletableFuture<Void> run() {
            return get("/broadcast/m1/sync").thenCompose(sync -> {
                int start = new Gson().fromJson(new String(sync, StandardCharsets.UTF_8), JsonObject.class)
                        .get("fragment").getAsInt();
                next = start;
                return get("/broadcast/m1/" + start + "/full").thenCompose(full -> {
                    cursor = decoded(() -> StreamCursor.start(FullPart.decode(full)));
                    return deltas(start + FRAGMENTS_PER_VIEWER);
                });
            });
        }

        private CompletableFuture<Void> deltas(int end) {
            if (next == end) {
                return CompletableFuture.completedFuture(null);
            }
            return get("/broadcast/m1/" + next + "/delta").thenCompose(delta -> {
                decoded(() -> {
                    cursor.append(DeltaPart.decode(delta));
                    while (cursor.step()) {
                        ticks++;
                    }
                    return cursor;
                });
                next++;
                return deltas(end);
            });
        }

        /** GET, retrying a 404 (not servable yet) after a quarter of a fragment or so. */
        private CompletableFuture<byte[]> get(String path) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenCompose(response -> {
                if (response.statusCode() == 200) {
                    partsFetched += path.endsWith("/sync") ? 0 : 1;
                    return CompletableFuture.completedFuture(response.body());
                }
                if (response.statusCode() != 404) {
                    throw new IllegalStateException(path + ": HTTP " + response.statusCode());
                }
                return CompletableFuture.supplyAsync(() -> path, CompletableFuture.delayedExecutor(
                        200 + random.nextInt(100), TimeUnit.MILLISECONDS)).thenCompose(this::get);
            });
        }

        private interface Decoding {
            StreamCursor run() throws BroadcastFormatException;
        }

        private static StreamCursor decoded(Decoding decoding) {
            try {
                return decoding.run();
            } catch (BroadcastFormatException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void awaitServable(HttpClient http, URI base) {
        Await.until(() -> {
            try {
                HttpResponse<String> sync = http.send(HttpRequest.newBuilder(base.resolve("/broadcast/m1/sync")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return sync.statusCode() == 200 ? java.util.Optional.of(sync) : java.util.Optional.empty();
            } catch (IOException e) {
                return java.util.Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, () -> "the broadcast through nginx");
    }

    // ------------------------------------------------------------------ nginx

    /** nginx, or skip (fail on CI: it installs nginx-light). */
    static Path findNginx() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx", "/usr/local/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("nginx is not installed, and CI=true: .ci/run installs nginx-light");
        }
        Assumptions.abort("nginx is not installed: skipping the nginx broadcast test (apt-get install nginx-light)");
        return null;
    }

    /** README's recipe, pointed at our ports and directories, wrapped in what a whole nginx.conf needs. */
    static Process startNginx(Path binary, int originPort, int listenPort) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "nginx-").toAbsolutePath();
        // Run as root, nginx's workers run as another user: they must be able to write the cache and temp dirs.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(Files.createDirectories(dir.resolve("cache")), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(Files.createDirectories(dir.resolve("temp")), PosixFilePermissions.fromString("rwxrwxrwx"));
        String recipe = readmeRecipe()
                .replace("/var/cache/nginx/lancers", dir.resolve("cache").toString())
                .replace("server 127.0.0.1:8025;", "server 127.0.0.1:" + originPort + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + listenPort + ";");
        StringBuilder temp = new StringBuilder();
        String version = version(binary);
        for (String module : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            boolean without = version.contains("--without-http_" + module + "_module")
                    || !module.equals("client_body") && !module.equals("proxy") && !version.contains("--http-" + module + "-temp-path");
            if (!without) {
                Files.setPosixFilePermissions(Files.createDirectories(dir.resolve("temp").resolve(module)),
                        PosixFilePermissions.fromString("rwxrwxrwx"));
                temp.append(module).append("_temp_path ").append(dir.resolve("temp").resolve(module)).append(";\n");
            }
        }
        String conf = "worker_processes 1;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " warn;\n"
                + "events { worker_connections 4096; }\n"
                + "http {\n"
                + "access_log off;\n"
                + temp
                + recipe + "\n}\n";
        Path confFile = Files.writeString(dir.resolve("nginx.conf"), conf);
        Process process = new ProcessBuilder(binary.toString(), "-c", confFile.toString(), "-p", dir.toString(),
                "-e", dir.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Await.until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited: " + read(dir.resolve("stdout.log")) + read(dir.resolve("error.log")));
            }
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", listenPort)) {
                return java.util.Optional.of(true);
            } catch (IOException notYet) {
                return java.util.Optional.empty();
            }
        }, () -> "nginx listening on " + listenPort);
        return process;
    }

    private static String version(Path binary) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "-V").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** The ```nginx block of README.md's "Broadcasting to a big audience". */
    static String readmeRecipe() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("## Broadcasting to a big audience.*?```nginx\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "README.md has the nginx recipe");
        return block.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
