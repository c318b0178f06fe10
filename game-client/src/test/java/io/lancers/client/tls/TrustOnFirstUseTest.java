package io.lancers.client.tls;

import io.lancers.client.net.ConnectionListener;
import io.lancers.client.net.ConnectionState;
import io.lancers.client.net.GameConnection;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.tls.Fingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trust on first use over real {@code wss://} on 127.0.0.1, with certificates made by {@code --tls-self-signed}'s code. */
class TrustOnFirstUseTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    /** A {@code --tls-self-signed} server on 127.0.0.1 keeping its certificate in {@code certificates}. */
    private static ServerOptions config(Path certificates, int port) {
        return ServerOptions.defaults().onLoopback().with(o -> {
            o.port = port;
            o.matches = 1;
            o.bots = 0;
            o.tlsSelfSigned = true;
            o.dataDir = certificates;
        });
    }

    private GameServer start(ServerOptions config) throws Exception {
        GameServer server = GameServer.start(config);
        toClose.add(server);
        return server;
    }

    /** What one connection reported. */
    private static final class Seen implements ConnectionListener {
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        final AtomicReference<CertificateRefusal> refusal = new AtomicReference<>();

        @Override
        public void onState(ConnectionState state, String detail) {
            states.add(state);
        }

        @Override
        public void onCertificateRefused(CertificateRefusal refused) {
            assertFalse(states.contains(ConnectionState.FAILED), "told before FAILED, so a UI can ask first");
            refusal.set(refused);
        }

        ConnectionState last() {
            return states.isEmpty() ? null : states.get(states.size() - 1);
        }
    }

    private Seen connect(GameServer server, ServerTrust trust) {
        Seen seen = new Seen();
        GameConnection connection = new GameConnection(server.uri(), "ada", seen, trust);
        toClose.add(0, connection);
        connection.connect();
        return seen;
    }

    private static void awaitState(Seen seen, ConnectionState state) {
        await().atMost(PATIENCE).until(() -> seen.last() == state || seen.last() == ConnectionState.FAILED);
        assertEquals(state, seen.last(), seen.states::toString);
    }

    @Test
    void anUnknownCertificateIsRefusedWithItsFingerprintThenTrustedAndRemembered() throws Exception {
        GameServer server = start(config(dir.resolve("server"), 0));
        Fingerprint certificate = server.certificateFingerprint().orElseThrow();
        KnownHosts knownHosts = new KnownHosts(dir.resolve("client").resolve("known_hosts"));
        int port = server.port();

        Seen first = connect(server, ServerTrust.of(knownHosts, List.of()));
        awaitState(first, ConnectionState.FAILED);
        CertificateRefusal refusal = first.refusal.get();
        assertEquals(new CertificateRefusal("127.0.0.1", port, certificate, null, knownHosts.file().toString()), refusal);
        assertFalse(refusal.changed());
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.FAILED), first.states, "no retries meanwhile");

        // The player compares the fingerprint with the host's and says yes (what the prompt does).
        knownHosts.remember(refusal.host(), refusal.port(), refusal.presented());
        Seen second = connect(server, ServerTrust.of(knownHosts, List.of()));
        awaitState(second, ConnectionState.LOBBY);
        assertNull(second.refusal.get());
        assertEquals(List.of("127.0.0.1:" + port + " " + certificate),
                Files.readAllLines(knownHosts.file(), StandardCharsets.UTF_8));

        // Another run of the client reads the same file: still trusted, nothing asked.
        Seen later = connect(server, ServerTrust.of(new KnownHosts(knownHosts.file()), List.of()));
        awaitState(later, ConnectionState.LOBBY);

        // Without the file (the JVM's trust only) the same server is refused.
        Seen untrusting = connect(server, ServerTrust.jvmOnly());
        awaitState(untrusting, ConnectionState.FAILED);
        assertEquals(certificate, untrusting.refusal.get().presented());
    }

    @Test
    void aChangedCertificateIsRefusedLoudlyEvenWhileTheOldOneIsTrusted() throws Exception {
        GameServer original = start(config(dir.resolve("original"), 0));
        int port = original.port();
        Fingerprint trusted = original.certificateFingerprint().orElseThrow();
        KnownHosts knownHosts = new KnownHosts(dir.resolve("known_hosts"));
        knownHosts.remember("127.0.0.1", port, trusted);
        Seen playing = connect(original, ServerTrust.of(knownHosts, List.of()));
        awaitState(playing, ConnectionState.LOBBY);

        // Same address and port, another certificate (an impostor, or a host that lost its data dir).
        original.close();
        GameServer impostor = start(config(dir.resolve("impostor"), port));
        Fingerprint presented = impostor.certificateFingerprint().orElseThrow();
        assertFalse(presented.equals(trusted));

        // The connected client's reconnect meets it, and so does a new connection.
        await().atMost(PATIENCE).until(() -> playing.last() == ConnectionState.FAILED);
        Seen fresh = connect(impostor, ServerTrust.of(knownHosts, List.of()));
        awaitState(fresh, ConnectionState.FAILED);
        for (Seen seen : List.of(playing, fresh)) {
            CertificateRefusal refusal = seen.refusal.get();
            assertTrue(refusal.changed(), refusal::toString);
            assertEquals(trusted, refusal.known());
            assertEquals(presented, refusal.presented());
            assertTrue(refusal.warning().contains("CHANGED") && refusal.warning().contains(trusted.toString())
                    && refusal.warning().contains(presented.toString())
                    && refusal.warning().contains(knownHosts.file().toString()), refusal.warning());
        }
        // Never written over: the player must remove the old line by hand.
        assertThrows(IllegalStateException.class, () -> knownHosts.remember("127.0.0.1", port, presented));
        assertEquals(trusted, knownHosts.lookup("127.0.0.1", port).orElseThrow());
    }

    @Test
    void aFingerprintOrCertificateFileGivenForTheRunIsTrustedWithoutAsking() throws Exception {
        GameServer server = start(config(dir.resolve("server"), 0));
        Fingerprint certificate = server.certificateFingerprint().orElseThrow();

        Seen pinned = connect(server, ServerTrust.of(null, List.of(Fingerprint.parse(
                certificate.toString().replace(":", "").toLowerCase()))));
        awaitState(pinned, ConnectionState.LOBBY);

        Path pem = dir.resolve("server.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(server.options().tls().certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        assertEquals(certificate, ServerTrust.fingerprintOfFile(pem));
        Seen fromFile = connect(server, ServerTrust.of(null, List.of(ServerTrust.fingerprintOfFile(pem))));
        awaitState(fromFile, ConnectionState.LOBBY);

        Seen otherPin = connect(server, ServerTrust.of(null, List.of(Fingerprint.parse("00".repeat(32)))));
        awaitState(otherPin, ConnectionState.FAILED);
        assertEquals(certificate, otherPin.refusal.get().presented());
    }
}
