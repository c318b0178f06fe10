package io.lancers.server.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one scheduler thread that keeps time for every connection: heartbeats out, hello and
 * heartbeat timeouts. It polls each connection a few times per heartbeat interval; the rules are
 * in {@link Liveness}. It also takes the matches' answers off their tick threads ({@link #handOff}).
 */
final class Heartbeats implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Heartbeats.class.getName());
    /** Polls per heartbeat interval: the timeouts fire at most a quarter interval late. */
    private static final int POLLS_PER_INTERVAL = 4;

    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final HeartbeatFrames frames = new HeartbeatFrames();

    Heartbeats(String threadName, long intervalMs) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, intervalMs / POLLS_PER_INTERVAL);
        scheduler.scheduleAtFixedRate(this::pollAll, period, period, TimeUnit.MILLISECONDS);
    }

    void add(Connection connection) {
        connections.add(connection);
    }

    void remove(Connection connection) {
        connections.remove(connection);
    }

    /**
     * Runs a short task on this thread soon: a match's answer to a connection is handled here, so
     * that the match's tick thread never waits for a connection's lock. After {@link #close()},
     * on the caller's thread.
     */
    void handOff(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException closed) {
            task.run();
        }
    }

    Set<Connection> connections() {
        return Set.copyOf(connections);
    }

    private void pollAll() {
        long now = Connection.nowMs();
        for (Connection connection : connections) {
            try {
                connection.poll(now, frames);
            } catch (RuntimeException e) {
                // One broken connection must not stop the clock for everyone else.
                LOG.log(Level.WARNING, "heartbeat poll failed for " + connection.label(), e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
