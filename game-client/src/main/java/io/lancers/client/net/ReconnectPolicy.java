package io.lancers.client.net;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How a lost link is retried: exponential backoff with full jitter (the delay before attempt n is
 * uniform in {@code [0, min(maxDelay, baseDelay × multiplier^(n-1))]}), giving up once the next
 * attempt would start more than {@code giveUpAfter} after the link was lost.
 *
 * @param baseDelay      the cap of the first attempt's delay
 * @param multiplier     growth of the cap per attempt, at least 1
 * @param maxDelay       the largest cap
 * @param giveUpAfter    total time budget for reconnecting
 * @param connectTimeout how long one attempt may take from opening the socket to {@code welcome}
 */
public record ReconnectPolicy(Duration baseDelay, double multiplier, Duration maxDelay, Duration giveUpAfter,
                              Duration connectTimeout) {

    public ReconnectPolicy {
        Objects.requireNonNull(baseDelay);
        Objects.requireNonNull(maxDelay);
        Objects.requireNonNull(giveUpAfter);
        Objects.requireNonNull(connectTimeout);
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || connectTimeout.isNegative()
                || connectTimeout.isZero()) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay and connectTimeout > 0");
        }
    }

    /** 250 ms base, doubling, 5 s cap, give up after 60 s, 5 s per attempt. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofMillis(250), 2.0, Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(5));
    }

    /** The largest delay attempt {@code attempt} (1-based) may get. */
    public long capNanos(int attempt) {
        double cap = baseDelay.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return (long) Math.min(maxDelay.toNanos(), cap);
    }

    /** The delay before attempt {@code attempt}, with {@code random} uniform in [0, 1). */
    public long delayNanos(int attempt, DoubleSupplier random) {
        return (long) (random.getAsDouble() * capNanos(attempt));
    }
}
