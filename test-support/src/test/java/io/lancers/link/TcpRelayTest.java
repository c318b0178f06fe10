package io.lancers.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay between real sockets on 127.0.0.1: an echo server behind it, plain sockets in front. */
class TcpRelayTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void forwardsBothWaysHoldsBackWhileSilentAndDeliversOnRestore() throws Exception {
        TcpRelay relay = relay(new EchoServer('A').port());
        Socket client = greeted(relay, 'A');
        assertEchoes(client, 'a');

        relay.silence();
        client.getOutputStream().write('b');
        assertNothingArrives(client);
        Socket late = connect(relay); // accepted while silent, and silent too
        assertNothingArrives(late);
        relay.restore();
        assertEquals('b', client.getInputStream().read());
        assertEquals('A', late.getInputStream().read());

        relay.close();
        assertEquals(-1, client.getInputStream().read(), "closing the relay closes its links");
    }

    @Test
    void silencingTheOpenLinksLetsNewOnesThrough() throws Exception {
        TcpRelay relay = relay(new EchoServer('A').port());
        Socket old = greeted(relay, 'A');

        relay.silenceExisting();
        old.getOutputStream().write('x');
        assertEchoes(greeted(relay, 'A'), 'y');
        assertNothingArrives(old);

        relay.restore();
        assertEquals('x', old.getInputStream().read(), "held back, then delivered");
    }

    @Test
    void aSilentLinkKeepsTheServersCloseToItself() throws Exception {
        EchoServer server = new EchoServer('A');
        TcpRelay relay = relay(server.port());
        Socket client = greeted(relay, 'A');

        relay.silenceExisting();
        server.closeAccepted();
        assertNothingArrives(client);

        relay.restore();
        assertEquals(-1, client.getInputStream().read(), "the close arrives once the link flows");
    }

    @Test
    void cuttingResetsEveryLink() throws Exception {
        EchoServer server = new EchoServer('A');
        TcpRelay relay = relay(server.port());
        Socket first = greeted(relay, 'A');
        Socket second = greeted(relay, 'A');

        relay.cutAll();
        assertThrows(IOException.class, () -> first.getInputStream().read(), "reset, not an orderly close");
        assertThrows(IOException.class, () -> second.getInputStream().read());
        server.awaitAllClosed(); // the server's ends went too
    }

    @Test
    void newLinksFollowTheTargetAndARefusedTargetClosesTheClient() throws Exception {
        EchoServer first = new EchoServer('A');
        TcpRelay relay = relay(first.port());
        greeted(relay, 'A');

        first.close();
        Socket refused = connect(relay);
        assertEquals(-1, refused.getInputStream().read(), "nobody behind the relay: closed at once");

        EchoServer second = new EchoServer('B');
        relay.retarget(second.port());
        assertEchoes(greeted(relay, 'B'), 'z');
    }

    private TcpRelay relay(int targetPort) throws IOException {
        TcpRelay relay = new TcpRelay(targetPort);
        toClose.add(relay);
        return relay;
    }

    private Socket connect(TcpRelay relay) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay.port());
        socket.setSoTimeout(15_000);
        toClose.add(socket);
        return socket;
    }

    /** A link through the relay, past the greeting of the server behind it. */
    private Socket greeted(TcpRelay relay, int tag) throws IOException {
        Socket socket = connect(relay);
        assertEquals(tag, socket.getInputStream().read(), "the server's greeting came through");
        return socket;
    }

    private static void assertEchoes(Socket client, int b) throws IOException {
        client.getOutputStream().write(b);
        assertEquals(b, client.getInputStream().read());
    }

    /** Nothing, not even an end of stream, for a moment: it cannot pass by accident if the relay forwards. */
    private static void assertNothingArrives(Socket client) throws IOException {
        int timeout = client.getSoTimeout();
        client.setSoTimeout(300);
        try {
            assertThrows(SocketTimeoutException.class, () -> client.getInputStream().read());
        } finally {
            client.setSoTimeout(timeout);
        }
    }

    /** Greets each connection with its tag byte, then echoes; keeps the accepted sockets so a test can close them. */
    private final class EchoServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> all = new ArrayList<>();
        private final Thread acceptor;

        EchoServer(int tag) throws IOException {
            toClose.add(this);
            acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket socket = listener.accept();
                        synchronized (all) {
                            all.add(socket);
                        }
                        Thread echo = new Thread(() -> {
                            try (InputStream in = socket.getInputStream()) {
                                socket.getOutputStream().write(tag);
                                in.transferTo(socket.getOutputStream());
                            } catch (IOException e) {
                                // that connection is over
                            }
                        }, "echo");
                        echo.setDaemon(true);
                        echo.start();
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            }, "echo-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        /** Waits until the server has closed its end of every link so far (its echo saw the link go). */
        void awaitAllClosed() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!allClosed()) {
                assertTrue(System.nanoTime() < deadline, "the server's ends are still open");
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }

        private boolean allClosed() {
            synchronized (all) {
                return all.stream().allMatch(Socket::isClosed);
            }
        }

        /** Closes the server's end of every link so far, in order (FIN). */
        void closeAccepted() throws IOException {
            synchronized (all) {
                for (Socket socket : all) {
                    socket.close();
                }
            }
        }

        /**
         * Stops listening, then closes the server's ends. The listener is only gone once its accept
         * thread has left accept(): until then the kernel still completes connections to it (the JDK
         * closes a socket that a thread is blocked on only when that thread returns), and a
         * connection made in that window would be greeted as if the server were still up.
         */
        @Override
        public void close() throws IOException {
            listener.close();
            try {
                acceptor.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeAccepted();
        }
    }
}
