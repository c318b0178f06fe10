package io.lancers.server.match;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Resume tokens: 128 random bits, base64url without padding; compared in constant time, logged redacted. */
final class ResumeTokens {
    /** 16 bytes in base64url without padding. */
    static final int LENGTH = 22;
    private static final int LOGGED_CHARS = 6;

    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether the string could be a token at all; cheap pre-check before asking the matches. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == LENGTH
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

    static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /** The first few characters only: enough to correlate log lines, useless to an attacker. */
    static String redact(String token) {
        return token == null ? "null" : token.substring(0, Math.min(LOGGED_CHARS, token.length())) + "…";
    }
}
