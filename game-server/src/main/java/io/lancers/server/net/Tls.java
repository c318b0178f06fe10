package io.lancers.server.net;

import org.glassfish.grizzly.ssl.SSLEngineConfigurator;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** {@code wss://}: the server's TLS side, from a key store (PKCS12 or JKS) holding its key and certificate. */
final class Tls {
    private Tls() {
    }

    /** Server mode, no client certificates: players authenticate the server, not the other way round. */
    static SSLEngineConfigurator serverEngine(Path keyStore, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(keyStore.toFile(), password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new SSLEngineConfigurator(context, false, false, false);
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password is an IOException from KeyStore: either way, say which store.
            throw new IOException("cannot use key store " + keyStore + ": " + e.getMessage(), e);
        }
    }
}
