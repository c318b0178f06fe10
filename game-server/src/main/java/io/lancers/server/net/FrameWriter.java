package io.lancers.server.net;

import jakarta.websocket.Session;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.asyncqueue.TaskQueue;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.grizzly.nio.NIOConnection;
import org.glassfish.grizzly.ssl.SSLBaseFilter;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyWriter;
import org.glassfish.tyrus.core.ProtocolHandler;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes whole, already framed WebSocket frames to one session's Grizzly connection. On plain ws, when
 * nothing of the connection is queued, the frame goes straight to its {@link SocketChannel} (non-blocking):
 * most writes end there, without Grizzly's write machinery (a queue record, space accounting, a
 * re-entrance thread-local and monitoring probes per write: most of a sender thread's user time,
 * BENCHMARKS.md §3). Whatever the socket does not take, and every frame while something is queued, goes
 * into Grizzly's per-connection write queue, which writes it when the socket has room. On wss every
 * frame goes through the connection's filter chain, whose TLS filter encrypts it.
 *
 * <p>Order: every write of the connection happens under this object's lock, Tyrus's own (the close, a
 * pong) included: this writer puts itself in front of Tyrus's writer ({@link ProtocolHandler#setWriter}).
 * So nothing can be queued between "the queue is empty" and the direct write, and a frame the socket took
 * only in part is queued before anything else can be: whole frames, in the order written.
 *
 * <p>Counts writes in Grizzly's queue, from the call until Grizzly reports the bytes with the operating
 * system: the match's slow-consumer signal (a direct write that the socket took whole never counts). The
 * queue itself is unbounded; that count is what bounds it. The completion handler is this connection's
 * one, shared by all its writes.
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
    /** For a connection without TLS: its socket, and what of it Grizzly has queued. */
    private final SocketChannel channel;
    private final TaskQueue<?> queued;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Written written = new Written();

    private FrameWriter(org.glassfish.grizzly.Connection<?> connection) {
        this.connection = connection;
        Processor<?> processor = connection.getProcessor() != null ? connection.getProcessor()
                : connection.getTransport().getProcessor();
        boolean tls = !(processor instanceof FilterChain chain) || chain.indexOfType(SSLBaseFilter.class) >= 0;
        this.plain = tls ? null : connection.getTransport().getWriter(false);
        this.channel = tls ? null : (SocketChannel) ((NIOConnection) connection).getChannel();
        this.queued = tls ? null : ((NIOConnection) connection).getAsyncWriteQueue();
    }

    /**
     * The session's connection: Tyrus gives it a writer before it opens the session. From now on Tyrus
     * writes through the returned writer's lock.
     */
    static FrameWriter of(Session session) {
        TyrusWebSocket socket = (TyrusWebSocket) WEB_SOCKET.get((TyrusRemoteEndpoint) session.getAsyncRemote());
        ProtocolHandler handler = (ProtocolHandler) PROTOCOL_HANDLER.get(socket);
        Writer tyrus = (Writer) WRITER.get(handler);
        FrameWriter frames = new FrameWriter((org.glassfish.grizzly.Connection<?>) CONNECTION.get((GrizzlyWriter) tyrus));
        handler.setWriter(frames.new TyrusWrites(tyrus));
        return frames;
    }

    /** Writes or queues {@code frame} (a view of its own: the write consumes it); a closed connection drops it. */
    synchronized void write(ByteBuffer frame) {
        if (channel != null && queued.spaceInBytes() == 0) {
            try {
                channel.write(frame);
            } catch (IOException closedOrReset) {
                // Nothing was written: Grizzly's write below fails the same way and closes the connection.
            }
            if (!frame.hasRemaining()) {
                return;
            }
        }
        queue(frame);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void queue(ByteBuffer frame) {
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

    /** Tyrus's writes of this connection (the close, a pong), under the same lock as ours. */
    private final class TyrusWrites extends Writer {
        private final Writer tyrus;

        TyrusWrites(Writer tyrus) {
            this.tyrus = tyrus;
        }

        @Override
        public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
            synchronized (FrameWriter.this) {
                tyrus.write(buffer, completionHandler);
            }
        }

        @Override
        public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler, WriterInfo writerInfo) {
            synchronized (FrameWriter.this) {
                tyrus.write(buffer, completionHandler, writerInfo);
            }
        }

        /** Tyrus's writer closes the connection through the same task queue as its writes. */
        @Override
        public void close() throws IOException {
            synchronized (FrameWriter.this) {
                tyrus.close();
            }
        }
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
