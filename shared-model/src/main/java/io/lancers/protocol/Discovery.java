package io.lancers.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * LAN discovery over UDP: a client sends {@link #PROBE} to a target address (a setting: the LAN
 * broadcast address in real use, 127.0.0.1 in tests) on {@link #DEFAULT_PORT}; each server answers
 * the sender with one datagram holding a {@link Reply} as JSON (UTF-8).
 */
public final class Discovery {
    public static final int DEFAULT_PORT = 8026;
    /** The probe payload, exactly these ASCII bytes. */
    public static final byte[] PROBE = "LANCERS_DISCOVER/1".getBytes(StandardCharsets.US_ASCII);
    /** Replies larger than this are cut to fewer matches by the server. */
    public static final int MAX_REPLY_BYTES = 1400;

    /**
     * A server's answer: its name, where to connect ({@code wss://}: TLS), its matches, and whether
     * it asks a password at hello (absent in replies of older servers: read as false).
     */
    public record Reply(String type, String name, String version, String url, String protocol,
                        List<ServerMessage.MatchInfo> matches, boolean passwordRequired) {
        public static final String TYPE = "lancers.server";

        public Reply {
            matches = List.copyOf(matches);
        }

        /** This reply listing only {@code fewer} matches. */
        public Reply withMatches(List<ServerMessage.MatchInfo> fewer) {
            return new Reply(type, name, version, url, protocol, fewer, passwordRequired);
        }

        /** Whether {@link #url()} is {@code wss://}. */
        public boolean tls() {
            return url.startsWith("wss://");
        }
    }

    private Discovery() {
    }
}
