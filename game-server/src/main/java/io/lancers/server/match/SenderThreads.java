package io.lancers.server.match;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A room's senders: the lanes of its {@link Outbox}, each a single thread {@code match-<id>-send-<n>}
 * that runs its batches one after another in the order given (so each peer's sends stay in tick order),
 * or, in tests, executors that run them inline.
 *
 * <p>How many: one per core, at most four. Each send is a write of a frame built once (a few µs of a
 * sender thread, most of it Grizzly's write path and the system call, BENCHMARKS.md §3); a thread per
 * core keeps the writes of a thousand spectators off the tick thread and lets them use every core.
 */
final class SenderThreads {
    private final List<Executor> lanes;

    private SenderThreads(List<Executor> lanes) {
        this.lanes = lanes;
    }

    /** The room's own threads, started with their first batch. */
    static SenderThreads start(String matchId) {
        return start(matchId, count(Runtime.getRuntime().availableProcessors()));
    }

    static SenderThreads start(String matchId, int threads) {
        return new SenderThreads(IntStream.rangeClosed(1, threads)
                .mapToObj(n -> (Executor) singleThread("match-" + matchId + "-send-" + n)).toList());
    }

    /** Lanes the caller runs (tests: {@code Runnable::run}); {@link #stop} and {@link #abandon} shut down the {@link ExecutorService}s among them. */
    static SenderThreads of(Executor... lanes) {
        return new SenderThreads(List.of(lanes));
    }

    /** Sender threads for {@code cores} cores: one per core, between one and four. */
    static int count(int cores) {
        return Math.max(1, Math.min(4, cores));
    }

    List<Executor> lanes() {
        return lanes;
    }

    /** Lets each sender finish what it was given (at most {@code timeoutMillis} each), then ends it. */
    void stop(long timeoutMillis) {
        for (Executor lane : lanes) {
            if (lane instanceof ExecutorService service) {
                service.shutdown();
                try {
                    service.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Ends the senders once they have finished what they were given, without waiting for it (a failed room). */
    void abandon() {
        for (Executor lane : lanes) {
            if (lane instanceof ExecutorService service) {
                service.shutdown();
            }
        }
    }

    /** One thread, FIFO; a daemon, so a room never holds the JVM open. */
    private static ExecutorService singleThread(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
