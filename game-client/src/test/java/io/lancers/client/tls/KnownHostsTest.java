package io.lancers.client.tls;

import io.lancers.tls.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KnownHostsTest {
    private static final Fingerprint A = Fingerprint.parse("aa".repeat(32));
    private static final Fingerprint B = Fingerprint.parse("bb".repeat(32));

    @Test
    void perHostAndPortWithIpv6InBracketsAndCaseIgnored(@TempDir Path dir) throws Exception {
        KnownHosts known = new KnownHosts(dir.resolve("sub").resolve("known_hosts"));
        assertEquals(Optional.empty(), known.lookup("::1", 8025), "no file yet");
        known.remember("[::1]", 8025, A);
        known.remember("Game.Lan", 8025, B);
        known.remember("game.lan", 8025, B); // the same again: nothing to do
        assertEquals(Optional.of(A), known.lookup("::1", 8025));
        assertEquals(Optional.of(A), known.lookup("[::1]", 8025));
        assertEquals(Optional.empty(), known.lookup("::1", 8026), "another port is another server");
        assertEquals(Optional.of(B), known.lookup("GAME.lan", 8025));
        assertEquals("[::1]:8025 " + A + "\ngame.lan:8025 " + B + "\n",
                Files.readString(known.file()).replace(System.lineSeparator(), "\n"));
        assertThrows(IllegalStateException.class, () -> known.remember("game.lan", 8025, A));
    }

    @Test
    void commentsAndUnreadableLinesAreSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# trusted by hand\n\n10.0.0.2:8025 not-a-fingerprint\n10.0.0.2:8025 " + A + "\n"
                + "10.0.0.3:8025\n");
        KnownHosts known = new KnownHosts(file);
        assertEquals(Optional.of(A), known.lookup("10.0.0.2", 8025));
        assertEquals(Optional.empty(), known.lookup("10.0.0.3", 8025));
    }
}
