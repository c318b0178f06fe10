package io.lancers.client.tls;

import io.lancers.tls.Fingerprint;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The trust of one connection to one {@code host:port}: what the JVM trusts (its CA store, hostname
 * checked), else a pinned certificate (the flags' fingerprints, else the one remembered for this
 * host:port). A pin is the trust for that host:port: it replaces the hostname check, so a
 * certificate made for another name or address is accepted there because the player said so.
 * What neither trusts is refused and kept as a {@link CertificateRefusal} for the caller to show.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {
    private static final Logger LOG = Logger.getLogger(PinningTrustManager.class.getName());

    private final X509ExtendedTrustManager jvm;
    private final String host;
    private final int port;
    private final KnownHosts knownHosts;
    private final Set<Fingerprint> pinned;
    private volatile CertificateRefusal refusal;

    PinningTrustManager(X509ExtendedTrustManager jvm, String host, int port, KnownHosts knownHosts,
                        Set<Fingerprint> pinned) {
        this.jvm = jvm;
        this.host = host;
        this.port = port;
        this.knownHosts = knownHosts;
        this.pinned = pinned;
    }

    /** A client TLS context trusting as this manager does. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM: " + e.getMessage(), e);
        }
    }

    /** Set once a handshake through this manager was refused. */
    public Optional<CertificateRefusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The one the TLS engine calls: the engine carries the host for the JVM's hostname check. */
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> jvm.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> jvm.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> jvm.checkServerTrusted(chain, authType));
    }

    private interface JvmCheck {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, JvmCheck jvmCheck) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        try {
            jvmCheck.run();
            return;
        } catch (CertificateException notTrustedByTheJvm) {
            Fingerprint presented = Fingerprint.of(chain[0]);
            if (pinned.contains(presented)) {
                return;
            }
            Optional<Fingerprint> known = knownHosts == null ? Optional.empty() : knownHosts.lookup(host, port);
            if (known.isPresent() && known.get().equals(presented)) {
                return;
            }
            CertificateRefusal refused = new CertificateRefusal(host, port, presented, known.orElse(null),
                    knownHosts == null ? null : knownHosts.file().toString());
            refusal = refused;
            if (refused.changed()) {
                System.err.println(refused.warning());
            }
            LOG.warning(refused.summary() + " (" + notTrustedByTheJvm.getMessage() + ")");
            throw new CertificateException(refused.summary(), notTrustedByTheJvm);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        jvm.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        jvm.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        jvm.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return jvm.getAcceptedIssuers();
    }
}
