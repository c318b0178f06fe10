package io.lancers.server.net;

import jakarta.websocket.Session;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.grizzly.ssl.SSLBaseFilter;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyWriter;
import org.glassfish.tyrus.core.ProtocolHandler;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;
import org.glassfish.tyrus.spi.Writer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes whole, already framed WebSocket frames to one session's Grizzly connection, into Grizzly's
 * write queue, which keeps whole frames in order with the frames Tyrus writes itself (the close, a
 * pong). On wss the frame goes through the connection's filter chain, whose TLS filter encrypts it;
 * on plain ws straight to the transport's write queue, which is where the chain ends: the filters above
 * it (HTTP codec, idle timeout, Tyrus's upgrade filter) pass a WebSocket frame through untouched, at the
 * price of a chain context and two attribute look-ups per write. Per write: a view of the frame and a
 * Grizzly wrapper of it; the completion handler is this connection's one, shared by all its writes.
 * Tyrus's own write path costs about ten objects, a task queue and a lock per frame on top of that
 * (BENCHMARKS.md §3).
 *
 * <p>Counts writes in flight, from the call until Grizzly reports the bytes with the operating system (most
 * writes are done before the call returns): the match's slow-consumer signal. Grizzly's write queue
 * itself is unbounded; that count is what bounds it.
 *
 * <p>Jakarta WebSocket has no raw write and a session does not hand out its connection: it is read once
 * per session through three private fields of Tyrus 2.2.2 ({@link TyrusRemoteEndpoint}{@code .webSocket},
 * {@link TyrusWebSocket}{@code .protocolHandler}, {@link ProtocolHandler}{@code .writer}) and a
 * package-private one of its Grizzly container ({@link GrizzlyWriter}{@code .connection}). Should an
 * upgrade move them, class loading fails and so does every server test.
 */
final class FrameWriter {
    private static final VarHandle WEB_SOCKET = field(TyrusRemoteEndpoint.class, "webSocket", TyrusWebSocket.class);
    private static final VarHandle PROTOCOL_HANDLER = field(TyrusWebSocket.class, "protocolHandler", ProtocolHandler.class);
    private static final VarHandle WRITER = field(ProtocolHandler.class, "writer", Writer.class);
    private static final VarHandle CONNECTION = field(GrizzlyWriter.class, "connection", org.glassfish.grizzly.Connection.class);

    private final org.glassfish.grizzly.Connection<?> connection;
    /** The transport's write queue, for a connection without TLS; null: through the filter chain. */
    private final org.glassfish.grizzly.Writer<?> plain;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Written written = new Written();

    private FrameWriter(org.glassfish.grizzly.Connection<?> connection) {
        this.connection = connection;
        Processor<?> processor = connection.getProcessor() != null ? connection.getProcessor()
                : connection.getTransport().getProcessor();
        boolean tls = !(processor instanceof FilterChain chain) || chain.indexOfType(SSLBaseFilter.class) >= 0;
        this.plain = tls ? null : connection.getTransport().getWriter(false);
    }

    /** The session's connection: Tyrus gives it a writer before it opens the session. */
    static FrameWriter of(Session session) {
        TyrusWebSocket socket = (TyrusWebSocket) WEB_SOCKET.get((TyrusRemoteEndpoint) session.getAsyncRemote());
        Writer writer = (Writer) WRITER.get((ProtocolHandler) PROTOCOL_HANDLER.get(socket));
        return new FrameWriter((org.glassfish.grizzly.Connection<?>) CONNECTION.get((GrizzlyWriter) writer));
    }

    /** Queues {@code frame} (a view of its own: the write consumes it); a closed connection drops it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void write(ByteBuffer frame) {
        inFlight.incrementAndGet();
        try {
            ByteBufferWrapper message = new ByteBufferWrapper(frame);
            if (plain != null) {
                ((org.glassfish.grizzly.Writer) plain).write(connection, null, message, written);
            } else {
                connection.write(message, (EmptyCompletionHandler) written);
            }
        } catch (RuntimeException closedMeanwhile) {
            inFlight.decrementAndGet();
        }
    }

    /** Writes queued and not yet taken by the operating system. */
    int inFlight() {
        return inFlight.get();
    }

    /** Every end of a write counts it done; Grizzly calls one of these exactly once per write. */
    private final class Written extends EmptyCompletionHandler<WriteResult<?, ?>> {
        @Override
        public void completed(WriteResult<?, ?> result) {
            inFlight.decrementAndGet();
        }

        @Override
        public void failed(Throwable throwable) {
            inFlight.decrementAndGet();
        }

        @Override
        public void cancelled() {
            inFlight.decrementAndGet();
        }
    }

    private static <T> VarHandle field(Class<T> owner, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(owner.getName() + " has no field " + name + " of type "
                    + type.getName() + " (Tyrus 2.2.2 has): " + e);
        }
    }
}
