package io.lancers.server.net;

import java.nio.file.Path;
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

    @Override
    public String toString() {
        return "TlsKeyStore[path=" + path + ", password=(hidden)]";
    }
}
