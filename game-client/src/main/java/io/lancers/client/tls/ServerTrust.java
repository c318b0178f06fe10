package io.lancers.client.tls;

import io.lancers.server.GameServer;
import io.lancers.tls.Fingerprint;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code wss://} servers this client trusts: those the JVM trusts (CA-signed, as always), plus
 * pinned certificates: fingerprints given for this run ({@code --trust-cert}, {@code --trust-fingerprint},
 * the host's own server) for any server, and those remembered per {@code host:port} in
 * {@link KnownHosts}. Immutable; one {@link PinningTrustManager} per connection attempt.
 */
public final class ServerTrust {
    private final KnownHosts knownHosts;
    private final Set<Fingerprint> pinned;

    private ServerTrust(KnownHosts knownHosts, Set<Fingerprint> pinned) {
        this.knownHosts = knownHosts;
        this.pinned = Set.copyOf(pinned);
    }

    /** The JVM's trust alone: what a client without known hosts or pins does. */
    public static ServerTrust jvmOnly() {
        return new ServerTrust(null, Set.of());
    }

    /** @param knownHosts where trust is remembered and looked up; null for none */
    public static ServerTrust of(KnownHosts knownHosts, Collection<Fingerprint> pinned) {
        return new ServerTrust(knownHosts, new HashSet<>(pinned));
    }

    /** This trust and {@code fingerprint} (e.g. the certificate of the server this client hosts). */
    public ServerTrust pinning(Fingerprint fingerprint) {
        Set<Fingerprint> more = new HashSet<>(pinned);
        more.add(fingerprint);
        return new ServerTrust(knownHosts, more);
    }

    /** This trust and the certificate of {@code server}, one this client runs itself (Play, Host): never asked about. */
    public ServerTrust withOwn(GameServer server) {
        return server.certificateFingerprint().map(this::pinning).orElse(this);
    }

    public Optional<KnownHosts> knownHosts() {
        return Optional.ofNullable(knownHosts);
    }

    /** For one connection attempt to {@code host:port} ({@code host} with or without IPv6 brackets). */
    public PinningTrustManager forServer(String host, int port) {
        return new PinningTrustManager(Jvm.TRUST, host, port, knownHosts, pinned);
    }

    /** The fingerprint of the certificate in {@code file} (PEM or DER), for {@code --trust-cert}. */
    public static Fingerprint fingerprintOfFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (CertificateFactory.getInstance("X.509").generateCertificate(in) instanceof X509Certificate certificate) {
                return Fingerprint.of(certificate);
            }
        } catch (CertificateException e) {
            throw new IOException(file + " holds no readable certificate (PEM or DER): " + e.getMessage(), e);
        }
        throw new IOException(file + " holds no X.509 certificate");
    }

    /** Read once, when the first {@code wss://} connection is tried. */
    private static final class Jvm {
        static final X509ExtendedTrustManager TRUST = jvmTrustManager();
    }

    /** The JVM's default: its CA store, or {@code -Djavax.net.ssl.trustStore}. */
    private static X509ExtendedTrustManager jvmTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JVM's trusted certificates: " + e.getMessage(), e);
        }
    }
}
