package io.lancers.server.net;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.ByteBufferArray;
import org.glassfish.tyrus.container.grizzly.client.TaskProcessor;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;
import org.glassfish.tyrus.spi.ReadHandler;

import java.nio.ByteBuffer;

/**
 * Hands the bytes an upgraded WebSocket connection reads straight to Tyrus's frame parser. Without it
 * every read (a thousand spectators' heartbeat acks a second) goes through Grizzly's HTTP codec, which
 * wraps the bytes of an upgraded request as its body, and then the idle-timeout and file-cache filters
 * before it reaches Tyrus's {@link GrizzlyServerFilter}: code that runs per read and that C2 compiles in
 * a fresh server's first minute (BENCHMARKS.md §3, issue 14 step 5).
 *
 * <p>It sits right before the HTTP codec, so after TLS: on wss it gets the decrypted bytes. A connection
 * that has not upgraded (the handshake itself, plain HTTP: {@code /status}, {@code /metrics}, the
 * spectator page, the broadcast) passes through untouched, and so does everything but reads: writes, the
 * close (Tyrus's filter still closes the WebSocket) and errors take the chain as before. What it does with
 * an upgraded connection's read is what Tyrus's filter does: each buffer goes to the connection's
 * {@link ReadHandler} through the connection's {@link TaskProcessor}, which keeps reads and the close in
 * order.
 *
 * <p>Tyrus keeps both under Grizzly attributes of its own; attributes are shared by name, so these are
 * the same ones. Should an upgrade rename the first, no connection looks upgraded and every read takes
 * the long way (and {@code HandshakeDeadline} closes every WebSocket: its tests fail); the second, and
 * every read fails.
 */
final class UpgradedReads extends BaseFilter implements AddOn {
    /** Set by Tyrus's filter once the upgrade succeeded: the one sign, visible from Grizzly, that a connection is a WebSocket. */
    static final Attribute<org.glassfish.tyrus.spi.Connection> WEB_SOCKET =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(GrizzlyServerFilter.class.getName() + ".Connection");
    private static final Attribute<TaskProcessor> TASKS =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(TaskProcessor.class.getName() + ".TaskProcessor");

    /** Right before the HTTP codec: after the transport and TLS. */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(builder.indexOfType(HttpServerFilter.class), this);
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        Connection<?> connection = ctx.getConnection();
        org.glassfish.tyrus.spi.Connection webSocket = WEB_SOCKET.get(connection);
        if (webSocket == null) {
            return ctx.getInvokeAction();
        }
        Buffer bytes = ctx.getMessage();
        if (bytes.hasRemaining()) {
            ReadHandler parser = webSocket.getReadHandler();
            TaskProcessor tasks = TASKS.get(connection);
            if (!bytes.isComposite()) {
                tasks.processTask(new Parse(bytes.toByteBuffer(), parser));
            } else {
                ByteBufferArray parts = bytes.toByteBufferArray();
                ByteBuffer[] array = parts.getArray();
                for (int i = 0; i < parts.size(); i++) {
                    tasks.processTask(new Parse(array[i], parser));
                }
                parts.recycle();
            }
        }
        return ctx.getStopAction();
    }

    private static final class Parse extends TaskProcessor.Task {
        private final ByteBuffer bytes;
        private final ReadHandler parser;

        Parse(ByteBuffer bytes, ReadHandler parser) {
            this.bytes = bytes;
            this.parser = parser;
        }

        @Override
        public void execute() {
            parser.handle(bytes);
        }
    }
}
