package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.Input;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A cheap protocol client for load tests (hundreds per JVM, all on one shared HttpClient): says
 * hello (resuming if given a token), joins a match, answers heartbeats, counts state frames without
 * decoding them, sends inputs, and can leave, drop its link or fall silent. {@link TestClient} is
 * the one that checks what it receives.
 */
final class LightClient implements WebSocket.Listener {
    private final CompletableFuture<ServerMessage.Joined> joined = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger stateFrames = new AtomicInteger();
    private final StringBuilder parts = new StringBuilder();
    private final String name;
    private final String token;
    private final String matchId;
    private volatile WebSocket socket;
    private volatile boolean silent;
    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

    private LightClient(String name, String token, String matchId) {
        this.name = name;
        this.token = token;
        this.matchId = matchId;
    }

    /** Resumes the player of {@code token}, or (token null) joins {@code matchId} as {@code name}. */
    static LightClient open(HttpClient http, URI uri, String name, String token, String matchId) {
        LightClient client = new LightClient(name, token, matchId);
        http.newWebSocketBuilder().subprotocols(ProtocolVersion.SUBPROTOCOL).connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, client)
                .whenComplete((socket, failure) -> {
                    if (failure != null) {
                        client.joined.completeExceptionally(failure);
                        client.closed.complete(-1);
                    }
                });
        return client;
    }

    static URI uri(GameServer server) {
        return URI.create("ws://127.0.0.1:" + server.port() + ProtocolVersion.ENDPOINT_PATH);
    }

    /** Completes with {@code joined}; fails on an error, a close or a failed connect. */
    CompletableFuture<ServerMessage.Joined> joined() {
        return joined;
    }

    /** Completes with the close code (-1: the link failed without a close frame). */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    int stateFrames() {
        return stateFrames.get();
    }

    void input(Input input) {
        byte[] frame = InputCodec.encode(input);
        send(ws -> ws.sendBinary(ByteBuffer.wrap(frame), true));
    }

    void leave() {
        sendMessage(new ClientMessage.Leave());
    }

    /** An orderly close (1000). */
    void close() {
        send(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
    }

    /** The link is gone: no close frame, the TCP connection just closes. */
    void drop() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Stops answering and sending, socket open: a frozen client. */
    void goSilent() {
        silent = true;
    }

    private void sendMessage(ClientMessage message) {
        String text = ControlCodec.encode(message);
        send(ws -> ws.sendText(text, true));
    }

    /** The JDK WebSocket takes one send at a time: chain them; a send on a closed link is dropped. */
    private synchronized void send(Function<WebSocket, CompletableFuture<WebSocket>> write) {
        if (silent) {
            return;
        }
        sends = sends.thenCompose(done -> write.apply(socket)).exceptionally(closedMeanwhile -> null);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        sendMessage(new ClientMessage.Hello(name, token));
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        parts.append(data);
        if (last) {
            String text = parts.toString();
            parts.setLength(0);
            try {
                ServerMessage message = ControlCodec.decodeServer(text);
                if (message instanceof ServerMessage.Welcome && token == null) {
                    sendMessage(new ClientMessage.Join(matchId));
                } else if (message instanceof ServerMessage.Joined j) {
                    joined.complete(j);
                } else if (message instanceof ServerMessage.Error error && !joined.isDone()) {
                    joined.completeExceptionally(new IllegalStateException(name + ": " + error));
                } else if (message instanceof ServerMessage.Heartbeat heartbeat) {
                    sendMessage(new ClientMessage.HeartbeatAck(heartbeat.t()));
                }
            } catch (ProtocolException e) {
                joined.completeExceptionally(e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (last) {
            stateFrames.incrementAndGet();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        joined.completeExceptionally(new IllegalStateException(name + " closed " + statusCode + " " + reason));
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        joined.completeExceptionally(error);
        closed.complete(-1);
    }
}
