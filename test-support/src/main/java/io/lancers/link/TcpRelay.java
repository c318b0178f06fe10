package io.lancers.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a server on loopback, whose links misbehave on cue, to play
 * a bad network under real clients:
 * <ul>
 *   <li>{@link #silence()}: every link, open or opened later, forwards nothing in either direction
 *       and keeps its sockets open (a dead Wi-Fi, a pulled cable, a NAT that forgot the flow, not a
 *       reset); {@link #restore()} delivers what was held back and carries on.</li>
 *   <li>{@link #silenceExisting()}: only the links open now go silent; new links flow, so a client
 *       that gives up on its dead link can reconnect through the relay.</li>
 *   <li>{@link #cutAll()}: drops every link with a reset, no close frame (1006 on both ends).</li>
 *   <li>{@link #retarget(int)}: new links go to another server, as after a restart elsewhere.</li>
 * </ul>
 * A silent link holds back its end-of-stream like its bytes, so neither end learns anything. If the
 * target refuses, the client's connection is closed at once. One thread per direction per link:
 * for a handful of links.
 */
public final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    /** Guards {@link #silent}, {@link #closed} and every link's silent and closed flags. */
    private final Object gate = new Object();
    private volatile int targetPort;
    private boolean silent;
    private boolean closed;

    public TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The relay's own port on 127.0.0.1: clients connect here instead of to the server. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Links opened from now on go to this port on loopback; open ones stay where they are. */
    public void retarget(int newTargetPort) {
        targetPort = newTargetPort;
    }

    /** Every link, open or opened later, holds back everything until {@link #restore()}. */
    public void silence() {
        synchronized (gate) {
            silent = true;
        }
    }

    /** The links open now hold back everything until {@link #restore()}; new links flow. */
    public void silenceExisting() {
        synchronized (gate) {
            links.forEach(link -> link.silent = true);
        }
    }

    /** Every link flows again, delivering what it held back first. */
    public void restore() {
        synchronized (gate) {
            silent = false;
            links.forEach(link -> link.silent = false);
            gate.notifyAll();
        }
    }

    /** Drops every open link at once with a reset: both ends see the TCP connection go, no close frame. */
    public void cutAll() {
        links.forEach(link -> link.close(true));
    }

    private void acceptLoop() {
        LoopbackLinks.acceptEach(listener, () -> targetPort, (client, server) -> {
            Link link = new Link(client, server);
            links.add(link);
            pump(link, client, server, "relay-up");
            pump(link, server, client, "relay-down");
        });
    }

    private void pump(Link link, Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0 && awaitFlowing(link); n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                awaitFlowing(link); // a silent link keeps its end-of-stream to itself too
            } catch (IOException e) {
                // one end went away, or the link was cut: close the other end below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            link.close(false);
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits while the link is silent; false once the link or the relay is closed. */
    private boolean awaitFlowing(Link link) throws InterruptedException {
        synchronized (gate) {
            while ((silent || link.silent) && !link.closed && !closed) {
                gate.wait();
            }
            return !link.closed && !closed;
        }
    }

    /** Stops accepting and closes every link in order (FIN, not reset). */
    @Override
    public void close() throws IOException {
        synchronized (gate) {
            closed = true;
            gate.notifyAll();
        }
        listener.close();
        links.forEach(link -> link.close(false));
    }

    private final class Link {
        private final Socket client;
        private final Socket server;
        private boolean silent; // guarded by gate
        private boolean closed; // guarded by gate

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close(boolean reset) {
            synchronized (gate) {
                closed = true;
                gate.notifyAll();
            }
            links.remove(this);
            LoopbackLinks.closeQuietly(client, reset);
            LoopbackLinks.closeQuietly(server, reset);
        }
    }
}
