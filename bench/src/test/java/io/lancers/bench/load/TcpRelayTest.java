package io.lancers.bench.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TcpRelayTest {

    /** An echo server on loopback, one connection. */
    private static ServerSocket echo() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void forwardsBothWaysHoldsBackWhileSilentAndDeliversOnRestore() throws IOException {
        try (ServerSocket server = echo(); TcpRelay relay = new TcpRelay(server.getLocalPort());
             Socket client = new Socket()) {
            client.setSoTimeout(15_000);
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port()));
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            out.write('a');
            assertEquals('a', in.read());

            relay.silence();
            out.write('b');
            relay.restore();
            assertEquals('b', in.read());

            relay.close();
            assertEquals(-1, in.read(), "closing the relay closes its connections");
        }
    }
}
