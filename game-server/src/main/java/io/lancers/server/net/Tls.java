package io.lancers.server.net;

import org.glassfish.grizzly.ssl.SSLEngineConfigurator;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.security.GeneralSecurityException;

/** {@code wss://}: the server's TLS side, from a key store (PKCS12 or JKS) holding its key and certificate. */
final class Tls {
    private Tls() {
    }

    /** Server mode, no client certificates: players authenticate the server, not the other way round. */
    static SSLEngineConfigurator serverEngine(TlsKeyStore keyStore) throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore.load(), keyStore.password().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new SSLEngineConfigurator(context, false, false, false);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use key store " + keyStore.path() + ": " + e.getMessage(), e);
        }
    }
}
