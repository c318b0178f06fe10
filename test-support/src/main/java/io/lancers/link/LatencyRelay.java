package io.lancers.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay on 127.0.0.1 in front of a server on loopback that plays a long link: each direction
 * delays every chunk by its {@link LinkProfile} (fixed delay plus seeded jitter, never reordering,
 * see {@link ReleaseSchedule}) and may cut the link with a reset in place of a chunk (loss, as TCP
 * knows it). Link {@code n} (in accept order) draws from seeds derived from the relay's seed, so a
 * run is repeatable up to the OS's chunking of the stream. Two threads per direction per link (one
 * reads and stamps arrivals, one releases on time): for a handful of links, as in tests and benches.
 */
public final class LatencyRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final LinkProfile up;
    private final LinkProfile down;
    private final long seed;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger droppedCount = new AtomicInteger();

    /**
     * @param up   client → server direction
     * @param down server → client direction
     */
    public LatencyRelay(int targetPort, LinkProfile up, LinkProfile down, long seed) throws IOException {
        this.targetPort = targetPort;
        this.up = up;
        this.down = down;
        this.seed = seed;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "latency-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A symmetric link of round trip {@code rttMillis} (half each way), {@code jitterMillis} each way, no loss. */
    public static LatencyRelay roundTrip(int targetPort, long rttMillis, long jitterMillis, long seed) throws IOException {
        LinkProfile oneWay = new LinkProfile(rttMillis / 2, jitterMillis, 0);
        return new LatencyRelay(targetPort, oneWay, oneWay, seed);
    }

    /** The relay's own port on 127.0.0.1: clients connect here instead of to the server. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Links cut so far by a drawn loss (not by an end closing). */
    public int dropped() {
        return droppedCount.get();
    }

    private void acceptLoop() {
        LoopbackLinks.acceptEach(listener, () -> targetPort, (client, server) -> {
            long linkSeed = seed * 1_000_003L + 2L * accepted.getAndIncrement();
            Link link = new Link(client, server);
            links.add(link);
            link.direction(client, server, new ReleaseSchedule(up, linkSeed), "latency-up");
            link.direction(server, client, new ReleaseSchedule(down, linkSeed + 1), "latency-down");
        });
    }

    /** Stops accepting and closes every link (FIN, not reset), dropping what was still in flight. */
    @Override
    public void close() throws IOException {
        listener.close();
        links.forEach(link -> link.close(false));
    }

    /** A chunk in flight; {@code bytes == null} is the end of the stream, {@code drop} a drawn loss. */
    private record Chunk(byte[] bytes, long releaseNanos, boolean drop) {
    }

    private final class Link {
        private final Socket client;
        private final Socket server;
        private volatile boolean closed;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void direction(Socket from, Socket to, ReleaseSchedule schedule, String name) {
            BlockingQueue<Chunk> inFlight = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    InputStream in = from.getInputStream();
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        long release = schedule.release(System.nanoTime());
                        inFlight.add(new Chunk(Arrays.copyOf(buffer, n), release, schedule.drops()));
                    }
                } catch (IOException e) {
                    // an end went away or the link was closed: the end of the stream follows
                }
                inFlight.add(new Chunk(null, schedule.release(System.nanoTime()), false));
            }, name + "-in");
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = to.getOutputStream();
                    while (!closed) {
                        Chunk chunk = inFlight.take();
                        waitUntil(chunk.releaseNanos());
                        if (chunk.drop()) {
                            droppedCount.incrementAndGet();
                            close(true);
                            return;
                        }
                        if (chunk.bytes() == null) {
                            break;
                        }
                        out.write(chunk.bytes());
                        out.flush();
                    }
                } catch (IOException e) {
                    // the other end went away: close below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                close(false);
            }, name + "-out");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        private void waitUntil(long releaseNanos) {
            for (long left = releaseNanos - System.nanoTime(); left > 0 && !closed;
                 left = releaseNanos - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }

        void close(boolean reset) {
            closed = true;
            links.remove(this);
            LoopbackLinks.closeQuietly(client, reset);
            LoopbackLinks.closeQuietly(server, reset);
        }
    }
}
