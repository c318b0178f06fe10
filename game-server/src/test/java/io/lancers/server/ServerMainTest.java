package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.release.ReleaseVersion;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            assertEquals(0.3f, server.config().botSkill());
        }
    }

    /** As a host stops it (Ctrl+C, SIGTERM): the JVM runs its shutdown hooks, ours and logging's, at once. */
    @Test
    void stoppedBySigtermTheServerLogsToItsLastLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                "--bind", "127.0.0.1", "--port", "0", "--no-discovery", "--bots", "1", "--matches", "1")
                .redirectError(log.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("listening ws://127.0.0.1:"), ready + "; log: " + Files.readString(log));
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                fail("the server did not stop on SIGTERM; log: " + Files.readString(log));
            }
        }
        String lines = Files.readString(log);
        assertTrue(lines.contains("shutting down ws://127.0.0.1:"), lines);
        assertTrue(lines.contains("m1: stopped"), lines);
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
    void withoutFlagsTheConfigIsTheDefaults() {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs();
        assertEquals(ServerConfig.defaults(), main.config());
    }

    @Test
    void helpListsTheFlagsAndBadValuesAreRefused() {
        StringWriter help = new StringWriter();
        CommandLine commandLine = new CommandLine(new ServerMain());
        commandLine.setOut(new PrintWriter(help));
        assertEquals(0, commandLine.execute("--help"));
        for (String flag : new String[] {"--bind", "--port", "--tick-rate", "--bots", "--heartbeat-ms",
                "--resume-grace-seconds", "--discovery-port", "--allow-origin", "--match-minutes", "--kill-limit", "--socket-send-buffer",
                "--max-spectators", "--bot-skill"}) {
            assertTrue(help.toString().contains(flag), flag);
        }

        CommandLine refusing = new CommandLine(new ServerMain());
        StringWriter errors = new StringWriter();
        refusing.setErr(new PrintWriter(errors));
        assertEquals(2, refusing.execute("--port", "0", "--bind", "127.0.0.1", "--tick-rate", "500"));
        assertTrue(errors.toString().contains("tickRate"), errors.toString());
        CommandLine refusingSkill = new CommandLine(new ServerMain());
        refusingSkill.setErr(new PrintWriter(errors));
        assertEquals(2, refusingSkill.execute("--port", "0", "--bind", "127.0.0.1", "--bot-skill", "2"));
        assertTrue(errors.toString().contains("botSkill"), errors.toString());
    }
}
