package io.lancers.client.ui;

import java.security.SecureRandom;
import java.util.Base64;

/** The secret that makes the host's own connection the host's (PROTOCOL.md §18.2): 128 random bits, new per server. */
final class HostToken {
    private static final SecureRandom RANDOM = new SecureRandom();

    private HostToken() {
    }

    static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
