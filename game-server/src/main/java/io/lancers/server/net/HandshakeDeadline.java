package io.lancers.server.net;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Closes a TCP connection that has not become a WebSocket within a deadline of its accept: one
 * that sends nothing, a partial HTTP request (slowloris), or a plain HTTP connection kept alive.
 *
 * <p>Why our own filter: Grizzly's only idle guard is the listener's keep-alive
 * {@code IdleTimeoutFilter} (30 s by default), which we switch off because it would also close
 * quiet WebSockets, whose liveness is ours ({@link Heartbeats}); and it restarts on every byte, so
 * a request dripping one byte at a time would never time out. This is a deadline, not an idle
 * timer. Once Tyrus has upgraded the connection the hello timeout and heartbeats take over.
 */
final class HandshakeDeadline extends BaseFilter implements AddOn, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HandshakeDeadline.class.getName());
    private static final Attribute<ScheduledFuture<?>> DEADLINE =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HandshakeDeadline.class.getName() + ".deadline");

    private final long timeoutMs;
    private final ScheduledThreadPoolExecutor timer;

    HandshakeDeadline(long timeoutMs) {
        this.timeoutMs = timeoutMs;
        timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "lancers-handshake-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // A connection that upgrades or closes in time cancels its task: do not keep it queued.
        timer.setRemoveOnCancelPolicy(true);
    }

    /** First after the transport: sees every connection from its accept, before TLS and HTTP. */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(builder.indexOfType(TransportFilter.class) + 1, this);
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) {
        Connection<?> connection = ctx.getConnection();
        DEADLINE.set(connection, timer.schedule(() -> expire(connection), timeoutMs, TimeUnit.MILLISECONDS));
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) {
        ScheduledFuture<?> deadline = DEADLINE.remove(ctx.getConnection());
        if (deadline != null) {
            deadline.cancel(false);
        }
        return ctx.getInvokeAction();
    }

    private void expire(Connection<?> connection) {
        DEADLINE.remove(connection);
        if (connection.isOpen() && UpgradedReads.WEB_SOCKET.get(connection) == null) {
            LOG.info(() -> "closing " + connection.getPeerAddress() + ": no WebSocket within " + timeoutMs + " ms");
            connection.closeSilently();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
