package io.lancers.client.headless;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lancers.client.tls.ServerTrust;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.tls.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headless clients against the real server on 127.0.0.1. */
class HeadlessRunTest {

    private static ServerOptions config() {
        return ServerOptions.defaults().onLoopback().with(o -> {
            o.matches = 1;
            o.bots = 0;
        });
    }

    private static List<JsonObject> lines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> JsonParser.parseString(l).getAsJsonObject())
                .toList();
    }

    @Test
    void threeBotsPlayAndReport() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GameServer server = GameServer.start(config())) {
            HeadlessRun.Summary summary = HeadlessRun.run(new HeadlessOptions(server.uri(), 3, null,
                    Duration.ofSeconds(3), "bot", new PrintStream(out, true, StandardCharsets.UTF_8),
                    ServerTrust.jvmOnly()));

            assertEquals(3, summary.clients().size());
            summary.clients().forEach(c -> {
                assertEquals("IN_MATCH", c.state(), c.toString());
                assertTrue(c.frames() > 0 && c.bytesSent() > 0, c.toString());
            });
            assertEquals(summary.clients().stream().mapToLong(HeadlessRun.ClientReport::frames).sum(),
                    summary.total().frames());
        }
        System.out.print(out.toString(StandardCharsets.UTF_8)); // kept in the surefire report for people
        List<JsonObject> lines = lines(out);
        Set<String> inMatch = lines.stream()
                .filter(l -> l.has("state") && l.get("state").getAsString().equals("IN_MATCH"))
                .map(l -> l.get("client").getAsString()).collect(Collectors.toSet());
        assertEquals(Set.of("bot1", "bot2", "bot3"), inMatch);
        JsonObject last = lines.get(lines.size() - 1);
        assertEquals("summary", last.get("event").getAsString());
        assertTrue(last.getAsJsonObject("total").get("frames").getAsLong() > 0);
        assertEquals(3, last.getAsJsonArray("clients").size());
    }

    @Test
    void botsTurnedAwayByAFullRoomTryTheNext() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GameServer server = GameServer.start(config().with(o -> {
            o.matches = 2;
            o.maxPlayers = 2;
        }))) {
            HeadlessRun.Summary summary = HeadlessRun.run(new HeadlessOptions(server.uri(), 4, null,
                    Duration.ofSeconds(2), "bot", new PrintStream(out, true, StandardCharsets.UTF_8),
                    ServerTrust.jvmOnly()));
            summary.clients().forEach(c -> assertEquals("IN_MATCH", c.state(), c.toString()));
        }
        Set<String> matches = lines(out).stream().filter(l -> l.get("event").getAsString().equals("joined"))
                .map(l -> l.get("match").getAsString()).collect(Collectors.toSet());
        assertEquals(2, matches.size(), "both rooms used");
    }

    @Test
    void aSpectatorWatches() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GameServer server = GameServer.start(config().with(o -> o.bots = 2))) {
            String match = server.matches().list().get(0).id();
            HeadlessRun.Summary summary = HeadlessRun.run(new HeadlessOptions(server.uri(), 1, match,
                    Duration.ofSeconds(2), "eye", new PrintStream(out, true, StandardCharsets.UTF_8),
                    ServerTrust.jvmOnly()));
            HeadlessRun.ClientReport eye = summary.clients().get(0);
            assertEquals("IN_MATCH", eye.state());
            assertTrue(eye.frames() > 0, eye.toString());
        }
        assertTrue(lines(out).stream().anyMatch(l -> l.get("event").getAsString().equals("joined")
                && l.get("role").getAsString().equals("spectator")));
    }

    @Test
    void overWssAHeadlessClientPlaysWithTheFingerprintGivenAndFailsWithoutSayingWhich(@TempDir Path dir)
            throws Exception {
        try (GameServer server = GameServer.start(config().with(o -> {
            o.tlsSelfSigned = true;
            o.dataDir = dir;
        }))) {
            Fingerprint certificate = server.certificateFingerprint().orElseThrow();
            ByteArrayOutputStream refused = new ByteArrayOutputStream();
            // A long run: it ends as soon as the client has failed.
            HeadlessRun.Summary untrusted = HeadlessRun.run(new HeadlessOptions(server.uri(), 1, null,
                    Duration.ofSeconds(60), "bot", new PrintStream(refused, true, StandardCharsets.UTF_8),
                    ServerTrust.jvmOnly()));
            assertEquals("FAILED", untrusted.clients().get(0).state());
            JsonObject line = lines(refused).stream().filter(l -> l.get("event").getAsString().equals("certificate"))
                    .findFirst().orElseThrow();
            assertEquals(certificate.toString(), line.get("sha256").getAsString());
            assertEquals("127.0.0.1:" + server.port(), line.get("address").getAsString());
            assertFalse(line.get("changed").getAsBoolean());

            HeadlessRun.Summary pinned = HeadlessRun.run(new HeadlessOptions(server.uri(), 1, null,
                    Duration.ofSeconds(5), "bot", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    ServerTrust.of(null, List.of(certificate))));
            assertEquals("IN_MATCH", pinned.clients().get(0).state());
        }
    }
}
