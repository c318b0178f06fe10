package io.lancers.server.net;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

/**
 * Where the server's TLS key and certificate are, and the store's password. {@link #toString()}
 * leaves the password out, so a config printed to a log does not leak it.
 */
public record TlsKeyStore(Path path, String password) {

    public TlsKeyStore {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
    }

    /** Reads the store; a wrong password or a damaged file is an IOException naming the store. */
    KeyStore load() throws IOException {
        try {
            return KeyStore.getInstance(path.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password is an IOException from KeyStore: either way, say which store.
            throw new IOException("cannot use key store " + path + ": " + e.getMessage(), e);
        }
    }

    /** The certificate the server presents: that of the store's key entry (the first, if it has several). */
    public X509Certificate certificate() throws IOException {
        KeyStore store = load();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return certificate;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use key store " + path + ": " + e.getMessage(), e);
        }
        throw new IOException("key store " + path + " holds no key with an X.509 certificate");
    }

    @Override
    public String toString() {
        return "TlsKeyStore[path=" + path + ", password=(hidden)]";
    }
}
