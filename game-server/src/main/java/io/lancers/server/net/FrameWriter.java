package io.lancers.server.net;

import jakarta.websocket.Session;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Writes whole, already framed WebSocket frames to one Tyrus session: {@link TyrusWebSocket#sendRawFrame},
 * the write Tyrus's own broadcast uses. The frame goes through the session's protocol handler and
 * writer like any message Tyrus frames itself (so in order with Tyrus's own sends, such as the close
 * frame, and through the TLS filter on wss), but without Tyrus building and copying a frame, a
 * message future and a send handler per receiver (BENCHMARKS.md §3).
 *
 * <p>Jakarta WebSocket has no raw write, and a session does not hand out its {@link TyrusWebSocket}:
 * it is read once per connection from the session's remote endpoint (field {@code webSocket} of
 * Tyrus 2.2.2's {@link TyrusRemoteEndpoint}; should an upgrade move it, the first connection fails and so does every
 * server test).
 */
final class FrameWriter {
    private static final VarHandle WEB_SOCKET = webSocketField();

    private final TyrusWebSocket socket;

    private FrameWriter(TyrusWebSocket socket) {
        this.socket = socket;
    }

    static FrameWriter of(Session session) {
        return new FrameWriter((TyrusWebSocket) WEB_SOCKET.get((TyrusRemoteEndpoint) session.getAsyncRemote()));
    }

    /**
     * Queues {@code frame} (a view of its own: the writer consumes it) for the socket; returns its
     * completion, done once the bytes are with the operating system.
     *
     * @throws RuntimeException when the session is no longer open
     */
    CompletableFuture<?> write(ByteBuffer frame) {
        Future<?> written = socket.sendRawFrame(frame);
        // Tyrus completes every write with a TyrusFuture, which is a CompletableFuture.
        return (CompletableFuture<?>) written;
    }

    private static VarHandle webSocketField() {
        try {
            return MethodHandles.privateLookupIn(TyrusRemoteEndpoint.class, MethodHandles.lookup())
                    .findVarHandle(TyrusRemoteEndpoint.class, "webSocket", TyrusWebSocket.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("Tyrus's remote endpoint has no webSocket field (Tyrus 2.2.2 has): " + e);
        }
    }
}
