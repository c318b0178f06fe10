package io.lancers.client.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 between a client and a server, for tests of bad links.
 * {@link #freezeExisting()} makes every current connection half-open: bytes are read and dropped
 * in both directions, nothing is closed, so neither end learns anything. New connections go to
 * the current {@link #retarget target} and are forwarded normally.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();
    private volatile InetSocketAddress target;

    TcpRelay(InetSocketAddress target) throws IOException {
        this.target = target;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The WebSocket URL clients use to reach the server through the relay. */
    URI gameUri() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/game");
    }

    void retarget(InetSocketAddress newTarget) {
        target = newTarget;
    }

    void freezeExisting() {
        pairs.forEach(p -> p.frozen = true);
    }

    int connections() {
        return pairs.size();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                try {
                    server.connect(target, 5000);
                } catch (IOException e) {
                    client.close(); // server down: the client sees a refused handshake
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Pair pair = new Pair(client, server);
                pairs.add(pair);
                pump(pair, client, server, "up");
                pump(pair, server, client, "down");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Pair pair, Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!pair.frozen) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // One side went away.
            }
            if (!pair.frozen) {
                pair.close();
            }
        }, "relay-" + direction);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pairs.forEach(Pair::close);
    }

    private static final class Pair {
        final Socket client;
        final Socket server;
        volatile boolean frozen;

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
