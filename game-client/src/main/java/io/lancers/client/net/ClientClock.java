package io.lancers.client.net;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Time and timers for the connection, injectable so tests step time instead of sleeping.
 * Scheduled tasks must be short and must not block: they share one thread.
 */
public interface ClientClock {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} once, after {@code delayNanos}. */
    Timer schedule(Runnable task, long delayNanos);

    /** A scheduled task; cancelling an already run or cancelled task does nothing. */
    interface Timer {
        void cancel();
    }

    /** The system clock, with one shared daemon timer thread for every connection in the process. */
    static ClientClock system() {
        return SystemClock.INSTANCE;
    }

    /** {@link System#nanoTime()} and a single daemon timer thread. */
    final class SystemClock implements ClientClock {
        private static final Logger LOG = Logger.getLogger(SystemClock.class.getName());
        static final SystemClock INSTANCE = new SystemClock();

        private final ScheduledExecutorService timer;

        private SystemClock() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "lancers-client-timer");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            timer = executor;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Timer schedule(Runnable task, long delayNanos) {
            var future = timer.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // One failing task must not kill the timer thread every connection shares.
                    LOG.log(Level.WARNING, "client timer task failed", e);
                }
            }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        }
    }
}
