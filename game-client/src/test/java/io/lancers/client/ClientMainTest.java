package io.lancers.client;

import io.lancers.protocol.ProtocolVersion;
import io.lancers.release.ReleaseVersion;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The flags that must be refused before anything starts (no window, no network). */
class ClientMainTest {

    @Test
    void helpSucceeds() {
        assertEquals(0, ClientMain.run(new String[] {"--help"}));
    }

    @Test
    void versionPrintsTheReleaseAndTheProtocolSpoken() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new ClientMain());
        commandLine.setOut(new PrintWriter(out));
        assertEquals(0, commandLine.execute("--version"));
        assertEquals("Lancers " + ReleaseVersion.VERSION + "\nprotocol " + ProtocolVersion.SUBPROTOCOL + "\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void headlessNeedsAServer() {
        assertEquals(2, ClientMain.run(new String[] {"--headless", "--bots", "2"}));
    }

    @Test
    void spectateNeedsAServer() {
        assertEquals(2, ClientMain.run(new String[] {"--spectate", "m1"}));
    }

    @Test
    void renderBenchPaceGoesWithTheRenderBenchAndIsOneOfThree() {
        assertEquals(2, ClientMain.run(new String[] {"--render-bench-pace", "display"}));
        assertEquals(2, ClientMain.run(new String[] {"--render-bench", "--render-bench-pace", "fast"}));
    }

    @Test
    void botSkillIsWithinZeroAndOne() {
        assertEquals(2, ClientMain.run(new String[] {"--bot-skill", "1.5"}));
        assertEquals(2, ClientMain.run(new String[] {"--bot-skill", "-0.1"}));
    }

    @Test
    void replayAndWatchGoAloneAndWatchNeedsABroadcastUrl() {
        assertEquals(2, ClientMain.run(new String[] {"--replay", "a.lrp", "--connect", "ws://127.0.0.1:1/game"}));
        assertEquals(2, ClientMain.run(new String[] {"--replay", "a.lrp", "--headless"}));
        assertEquals(2, ClientMain.run(new String[] {"--replay", "a.lrp", "--watch", "http://127.0.0.1:1/broadcast/m1"}));
        assertEquals(2, ClientMain.run(new String[] {"--watch", "ws://127.0.0.1:1/game"}));
        assertEquals(2, ClientMain.run(new String[] {"--watch", "http://127.0.0.1:1/status"}));
    }

    @Test
    void trustFlagsNeedAFingerprintOrACertificateFile() {
        String[] connect = {"--headless", "--connect", "wss://127.0.0.1:1/game", "--duration", "0"};
        assertEquals(2, ClientMain.run(concat(connect, "--trust-fingerprint", "AB:CD")));
        assertEquals(2, ClientMain.run(concat(connect, "--trust-fingerprint", "zz".repeat(32))));
        assertEquals(2, ClientMain.run(concat(connect, "--trust-cert", "no-such-file.pem")));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void unknownFlagsAreUsageErrors() {
        assertEquals(2, ClientMain.run(new String[] {"--fly"}));
    }
}
