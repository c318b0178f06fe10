package io.lancers.client.tls;

import io.lancers.tls.Fingerprint;

import java.util.Objects;

/**
 * A {@code wss://} server whose certificate neither the JVM nor a pin trusts.
 *
 * @param host      as the player typed it, without IPv6 brackets
 * @param presented the fingerprint of the certificate the server showed
 * @param known     the fingerprint remembered for this host and port, or null when it was never trusted
 * @param knownHosts the file the trust is remembered in, for the warning's advice
 */
public record CertificateRefusal(String host, int port, Fingerprint presented, Fingerprint known, String knownHosts) {

    public CertificateRefusal {
        Objects.requireNonNull(host);
        Objects.requireNonNull(presented);
    }

    /** The host:port was trusted with another certificate: an impostor, or the server made a new one. */
    public boolean changed() {
        return known != null;
    }

    /** {@code host:port}, IPv6 in brackets. */
    public String address() {
        return KnownHosts.address(host, port);
    }

    /** One line, for logs and the connection's state detail. */
    public String summary() {
        return changed()
                ? "the certificate of " + address() + " CHANGED: it was " + known + ", now it is " + presented
                : "the certificate of " + address() + " is not trusted: SHA-256 " + presented;
    }

    /** What the client prints to stderr when a certificate changed: as loud as SSH's. */
    public String warning() {
        return String.join(System.lineSeparator(),
                "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                "@  WARNING: THE SERVER'S CERTIFICATE HAS CHANGED!          @",
                "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                "Someone may be impersonating " + address() + " (a man-in-the-middle attack),",
                "or its host made a new certificate. Not connecting.",
                "Trusted before: SHA-256 " + known,
                "Presented now:  SHA-256 " + presented,
                "If the host confirms the new fingerprint, remove the line of " + address() + " from "
                        + (knownHosts == null ? "the known hosts file" : knownHosts) + " and connect again.");
    }
}
