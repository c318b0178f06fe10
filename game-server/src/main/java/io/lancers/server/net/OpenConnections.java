package io.lancers.server.net;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open WebSocket connections, counted per remote address: one address may hold at most
 * {@code perAddress} at a time, so a tight reconnect loop or a script cannot take every socket and
 * thread of the server. A LAN behind one NAT address shares the cap: raise it there.
 */
final class OpenConnections {
    private final int perAddress;
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    OpenConnections(int perAddress) {
        if (perAddress < 1) {
            throw new IllegalArgumentException("perAddress must be positive, was " + perAddress);
        }
        this.perAddress = perAddress;
    }

    /** Counts one more for {@code address}, unless it already holds its cap (then nothing changes). */
    boolean tryOpen(String address) {
        AtomicBoolean admitted = new AtomicBoolean();
        byAddress.compute(address, (key, open) -> {
            int now = open == null ? 0 : open;
            if (now >= perAddress) {
                return open;
            }
            admitted.set(true);
            return now + 1;
        });
        if (admitted.get()) {
            total.incrementAndGet();
        }
        return admitted.get();
    }

    /** One admitted connection of {@code address} closed. */
    void closed(String address) {
        byAddress.computeIfPresent(address, (key, open) -> open <= 1 ? null : open - 1);
        total.decrementAndGet();
    }

    int perAddress() {
        return perAddress;
    }

    int total() {
        return total.get();
    }

    int of(String address) {
        return byAddress.getOrDefault(address, 0);
    }
}
