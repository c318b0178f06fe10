package io.lancers.client.tls;

import io.lancers.tls.Fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Servers the player chose to trust, as SSH's {@code known_hosts} keeps hosts: one line per
 * {@code host:port}, {@code HOST:PORT SHA-256-FINGERPRINT} ({@code [::1]:8025 AB:CD:…}); {@code #}
 * starts a comment. Read afresh at every lookup (small, and another client process may have added
 * a line); a line that cannot be read is skipped with a warning. Only ever appended to: a changed
 * certificate is never written over the trusted one; the player removes the old line by hand.
 */
public final class KnownHosts {
    private static final Logger LOG = Logger.getLogger(KnownHosts.class.getName());

    private final Path file;

    public KnownHosts(Path file) {
        this.file = file;
    }

    /** {@code ~/.lancers/known_hosts}, beside the client's other files. */
    public static KnownHosts user() {
        return new KnownHosts(Path.of(System.getProperty("user.home", "."), ".lancers", "known_hosts"));
    }

    public Path file() {
        return file;
    }

    /** The fingerprint trusted for {@code host:port}, if any. */
    public synchronized Optional<Fingerprint> lookup(String host, int port) {
        String wanted = address(host, port);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warning("cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", 2);
            if (fields.length == 2 && fields[0].toLowerCase(Locale.ROOT).equals(wanted)) {
                try {
                    return Optional.of(Fingerprint.parse(fields[1]));
                } catch (IllegalArgumentException bad) {
                    LOG.warning(file + " line " + (i + 1) + " skipped: " + bad.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Trusts {@code fingerprint} for {@code host:port} from now on.
     *
     * @throws IllegalStateException when another certificate is trusted for it (never replaced from here)
     */
    public synchronized void remember(String host, int port, Fingerprint fingerprint) throws IOException {
        Optional<Fingerprint> known = lookup(host, port);
        if (known.isPresent()) {
            if (known.get().equals(fingerprint)) {
                return;
            }
            throw new IllegalStateException(address(host, port) + " is known with another certificate: remove its line from "
                    + file + " first");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, address(host, port) + " " + fingerprint + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        LOG.info(() -> "trusting " + address(host, port) + " with SHA-256 " + fingerprint + " (" + file + ")");
    }

    /** {@code host:port} in lower case, an IPv6 host in brackets; {@code host} may come with or without them. */
    static String address(String host, int port) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        return (lower.contains(":") ? "[" + lower + "]" : lower) + ":" + port;
    }
}
