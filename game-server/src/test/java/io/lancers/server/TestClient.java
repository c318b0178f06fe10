package io.lancers.server;

import io.lancers.load.WholeMessageListener;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.InputFormat;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.Input;
import io.lancers.sim.World;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;


/**
 * A real protocol client for integration tests, on the JDK's WebSocket: records every control
 * message, applies state frames to its own {@link World} like a game client would, answers the
 * server's heartbeats (unless told to go silent), and reports how the connection closed.
 */
final class TestClient extends WholeMessageListener {
    /** How long a test waits for a state before it fails: generous, for a busy 2-core CI machine. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    /**
     * The control messages received, oldest first, at most the last {@link #KEPT_MESSAGES}: a long
     * run (the wire fuzz sees a join and a leave notice per hostile connection) must not grow the
     * heap it measures.
     */
    private final ArrayDeque<ServerMessage> messages = new ArrayDeque<>();
    private static final int KEPT_MESSAGES = 1_000;
    private final AtomicInteger stateFrames = new AtomicInteger();
    private final AtomicInteger gaps = new AtomicInteger();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private volatile World world;
    private volatile boolean silent;
    private volatile Throwable failure;

    record Closed(int code, String reason) {
    }

    /**
     * A {@code joined} as it arrived: the world the client had then (null: none yet) and the one the
     * next state frame made, which tells whether the new map and its world came together.
     */
    record Arrival(ServerMessage.Joined joined, World before, CompletableFuture<World> after) {
    }

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    private TestClient(URI uri, String subprotocol, String... moreSubprotocols) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(subprotocol, moreSubprotocols)
                .connectTimeout(PATIENCE)
                .buildAsync(uri, this)
                .orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** The server's WebSocket URL on 127.0.0.1. */
    static URI uri(GameServer server) {
        return URI.create("ws://127.0.0.1:" + server.port() + ProtocolVersion.ENDPOINT_PATH);
    }

    /** Offers {@code lancers.v5}, the one spoken subprotocol. */
    static TestClient connect(GameServer server) {
        return new TestClient(uri(server), ProtocolVersion.SUBPROTOCOL);
    }

    /** Offers these subprotocols, in this order; INPUT follows whichever the server picks. */
    static TestClient connect(GameServer server, String subprotocol, String... more) {
        return new TestClient(uri(server), subprotocol, more);
    }

    /** Connects and says hello: returns once the welcome is in. */
    static TestClient hello(GameServer server, String name) {
        TestClient client = connect(server);
        client.send(new ClientMessage.Hello(name, null));
        client.await(ServerMessage.Welcome.class);
        return client;
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(ClientMessage message) {
        sendText(ControlCodec.encode(message));
    }

    /** The JDK's WebSocket allows one send at a time; the test thread and the heartbeat answers take turns. */
    synchronized void sendText(String raw) {
        socket.sendText(raw, true).join();
    }

    /** For a frame the server may refuse and close the connection for while it is still going out. */
    synchronized void sendTextUnchecked(String raw) {
        socket.sendText(raw, true).handle((sent, closedMeanwhile) -> null).join();
    }

    synchronized void sendBinary(byte[] frame) {
        socket.sendBinary(ByteBuffer.wrap(frame), true).join();
    }

    /** In the negotiated subprotocol's layout. */
    void sendInput(Input input) {
        sendBinary(InputCodec.encode(input, InputFormat.of(subprotocol()).orElseThrow()));
    }

    /** For inputs the server may close the connection over while they are still going out. */
    synchronized void sendInputUnchecked(Input input) {
        socket.sendBinary(ByteBuffer.wrap(InputCodec.encode(input)), true).handle((sent, closedMeanwhile) -> null).join();
    }

    /** Stops answering and sending anything, as a frozen client would; the socket stays open. */
    void goSilent() {
        silent = true;
    }

    /** Drops the TCP connection without a close frame. */
    void abort() {
        socket.abort();
    }

    int stateFrames() {
        return stateFrames.get();
    }

    /** Deltas whose base tick was not the last tick applied: frames lost or out of order. */
    int gaps() {
        return gaps.get();
    }

    World world() {
        return world;
    }

    /** The {@code n}th {@code joined} (1: the first) with the worlds around it, once it is in. */
    Arrival awaitJoined(int n) {
        Arrival arrival = awaitValue(() -> arrivals.size() < n ? Optional.empty() : Optional.of(arrivals.get(n - 1)),
                "joined number " + n);
        arrival.after().orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        return arrival;
    }

    List<ServerMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    <T extends ServerMessage> T await(Class<T> type) {
        return await(type, any -> true);
    }

    /** The first message so far of this type that matches, or the first to arrive within the patience. */
    <T extends ServerMessage> T await(Class<T> type, Predicate<T> matching) {
        return awaitValue(() -> messages().stream().filter(type::isInstance).map(type::cast).filter(matching).findFirst(),
                "a " + type.getSimpleName() + " matching the test's condition");
    }

    World awaitWorld(Predicate<World> matching) {
        return awaitValue(() -> Optional.ofNullable(world).filter(matching), "a world matching the test's condition");
    }

    Closed awaitClose() {
        return closed.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    <T> T awaitValue(Supplier<Optional<T>> probe, String what) {
        try {
            return Awaitility.await(what).atMost(PATIENCE).until(() -> {
                if (failure != null) {
                    throw new AssertionError("client failed while waiting for " + what, failure);
                }
                return probe.get();
            }, Optional::isPresent).get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; received " + messages(), e);
        }
    }

    /** Closes with {@code code} as a client that leaves on purpose does, and waits for the server's close. */
    Closed closeWith(int code) {
        socket.sendClose(code, "bye").join();
        return awaitClose();
    }

    synchronized void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").handle((sent, failed) -> null).join();
        }
        socket.abort();
    }

    // ---- WebSocket.Listener, on the HTTP client's threads ----

    @Override
    protected void onWholeText(WebSocket webSocket, String text) {
        try {
            ServerMessage message = ControlCodec.decodeServer(text);
            synchronized (messages) {
                messages.addLast(message);
                if (messages.size() > KEPT_MESSAGES) {
                    messages.removeFirst();
                }
            }
            if (message instanceof ServerMessage.Joined joined) {
                arrivals.add(new Arrival(joined, world, new CompletableFuture<>()));
            }
            if (message instanceof ServerMessage.Heartbeat heartbeat && !silent && !webSocket.isOutputClosed()) {
                send(new ClientMessage.HeartbeatAck(heartbeat.t()));
            }
        } catch (ProtocolException | RuntimeException e) {
            failure = e;
        }
    }

    @Override
    protected void onWholeBinary(WebSocket webSocket, ByteBuffer frame, long arrivedNanos) {
        try {
            StateCodec.Header header = StateCodec.header(frame);
            World current = world;
            if (header.kind() == StateCodec.SNAPSHOT || (current != null && current.tick() == header.baseTick())) {
                world = StateCodec.apply(current, frame);
            } else {
                gaps.incrementAndGet();
            }
            if (!arrivals.isEmpty()) {
                arrivals.get(arrivals.size() - 1).after().complete(world); // only the first frame after it counts
            }
            stateFrames.incrementAndGet();
        } catch (ProtocolException | RuntimeException e) {
            failure = e;
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }
}
