package io.lancers.server.net;

/**
 * The timing rules of one connection, with time passed in (milliseconds of a monotonic clock):
 * the hello must arrive by a deadline; after it, anything received counts as liveness, and a
 * connection silent for the heartbeat timeout is dead. Heartbeats are due every interval once the
 * hello is in. Not thread-safe: the owning {@link Connection} synchronizes.
 */
final class Liveness {

    /** What {@link #poll(long)} asks the caller to do now. */
    enum Verdict { NOTHING, SEND_HEARTBEAT, HELLO_TIMEOUT, HEARTBEAT_TIMEOUT }

    private final long helloDeadline;
    private final long intervalMs;
    private final long timeoutMs;
    private boolean helloReceived;
    private long lastReceived;
    private long nextHeartbeat;

    Liveness(long openedAt, long helloTimeoutMs, long intervalMs, long timeoutMs) {
        this.helloDeadline = openedAt + helloTimeoutMs;
        this.intervalMs = intervalMs;
        this.timeoutMs = timeoutMs;
        this.lastReceived = openedAt;
    }

    /** Any frame from the peer. */
    void received(long now) {
        lastReceived = now;
    }

    /** The hello arrived: heartbeats start now, and the heartbeat timeout replaces the hello deadline. */
    void helloReceived(long now) {
        helloReceived = true;
        lastReceived = now;
        nextHeartbeat = now;
    }

    Verdict poll(long now) {
        if (!helloReceived) {
            return now >= helloDeadline ? Verdict.HELLO_TIMEOUT : Verdict.NOTHING;
        }
        if (now - lastReceived >= timeoutMs) {
            return Verdict.HEARTBEAT_TIMEOUT;
        }
        if (now >= nextHeartbeat) {
            // Keep the rhythm when a poll is a little late; after a long stall, restart it from now
            // rather than sending a burst of overdue heartbeats.
            nextHeartbeat += intervalMs;
            if (nextHeartbeat <= now) {
                nextHeartbeat = now + intervalMs;
            }
            return Verdict.SEND_HEARTBEAT;
        }
        return Verdict.NOTHING;
    }
}
