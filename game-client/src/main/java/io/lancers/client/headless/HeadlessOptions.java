package io.lancers.client.headless;

import io.lancers.client.tls.ServerTrust;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What a headless run does.
 *
 * @param server        the server's WebSocket URL, e.g. {@code ws://127.0.0.1:8025/game}
 * @param bots          how many clients to run in this process, at least 1
 * @param spectateMatch the match every client spectates; null: every client plays (joins the first open match)
 * @param duration      how long to run before closing every connection
 * @param namePrefix    client names are this plus 1..bots, e.g. {@code bot3}
 * @param out           where the JSON lines go
 * @param trust         which {@code wss://} certificates are trusted (nobody is asked: an untrusted one fails the client)
 */
public record HeadlessOptions(URI server, int bots, String spectateMatch, Duration duration, String namePrefix,
                              PrintStream out, ServerTrust trust) {

    public HeadlessOptions {
        Objects.requireNonNull(server);
        Objects.requireNonNull(duration);
        Objects.requireNonNull(namePrefix);
        Objects.requireNonNull(out);
        Objects.requireNonNull(trust);
        if (bots < 1) {
            throw new IllegalArgumentException("bots must be at least 1: " + bots);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
    }
}
