package io.lancers.server.net;

import io.lancers.protocol.WebSocketFrames;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader that does not read while two threads write to its connection: ours through {@link FrameWriter}
 * (direct writes while nothing is queued, Grizzly's queue once the socket is full) and Tyrus's own sends.
 * Every frame must arrive whole and each thread's frames in its order, then Tyrus's close frame last.
 */
class FrameWriterTest {
    private static final BlockingQueue<Session> OPENED = new LinkedBlockingQueue<>();
    private static final int FRAMES = 2000;
    private static final int FRAME_BYTES = 1000;
    private static final int TEXTS = 200;

    /** The server end: keeps each session, reads nothing. */
    public static final class Sink extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            OPENED.add(session);
        }
    }

    private HttpServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.shutdownNow();
        }
    }

    @Test
    void framesStayWholeAndInOrderWithTyrusWritesWhenTheSocketFills() throws Exception {
        int port = start();
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(4096); // the server's sends fill it at once: writes go partial, then queue
            client.setSoTimeout(30_000);
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 30_000);
            upgrade(client, port);
            Session session = OPENED.poll(30, TimeUnit.SECONDS);
            assertNotNull(session, "the server opened the session");
            FrameWriter writer = FrameWriter.of(session);

            AtomicInteger mostQueued = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CompletableFuture<Void> ours = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < FRAMES; i++) {
                    byte[] payload = new byte[FRAME_BYTES];
                    ByteBuffer.wrap(payload).putInt(i);
                    writer.write(WebSocketFrames.encode(WebSocketFrames.Opcode.BINARY, payload));
                    mostQueued.accumulateAndGet(writer.inFlight(), Math::max);
                }
            }, threads);
            CompletableFuture<Void> tyrus = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < TEXTS; i++) {
                    session.getAsyncRemote().sendText("t" + i);
                }
            }, threads);
            try {
                CompletableFuture.allOf(ours, tyrus).get(30, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "done"));

            DataInputStream in = new DataInputStream(client.getInputStream());
            int nextBinary = 0;
            int nextText = 0;
            while (true) {
                Frame frame = Frame.read(in);
                if (frame.opcode() == 0x2) {
                    assertEquals(FRAME_BYTES, frame.payload().length, "binary frame " + nextBinary + " whole");
                    assertEquals(nextBinary++, ByteBuffer.wrap(frame.payload()).getInt(), "our frames in order");
                } else if (frame.opcode() == 0x1) {
                    assertEquals("t" + nextText++, new String(frame.payload(), StandardCharsets.UTF_8), "Tyrus's in order");
                } else {
                    assertEquals(0x8, frame.opcode(), "only data frames and the close");
                    break;
                }
            }
            assertEquals(FRAMES, nextBinary, "every frame of ours before the close");
            assertEquals(TEXTS, nextText, "every one of Tyrus's before the close");
            assertTrue(mostQueued.get() > 0, "the socket filled, so some writes went to Grizzly's queue");
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.inFlight() == 0);
        }
    }

    private int start() throws Exception {
        WebSocketContainer container = new WebSocketContainer();
        container.register(ServerEndpointConfig.Builder.create(Sink.class, "/game").build());
        http = new HttpServer();
        NetworkListener listener = new NetworkListener("test", "127.0.0.1", 0);
        listener.setTransport(NetServer.transport(4096));
        listener.registerAddOn(new WebSocketAddOn(container, WebSocketContainer.rootPath()));
        http.addListener(listener);
        http.start();
        return listener.getPort();
    }

    private static void upgrade(Socket client, int port) throws IOException {
        String request = "GET /game HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = client.getInputStream();
        List<Byte> head = new ArrayList<>();
        while (head.size() < 4 || !endsWithBlankLine(head)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade");
            }
            head.add((byte) b);
        }
    }

    private static boolean endsWithBlankLine(List<Byte> head) {
        int n = head.size();
        return head.get(n - 4) == '\r' && head.get(n - 3) == '\n' && head.get(n - 2) == '\r' && head.get(n - 1) == '\n';
    }

    /** A server frame (unmasked, RFC 6455 §5.2). */
    private record Frame(int opcode, byte[] payload) {
        static Frame read(DataInputStream in) throws IOException {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            // Every frame here is under 64 KiB: its length is in byte 1, or 126 and then a u16.
            int length = (second & 0x7f) == 126 ? in.readUnsignedShort() : second & 0x7f;
            assertTrue((first & 0x80) != 0 && (second & 0x80) == 0 && length <= FRAME_BYTES,
                    "a final, unmasked frame of a sane length: the stream is not corrupt");
            byte[] payload = new byte[length];
            in.readFully(payload);
            return new Frame(first & 0x0f, payload);
        }
    }
}
