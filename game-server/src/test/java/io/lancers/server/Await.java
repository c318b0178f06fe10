package io.lancers.server;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition with generous patience: integration tests wait for states, never for durations. */
final class Await {
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private Await() {
    }

    static <T> T until(Supplier<Optional<T>> probe, Supplier<String> what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            pause();
        }
        throw new AssertionError("timed out waiting for " + what.get());
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
