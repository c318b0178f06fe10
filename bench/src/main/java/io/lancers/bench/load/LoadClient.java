package io.lancers.bench.load;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.Input;
import io.lancers.sim.World;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One protocol client of a load run, on the JDK's {@link WebSocket}: says hello, spectates or joins
 * the bench room, answers heartbeats, and checks every state frame's base tick against the last
 * tick it has. A gap is counted and answered with {@code resync}, as a real client would. It
 * decodes worlds only when asked to ({@code keepWorld}): a thousand spectators need headers only.
 */
public final class LoadClient implements WebSocket.Listener {
    /** Why a load client is in the room. */
    public enum Role { SPECTATE, PLAY }

    private final Role role;
    private final String name;
    private final boolean keepWorld;
    private final ArrivalLog arrivals;
    private final CompletableFuture<ServerMessage.Joined> joined = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder textParts = new StringBuilder();
    private final ByteArrayOutputStream binaryParts = new ByteArrayOutputStream();
    private volatile BiConsumer<World, Long> onWorld = (w, nanos) -> { };
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    private volatile int lastTick = -1;
    private volatile int stateFrames;
    private volatile int snapshots;
    private volatile int gaps;
    private volatile int resyncs;
    private volatile boolean awaitingSnapshot;
    private volatile World world;

    private LoadClient(Role role, String name, boolean keepWorld, ArrivalLog arrivals) {
        this.role = role;
        this.name = name;
        this.keepWorld = keepWorld;
        this.arrivals = arrivals;
    }

    /**
     * Opens a connection; the returned client joins on its own (see {@link #joined()}).
     *
     * @param arrivals where to log each state frame's arrival, or null
     */
    public static CompletableFuture<LoadClient> connect(HttpClient http, URI uri, Role role, String name,
                                                        boolean keepWorld, ArrivalLog arrivals) {
        LoadClient client = new LoadClient(role, name, keepWorld, arrivals);
        return http.newWebSocketBuilder()
                .subprotocols(ProtocolVersion.SUBPROTOCOL)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, client)
                .thenApply(ws -> client);
    }

    /** Called on the client's thread with each decoded world and its arrival time; needs {@code keepWorld}. */
    public void onWorld(BiConsumer<World, Long> listener) {
        this.onWorld = listener;
    }

    public CompletableFuture<ServerMessage.Joined> joined() {
        return joined;
    }

    /** Completes with the close code the server sent (or 1006 if the connection just broke). */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public int stateFrames() {
        return stateFrames;
    }

    public int snapshots() {
        return snapshots;
    }

    public int gaps() {
        return gaps;
    }

    public int resyncs() {
        return resyncs;
    }

    public int lastTick() {
        return lastTick;
    }

    public void sendInput(Input input) {
        send(ws -> ws.sendBinary(ByteBuffer.wrap(InputCodec.encode(input)), true));
    }

    public void close() {
        send(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bench done"));
    }

    public void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private void sendText(ClientMessage message) {
        String json = ControlCodec.encode(message);
        send(ws -> ws.sendText(json, true));
    }

    /** The JDK's WebSocket takes one send at a time: chain them. */
    private synchronized void send(Function<WebSocket, CompletableFuture<WebSocket>> op) {
        sending = sending.handle((ws, failure) -> socket).thenCompose(op);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        sendText(new ClientMessage.Hello(name, null));
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        textParts.append(data);
        if (last) {
            String json = textParts.toString();
            textParts.setLength(0);
            handle(json);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(String json) {
        ServerMessage message;
        try {
            message = ControlCodec.decodeServer(json);
        } catch (ProtocolException e) {
            throw new IllegalStateException("the server sent " + json, e);
        }
        if (message instanceof ServerMessage.Welcome) {
            sendText(role == Role.PLAY ? new ClientMessage.Join(ServerProcess.MATCH_ID)
                    : new ClientMessage.Spectate(ServerProcess.MATCH_ID));
        } else if (message instanceof ServerMessage.Joined j) {
            joined.complete(j);
        } else if (message instanceof ServerMessage.Heartbeat h) {
            sendText(new ClientMessage.HeartbeatAck(h.t()));
        } else if (message instanceof ServerMessage.Error e) {
            joined.completeExceptionally(new IllegalStateException(e.code() + ": " + e.message()));
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        long arrived = System.nanoTime();
        if (!last || binaryParts.size() > 0) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binaryParts.writeBytes(chunk);
            if (!last) {
                webSocket.request(1);
                return null;
            }
            data = ByteBuffer.wrap(binaryParts.toByteArray());
            binaryParts.reset();
        }
        try {
            stateFrame(data, arrived);
        } catch (ProtocolException e) {
            throw new IllegalStateException(name + ": bad state frame", e);
        }
        webSocket.request(1);
        return null;
    }

    private void stateFrame(ByteBuffer frame, long arrived) throws ProtocolException {
        StateCodec.Header header = StateCodec.header(frame);
        stateFrames++;
        if (arrivals != null) {
            arrivals.add(arrived, header.tick());
        }
        if (header.kind() == StateCodec.SNAPSHOT) {
            snapshots++;
            awaitingSnapshot = false;
        } else if (header.baseTick() != lastTick) {
            gaps++;
            if (!awaitingSnapshot) {
                awaitingSnapshot = true;
                resyncs++;
                sendText(new ClientMessage.Resync());
            }
            return;
        }
        lastTick = header.tick();
        if (keepWorld) {
            world = StateCodec.apply(world, frame);
            onWorld.accept(world, arrived);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        joined.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(1006);
        joined.completeExceptionally(error);
    }
}
