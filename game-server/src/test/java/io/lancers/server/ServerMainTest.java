package io.lancers.server;

import io.lancers.map.MapLoader;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.release.ReleaseVersion;
import io.lancers.server.broadcast.BroadcastSettings;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.net.Access;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ServerMainTest {

    @Test
    void printsExactlyOneListeningLineWithTheRealPort() throws Exception {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--bind", "127.0.0.1", "--port", "0", "--no-discovery", "--bots", "1",
                "--bot-skill", "0.3", "--matches", "1", "--tick-rate", "30");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GameServer server = main.start(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertNotEquals(0, server.port());
            assertEquals("listening ws://127.0.0.1:" + server.port() + "/game" + System.lineSeparator(),
                    out.toString(StandardCharsets.UTF_8));
            assertEquals(-1, server.discoveryPort());
            assertEquals(1, server.matches().list().size());
            assertEquals(30, server.matches().list().get(0).tickRate());
            assertEquals(0.3f, server.options().botSkill);
        }
    }

    /** As a host stops it (Ctrl+C, SIGTERM): the JVM runs its shutdown hooks, ours and logging's, at once. */
    @Test
    void stoppedBySigtermTheServerLogsToItsLastLine(@TempDir Path dir) throws Exception {
        String lines = String.join("\n", runUntilSigterm(dir));
        assertTrue(lines.contains("shutting down ws://127.0.0.1:"), lines);
        assertTrue(lines.contains("m1: stopped"), lines);
    }

    /** {@code --log-format json}: every line on stderr is one JSON object, to the last one after SIGTERM. */
    @Test
    void jsonLogsAreOneObjectPerLine(@TempDir Path dir) throws Exception {
        List<String> lines = runUntilSigterm(dir, "--log-format", "json");
        List<JsonObject> records = new ArrayList<>();
        for (String line : lines) {
            JsonObject record = JsonParser.parseString(line).getAsJsonObject();
            for (String field : new String[] {"time", "level", "logger", "message"}) {
                assertTrue(record.has(field), field + " in " + line);
            }
            Instant.parse(record.get("time").getAsString());
            records.add(record);
        }
        assertTrue(records.stream().anyMatch(r -> r.get("logger").getAsString().equals(ServerMain.class.getName())
                && r.get("level").getAsString().equals("INFO") && r.get("message").getAsString().endsWith(" ready")),
                String.join("\n", lines));
        assertTrue(records.stream().anyMatch(r -> r.get("message").getAsString().equals("m1: stopped")),
                String.join("\n", lines));
    }

    /** Runs the server in its own JVM with {@code flags} until ready, stops it with SIGTERM; returns its log (stderr). */
    private static List<String> runUntilSigterm(Path dir, String... flags) throws Exception {
        Path log = dir.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerMain.class.getName()));
        command.addAll(List.of(flags));
        command.addAll(List.of("--bind", "127.0.0.1", "--port", "0", "--no-discovery", "--bots", "1", "--matches", "1"));
        Process server = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("listening ws://127.0.0.1:"), ready + "; log: " + Files.readString(log));
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                fail("the server did not stop on SIGTERM; log: " + Files.readString(log));
            }
        }
        return Files.readAllLines(log);
    }

    @Test
    void anUnknownLogFormatIsAUsageError() {
        CommandLine commandLine = new CommandLine(new ServerMain());
        StringWriter errors = new StringWriter();
        commandLine.setErr(new PrintWriter(errors));
        assertEquals(2, commandLine.execute("--log-format", "xml"));
        assertTrue(errors.toString().contains("--log-format"), errors.toString());
    }

    @Test
    void maxSpectatorsCapsEachRoomOverARealConnection() throws Exception {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--bind", "127.0.0.1", "--port", "0", "--no-discovery", "--matches", "1",
                "--max-spectators", "1");
        try (GameServer server = main.start(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            TestClient first = TestClient.hello(server, "Ann");
            TestClient second = TestClient.hello(server, "Bob");
            try {
                first.send(new ClientMessage.Spectate("m1"));
                assertEquals("spectator", first.await(ServerMessage.Joined.class).role());
                second.send(new ClientMessage.Spectate("m1"));
                assertEquals(ErrorCode.MATCH_FULL.wire(), second.await(ServerMessage.Error.class).code());
                assertTrue(second.messages().stream().noneMatch(ServerMessage.Joined.class::isInstance));
            } finally {
                first.close();
                second.close();
            }
        }
    }

    @Test
    void versionPrintsTheReleaseAndTheProtocolSpoken() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new ServerMain());
        commandLine.setOut(new PrintWriter(out));
        assertEquals(0, commandLine.execute("--version"));
        assertEquals("Lancers server " + ReleaseVersion.VERSION + "\nprotocol " + ProtocolVersion.SUBPROTOCOL + "\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void helpListsTheFlagsAndBadValuesAreRefused() {
        StringWriter help = new StringWriter();
        CommandLine commandLine = new CommandLine(new ServerMain());
        commandLine.setOut(new PrintWriter(help));
        assertEquals(0, commandLine.execute("--help"));
        for (String flag : new String[] {"--bind", "--port", "--tick-rate", "--bots", "--heartbeat-ms",
                "--resume-grace-seconds", "--discovery-port", "--allow-origin", "--match-minutes", "--kill-limit", "--socket-send-buffer",
                "--max-spectators", "--bot-skill", "--spectator-delay"}) {
            assertTrue(help.toString().contains(flag), flag);
        }

        CommandLine refusing = new CommandLine(new ServerMain());
        StringWriter errors = new StringWriter();
        refusing.setErr(new PrintWriter(errors));
        assertEquals(2, refusing.execute("--port", "0", "--bind", "127.0.0.1", "--tick-rate", "500"));
        assertTrue(errors.toString().contains("--tick-rate must be 10–128, was 500"), errors.toString());
        CommandLine refusingSkill = new CommandLine(new ServerMain());
        refusingSkill.setErr(new PrintWriter(errors));
        assertEquals(2, refusingSkill.execute("--port", "0", "--bind", "127.0.0.1", "--bot-skill", "2"));
        assertTrue(errors.toString().contains("--bot-skill must be 0–1, was 2.0"), errors.toString());
    }

    @Test
    void broadcastAndRecordingFlagsMakeTheBroadcastSettings(@TempDir Path dir) {
        ServerMain main = new ServerMain();
        Path records = dir.resolve("replays");
        new CommandLine(main).parseArgs("--no-broadcast", "--broadcast-delay-seconds", "120", "--fragment-seconds", "2",
                "--broadcast-retention-seconds", "600", "--record", records.toString());
        BroadcastSettings broadcast = main.options.broadcastSettings();
        assertEquals(new BroadcastSettings(false, Duration.ofSeconds(120),
                Duration.ofSeconds(2), Duration.ofSeconds(600), records), broadcast);
        assertTrue(Files.isDirectory(records), "--record creates its directory");
        assertEquals(120, broadcast.fragmentTicks(60));

        CommandLine refusing = new CommandLine(new ServerMain());
        StringWriter errors = new StringWriter();
        refusing.setErr(new PrintWriter(errors));
        assertEquals(2, refusing.execute("--port", "0", "--bind", "127.0.0.1", "--fragment-seconds", "0"));
        assertTrue(errors.toString().contains("--fragment-seconds must be 1–60, was 0"), errors.toString());
    }

    @Test
    void spectatorDelayReachesEveryRoomAndIsBounded() {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--spectator-delay", "90");
        assertEquals(90, main.options.spectatorDelaySeconds);
        assertTrue(main.options.matchSettings().stream().allMatch(room -> room.spectatorDelaySeconds() == 90));

        CommandLine refusing = new CommandLine(new ServerMain());
        StringWriter errors = new StringWriter();
        refusing.setErr(new PrintWriter(errors));
        assertEquals(2, refusing.execute("--port", "0", "--bind", "127.0.0.1", "--spectator-delay", "-1"));
        assertTrue(errors.toString().contains("--spectator-delay must be 0–600, was -1"), errors.toString());
    }

    @Test
    void passwordAndAdminTokenComeFromTheFirstLineOfTheirFiles(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("password.txt"), "open sesame\n");
        Path token = Files.writeString(dir.resolve("admin.txt"), "0123456789abcdef-admin\nignored\n");
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--password-file", password.toString(), "--admin-token-file", token.toString());
        assertEquals(new Access("open sesame", "0123456789abcdef-admin"), main.options.access());
        assertFalse(main.options.access().toString().contains("open sesame"), "the access never prints the password");

        Path shortToken = Files.writeString(dir.resolve("short.txt"), "guessable\n");
        CommandLine refusing = new CommandLine(new ServerMain());
        StringWriter errors = new StringWriter();
        refusing.setErr(new PrintWriter(errors));
        assertEquals(2, refusing.execute("--port", "0", "--bind", "127.0.0.1", "--admin-token-file", shortToken.toString()));
        assertTrue(errors.toString().contains("16 characters"), errors.toString());
    }

    @Test
    void withoutAMapEveryRoomRotatesThroughAllMapsFromItsOwnStart() {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs("--matches", "2");
        List<String> maps = MapLoader.builtInIds();
        for (MatchSettings room : main.options.matchSettings()) {
            assertEquals(room.mapId(), room.rotation().get(0));
            assertEquals(Set.copyOf(maps), Set.copyOf(room.rotation()));
        }
        ServerMain pinned = new ServerMain();
        new CommandLine(pinned).parseArgs("--map", maps.get(0));
        assertTrue(pinned.options.matchSettings().stream().allMatch(room -> room.rotation().equals(List.of(maps.get(0)))));
    }
}
