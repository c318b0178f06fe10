package io.lancers.bench.load;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lancers.server.ServerConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link BenchServer} in a child JVM on 127.0.0.1: started, asked for its status, and stopped. */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the server with this JVM's class path; it ends itself after {@code lifetime} even if
     * this process dies first.
     */
    public static ServerProcess start(int bots, Duration lifetime) throws IOException {
        return start(bots, lifetime, ServerConfig.defaults().heartbeatInterval());
    }

    /** As {@link #start(int, Duration)}, with another heartbeat interval (the timeout stays three intervals). */
    public static ServerProcess start(int bots, Duration lifetime, Duration heartbeatInterval) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("bench-server-", ".log");
        log.toFile().deleteOnExit();
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), BenchServer.class.getName(),
                String.valueOf(bots), String.valueOf(lifetime.toSeconds()),
                String.valueOf(heartbeatInterval.toMillis())))
                .redirectError(log.toFile()) // its log, one line per event: read by runs that need the server's word
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            if (line.startsWith(BenchServer.PORT_LINE)) {
                return new ServerProcess(process, Integer.parseInt(line.substring(BenchServer.PORT_LINE.length()).trim()),
                        log);
            }
        }
        process.destroy();
        throw new IOException("the bench server did not report its port");
    }

    public URI gameUri() {
        return URI.create("ws://127.0.0.1:" + port + "/game");
    }

    public int port() {
        return port;
    }

    /** {@code GET /status}: see {@link BenchServer.Status}. */
    public JsonObject status() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** The lines of the server's log so far that contain {@code text}. */
    public List<String> logLines(String text) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
