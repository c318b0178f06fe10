package io.lancers.server.net;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Events counted by a short key (a refusal's reason, a close code), from any thread, for
 * {@code /metrics}. Keys come from the code, never from a peer, so the set stays small.
 */
final class Tally {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Every key counted so far with its count, sorted by key. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}
