package io.lancers.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * The JDK closes every log handler from a shutdown hook of its own, which runs at the same time as
 * the server's: the server's last lines on Ctrl+C ("m1: stopped") were lost. This manager holds
 * that reset back until the server says it has closed, or a few seconds have passed.
 * {@link ServerMain} installs it (system property {@code java.util.logging.manager}).
 */
public final class ServerLogManager extends LogManager {
    private static final long MOST_WAIT_SECONDS = 5;
    private static final CountDownLatch SERVER_CLOSED = new CountDownLatch(1);

    /** Lets logging shut down: the server will log nothing more. */
    static void serverClosed() {
        SERVER_CLOSED.countDown();
    }

    @Override
    public void reset() {
        if (jvmShuttingDown()) {
            try {
                SERVER_CLOSED.await(MOST_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.reset();
    }

    /** The documented way to ask: registering a hook is refused once shutdown has begun. */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }
}
