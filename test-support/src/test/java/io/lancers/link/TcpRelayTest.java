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
        TcpRelay relay = relay(echo('A').port());
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
        TcpRelay relay = relay(echo('A').port());
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
        EchoServer server = echo('A');
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
        EchoServer server = echo('A');
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
        EchoServer first = echo('A');
        TcpRelay relay = relay(first.port());
        greeted(relay, 'A');

        first.close();
        Socket refused = connect(relay);
        assertEquals(-1, refused.getInputStream().read(), "nobody behind the relay: closed at once");

        EchoServer second = echo('B');
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

    private EchoServer echo(int tag) throws IOException {
        EchoServer server = new EchoServer(tag);
        toClose.add(server);
        return server;
    }
}
