package io.lancers.server.net;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * At most one discovery reply per source address per spacing, so a spoofed or looping prober
 * cannot turn the server into a packet cannon. Time is passed in (nanoseconds, monotonic).
 * Used by the single discovery thread only.
 */
final class ReplyRateLimiter {
    /** Above this many remembered sources, forget the ones whose spacing has passed; still above: refuse. */
    private static final int PRUNE_ABOVE = 1024;

    private final long spacingNanos;
    private final Map<InetAddress, Long> lastReply = new HashMap<>();

    ReplyRateLimiter(long spacingNanos) {
        this.spacingNanos = spacingNanos;
    }

    boolean allow(InetAddress source, long now) {
        Long last = lastReply.get(source);
        if (last != null && now - last < spacingNanos) {
            return false;
        }
        if (lastReply.size() >= PRUNE_ABOVE) {
            lastReply.values().removeIf(at -> now - at >= spacingNanos);
            if (lastReply.size() >= PRUNE_ABOVE) {
                return false; // a flood from many sources: stay silent rather than remember without bound
            }
        }
        lastReply.put(source, now);
        return true;
    }
}
