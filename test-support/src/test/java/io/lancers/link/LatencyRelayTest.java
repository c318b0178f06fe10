package io.lancers.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The relay between real sockets on 127.0.0.1, an echo server behind it. Nothing here asserts how
 * long anything took: that bytes arrive, whole and in order, and that loss cuts the link.
 */
class LatencyRelayTest {
    private static final int GREETING = 'G';
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>(); // the echo server adds too

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void aJitteryLinkDeliversEveryByteInOrderBothWays() throws Exception {
        LatencyRelay relay = keep(new LatencyRelay(echoServer(), new LinkProfile(5, 20, 0),
                new LinkProfile(3, 20, 0), 11));
        Socket client = connect(relay);
        byte[] sent = new byte[64 * 1024];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31 + i / 256);
        }
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = client.getOutputStream();
                for (int at = 0; at < sent.length; at += 100) { // many small chunks, each with its own jitter
                    out.write(sent, at, Math.min(100, sent.length - at));
                    out.flush();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        byte[] echoed = new byte[sent.length];
        new DataInputStream(client.getInputStream()).readFully(echoed);
        writer.join();
        assertArrayEquals(sent, echoed);
    }

    @Test
    void theServersCloseComesThroughAfterItsBytes() throws Exception {
        ServerSocket server = keep(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        LatencyRelay relay = keep(LatencyRelay.roundTrip(server.getLocalPort(), 40, 10, 5));
        Socket client = rawConnect(relay);
        try (Socket accepted = server.accept()) {
            accepted.getOutputStream().write(new byte[] {1, 2, 3});
        }
        InputStream in = client.getInputStream();
        assertEquals(1, in.read());
        assertEquals(2, in.read());
        assertEquals(3, in.read());
        assertEquals(-1, in.read(), "the orderly close, after the bytes");
    }

    @Test
    void aCertainLossCutsTheLinkWithAReset() throws Exception {
        LatencyRelay relay = keep(new LatencyRelay(echoServer(), new LinkProfile(1, 0, 1.0), LinkProfile.CLEAN, 9));
        Socket client = connect(relay);
        client.getOutputStream().write('x');
        assertThrows(IOException.class, () -> client.getInputStream().read(), "reset in place of the echo");
        assertEquals(1, relay.dropped());
    }

    /** A link through the relay, past the echo server's greeting. */
    private Socket connect(LatencyRelay relay) throws IOException {
        Socket socket = rawConnect(relay);
        assertEquals(GREETING, socket.getInputStream().read(), "the greeting came through");
        return socket;
    }

    private Socket rawConnect(LatencyRelay relay) throws IOException {
        Socket socket = keep(new Socket(InetAddress.getLoopbackAddress(), relay.port()));
        socket.setSoTimeout(15_000);
        return socket;
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    /** An {@link EchoServer} behind the relay; its greeting byte is read by {@link #connect}. */
    private int echoServer() throws IOException {
        return keep(new EchoServer(GREETING)).port();
    }
}
