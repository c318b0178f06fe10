package io.lancers.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's SHA-256 fingerprint: the digest of its DER encoding, as {@code openssl x509
 * -fingerprint -sha256} and browsers show it. The server prints it, the client shows it and keeps
 * it: both write it as 32 upper-case hex pairs joined by colons ({@code AB:CD:…}), and
 * {@link #parse} also takes lower case, no separators, or spaces, as people copy it.
 */
public final class Fingerprint {
    public static final int BYTES = 32;
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private final byte[] sha256;

    private Fingerprint(byte[] sha256) {
        this.sha256 = sha256;
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            // Every JDK has SHA-256, and a certificate we were handed was decoded from its encoding.
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    /**
     * {@code AB:CD:…}, {@code abcd…} or {@code AB CD …}: 64 hex digits, optionally an {@code SHA256:} /
     * {@code SHA-256:} prefix and ':' or ' ' between the pairs.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Fingerprint parse(String text) {
        String s = text.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"sha-256:", "sha256:"}) {
            if (lower.startsWith(prefix)) {
                s = s.substring(prefix.length()).trim();
                break;
            }
        }
        String digits = s.replace(":", "").replace(" ", "");
        if (digits.length() != 2 * BYTES) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 64 hex digits, this has " + digits.length()
                    + ": " + abbreviate(text));
        }
        try {
            return new Fingerprint(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex SHA-256 fingerprint: " + abbreviate(text));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    /** Whether {@code certificate} is the one this fingerprint names. */
    public boolean matches(X509Certificate certificate) {
        return equals(of(certificate));
    }

    @Override
    public boolean equals(Object o) {
        // Fingerprints are public values: no need for a constant-time comparison.
        return o instanceof Fingerprint f && Arrays.equals(sha256, f.sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    /** {@code AB:CD:…:EF}: 95 characters. */
    @Override
    public String toString() {
        return COLONS.formatHex(sha256);
    }
}
