package io.lancers.server.net;

/**
 * How many control messages one connection may send: a token bucket of {@code burst} messages,
 * refilled at {@code perSecond}. An honest client sends a few per second (heartbeats, their
 * answers, a chat line, a resync); a client beyond this is flooding. Time is passed in
 * (milliseconds of a monotonic clock). Not thread-safe: the owning {@link Connection} synchronizes.
 */
final class MessageRate {
    /** Generous for a person and any client that follows the protocol; nothing for a script. */
    static final int DEFAULT_BURST = 100;
    static final int DEFAULT_PER_SECOND = 50;

    private final double burst;
    private final double perMs;
    private double tokens;
    private long lastMs;

    MessageRate(int burst, int perSecond, long nowMs) {
        this.burst = burst;
        this.perMs = perSecond / 1000.0;
        this.tokens = burst;
        this.lastMs = nowMs;
    }

    /** Takes one message's token; false when the bucket is empty (the message is one too many). */
    boolean allow(long nowMs) {
        tokens = Math.min(burst, tokens + Math.max(0, nowMs - lastMs) * perMs);
        lastMs = nowMs;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
