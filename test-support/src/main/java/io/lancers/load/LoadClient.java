package io.lancers.load;

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
 * A cheap protocol client for load (hundreds per JVM, all on one shared {@link HttpClient}), on the
 * JDK's {@link WebSocket}: says hello, then joins, spectates or resumes (its {@link Entry}), answers
 * heartbeats, sends inputs, and can leave, close, drop its link or fall silent. It checks every
 * state frame's base tick against the last tick it has; a gap is counted and answered with
 * {@code resync}, as a real client would. It decodes worlds only when asked to ({@code keepWorld}):
 * a thousand spectators need headers only.
 */
public final class LoadClient extends WholeMessageListener {
    /** The code WebSocket reserves for a link that broke without a close frame; never sent. */
    private static final int ABNORMAL_CLOSURE = 1006;

    /** What the client does once welcomed. */
    public sealed interface Entry {
        static Entry join(String matchId) {
            return new Join(matchId);
        }

        static Entry spectate(String matchId) {
            return new Spectate(matchId);
        }

        /** Resumes the player of {@code resumeToken}: the token goes in the hello, nothing follows it. */
        static Entry resume(String resumeToken) {
            return new Resume(resumeToken);
        }

        record Join(String matchId) implements Entry {
        }

        record Spectate(String matchId) implements Entry {
        }

        record Resume(String token) implements Entry {
        }
    }

    /** Where a client logs each state frame's arrival (its {@link System#nanoTime()}) and tick. */
    public interface Arrivals {
        void add(long arrivedNanos, int tick);
    }

    private final String name;
    private final Entry entry;
    private final boolean keepWorld;
    private final Arrivals arrivals;
    private final CompletableFuture<LoadClient> connected = new CompletableFuture<>();
    private final CompletableFuture<ServerMessage.Joined> joined = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile BiConsumer<World, Long> onWorld = (w, nanos) -> { };
    private volatile WebSocket socket;
    private volatile boolean silent;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    private volatile int lastTick = -1;
    private volatile int stateFrames;
    private volatile int snapshots;
    private volatile int gaps;
    private volatile int resyncs;
    private volatile boolean awaitingSnapshot;
    private volatile World world;

    private LoadClient(String name, Entry entry, boolean keepWorld, Arrivals arrivals) {
        this.name = name;
        this.entry = entry;
        this.keepWorld = keepWorld;
        this.arrivals = arrivals;
    }

    /** {@link #open(HttpClient, URI, String, Entry, boolean, Arrivals)} counting frames without decoding worlds. */
    public static LoadClient open(HttpClient http, URI uri, String name, Entry entry) {
        return open(http, uri, name, entry, false, null);
    }

    /**
     * Starts connecting and returns at once; the client enters on its own (see {@link #joined()}).
     * A failed connect fails {@link #connected()} and {@link #joined()} and completes {@link #closed()}.
     *
     * @param keepWorld decode every world (for {@link #onWorld}); false: headers only
     * @param arrivals  where to log each state frame's arrival, or null
     */
    public static LoadClient open(HttpClient http, URI uri, String name, Entry entry, boolean keepWorld,
                                  Arrivals arrivals) {
        LoadClient client = new LoadClient(name, entry, keepWorld, arrivals);
        http.newWebSocketBuilder()
                .subprotocols(ProtocolVersion.SUBPROTOCOL)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, client)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        client.connected.completeExceptionally(failure);
                        client.joined.completeExceptionally(failure);
                        client.closed.complete(ABNORMAL_CLOSURE);
                    }
                });
        return client;
    }

    /** Called on the client's thread with each decoded world and its arrival time; needs {@code keepWorld}. */
    public void onWorld(BiConsumer<World, Long> listener) {
        this.onWorld = listener;
    }

    /** Completes with this client once the WebSocket is open; fails if it could not connect. */
    public CompletableFuture<LoadClient> connected() {
        return connected;
    }

    /** Completes with {@code joined}; fails on an error, a close or a failed connect. */
    public CompletableFuture<ServerMessage.Joined> joined() {
        return joined;
    }

    /** Completes with the close code the server sent (1006 if the link broke without a close frame). */
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

    /** In the negotiated layout, with {@link Input#viewTick()}. */
    public void sendInput(Input input) {
        byte[] frame = InputCodec.encode(input, InputFormat.of(socket.getSubprotocol()).orElse(InputFormat.V5));
        send(ws -> ws.sendBinary(ByteBuffer.wrap(frame), true));
    }

    public void leave() {
        sendText(new ClientMessage.Leave());
    }

    /** An orderly close (1000). */
    public void close() {
        send(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
    }

    /** The link is gone: no close frame, the TCP connection just closes. */
    public void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Stops answering and sending, socket open: a frozen client. */
    public void goSilent() {
        silent = true;
    }

    private void sendText(ClientMessage message) {
        String json = ControlCodec.encode(message);
        send(ws -> ws.sendText(json, true));
    }

    /** The JDK's WebSocket takes one send at a time: chain them; a send on a closed link is dropped. */
    private synchronized void send(Function<WebSocket, CompletableFuture<WebSocket>> write) {
        if (silent) {
            return;
        }
        sending = sending.thenCompose(done -> write.apply(socket)).exceptionally(closedMeanwhile -> null);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        String token = entry instanceof Entry.Resume resume ? resume.token() : null;
        sendText(new ClientMessage.Hello(name, token));
        connected.complete(this);
        webSocket.request(1);
    }

    @Override
    protected void onWholeText(WebSocket webSocket, String json) {
        try {
            handle(ControlCodec.decodeServer(json));
        } catch (ProtocolException e) {
            joined.completeExceptionally(new IllegalStateException(name + ": the server sent " + json, e));
        }
    }

    private void handle(ServerMessage message) {
        if (message instanceof ServerMessage.Welcome) {
            if (entry instanceof Entry.Join join) {
                sendText(new ClientMessage.Join(join.matchId()));
            } else if (entry instanceof Entry.Spectate spectate) {
                sendText(new ClientMessage.Spectate(spectate.matchId()));
            }
        } else if (message instanceof ServerMessage.Joined j) {
            joined.complete(j);
        } else if (message instanceof ServerMessage.Heartbeat h) {
            sendText(new ClientMessage.HeartbeatAck(h.t()));
        } else if (message instanceof ServerMessage.Error e) {
            joined.completeExceptionally(new IllegalStateException(name + ": " + e.code() + ": " + e.message()));
        }
    }

    @Override
    protected void onWholeBinary(WebSocket webSocket, ByteBuffer frame, long arrivedNanos) {
        try {
            stateFrame(frame, arrivedNanos);
        } catch (ProtocolException e) {
            throw new IllegalStateException(name + ": bad state frame", e);
        }
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
        joined.completeExceptionally(new IllegalStateException(name + " closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(ABNORMAL_CLOSURE);
        joined.completeExceptionally(error);
    }
}
