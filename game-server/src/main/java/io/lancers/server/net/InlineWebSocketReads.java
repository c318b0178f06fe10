package io.lancers.server.net;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.IOEvent;
import org.glassfish.grizzly.IOStrategy;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * Where Grizzly runs a connection's I/O events: an upgraded WebSocket's reads on the selector thread that
 * saw them, everything else on the worker threads, as Grizzly's {@link WorkerThreadIOStrategy} does.
 *
 * <p>Why: a read handed to a worker costs a hand-off to another thread, the read interest switched off
 * and, from the worker, on again through the selector's task queue and a wake-up of its thread: two
 * thread switches and three system calls for every heartbeat ack, a thousand a second with a thousand
 * spectators, for a read whose own work is a few microseconds (BENCHMARKS.md §3, issue 14 step 5). On the
 * selector thread the read runs where the event was seen and its interest stays on, as Node's event loop
 * reads.
 *
 * <p>What may run there: Tyrus's frame parser and our endpoint's handling of a client message, which
 * never waits (joins, host orders and the like are futures the tick completes; replies are non-blocking
 * writes, {@link FrameWriter}). The handshake and plain HTTP (the status, metrics, the spectator page,
 * the broadcast, whose handlers may read files) are not upgraded connections: they stay on the workers,
 * as do closes. A connection counts as upgraded once Tyrus's filter has marked it
 * ({@link UpgradedReads#WEB_SOCKET}), after the read that carried its handshake has finished on a worker:
 * reads of one connection never overlap.
 */
final class InlineWebSocketReads implements IOStrategy {
    private static final IOStrategy INLINE = SameThreadIOStrategy.getInstance();
    private static final IOStrategy WORKERS = WorkerThreadIOStrategy.getInstance();

    private static IOStrategy of(Connection<?> connection, IOEvent event) {
        return event == IOEvent.READ && UpgradedReads.WEB_SOCKET.get(connection) != null ? INLINE : WORKERS;
    }

    @Override
    public boolean executeIoEvent(Connection connection, IOEvent ioEvent) throws IOException {
        return executeIoEvent(connection, ioEvent, true);
    }

    @Override
    public boolean executeIoEvent(Connection connection, IOEvent ioEvent, boolean isIoEventEnabled) throws IOException {
        return of(connection, ioEvent).executeIoEvent(connection, ioEvent, isIoEventEnabled);
    }

    @Override
    public Executor getThreadPoolFor(Connection connection, IOEvent ioEvent) {
        return of(connection, ioEvent).getThreadPoolFor(connection, ioEvent);
    }

    @Override
    public ThreadPoolConfig createDefaultWorkerPoolConfig(Transport transport) {
        return WORKERS.createDefaultWorkerPoolConfig(transport);
    }
}
