package io.lancers.server.net;

import io.lancers.server.match.SharedFrame;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One send of the fan-out: a prebuilt ~150-byte state frame written to one of 64 WebSocket sessions in
 * turn, over loopback to readers that drain every socket, on the server's own listener and transport
 * ({@link NetServer#transport}). Two paths for the same bytes: {@code tyrusRawFrame}, Tyrus's
 * {@code TyrusWebSocket.sendRawFrame} (the send path before issue 14's second step), and {@code frameWriter},
 * {@link FrameWriter}'s write to the Grizzly connection (after). The time includes the write system call
 * (and the loopback delivery the kernel does in it); {@code -prof gc} gives the bytes allocated per send,
 * which a busy machine does not disturb.
 *
 * <p>JMH's time is wall time, which other work on the machine inflates; {@link #main} measures the sending
 * thread's own CPU time per send instead (user and kernel), both paths alternately, five rounds after a
 * warm-up: {@code java -cp bench/target/benchmarks.jar io.lancers.server.net.SendPathBenchmark [sends per round]}.
 *
 * <p>In this package because {@link FrameWriter} is the server's own, package-private.
 * Run: {@code java -jar bench/target/benchmarks.jar SendPathBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SendPathBenchmark {
    private static final int SESSIONS = 64;
    private static final String PATH = "/sink";
    private static final VarHandle WEB_SOCKET;

    static {
        try {
            WEB_SOCKET = MethodHandles.privateLookupIn(TyrusRemoteEndpoint.class, MethodHandles.lookup())
                    .findVarHandle(TyrusRemoteEndpoint.class, "webSocket", TyrusWebSocket.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Sessions as the server opens them, handed from Tyrus's thread to the benchmark's setup. */
    private static final BlockingQueue<Session> OPENED = new LinkedBlockingQueue<>();

    /** The server end: keeps each session, reads nothing (the readers send nothing). */
    public static final class Sink extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            OPENED.add(session);
        }
    }

    @Param({"150"})
    public int frameBytes;

    private HttpServer http;
    private Selector selector;
    private Thread reader;
    private volatile boolean reading;
    private final List<SocketChannel> clients = new ArrayList<>();
    private TyrusWebSocket[] sockets;
    private FrameWriter[] writers;
    private SharedFrame frame;
    private int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        WebSocketContainer container = new WebSocketContainer();
        container.register(ServerEndpointConfig.Builder.create(Sink.class, PATH).build());
        http = new HttpServer();
        NetworkListener listener = new NetworkListener("bench", "127.0.0.1", 0);
        listener.setTransport(NetServer.transport(0));
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(new WebSocketAddOn(container, WebSocketContainer.rootPath()));
        http.addListener(listener);
        http.start();
        int port = listener.getPort();

        selector = Selector.open();
        sockets = new TyrusWebSocket[SESSIONS];
        writers = new FrameWriter[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            SocketChannel client = upgrade(port);
            Session session = OPENED.poll(10, TimeUnit.SECONDS);
            if (session == null) {
                throw new IOException("the server opened no session for client " + i);
            }
            sockets[i] = (TyrusWebSocket) WEB_SOCKET.get((TyrusRemoteEndpoint) session.getAsyncRemote());
            writers[i] = FrameWriter.of(session);
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_READ);
            clients.add(client);
        }
        reading = true;
        reader = new Thread(this::drain, "bench-readers");
        reader.setDaemon(true);
        reader.start();

        byte[] payload = new byte[frameBytes];
        payload[0] = 0x11; // a DELTA header: tick and base follow
        frame = SharedFrame.binary(payload);
    }

    /** The old path: Tyrus frames nothing, but queues, locks and completes a future per write. */
    @Benchmark
    public Object tyrusRawFrame() {
        TyrusWebSocket socket = sockets[next];
        next = (next + 1) % SESSIONS;
        return socket.sendRawFrame(frame.wire());
    }

    /** The new path: the frame into the connection's filter chain, one shared completion handler. */
    @Benchmark
    public int frameWriter() {
        FrameWriter writer = writers[next];
        next = (next + 1) % SESSIONS;
        writer.write(frame.wire());
        return writer.inFlight();
    }

    /** Between iterations: every write of the last one on the wire, so no backlog carries over. */
    @TearDown(Level.Iteration)
    public void settle() {
        for (FrameWriter writer : writers) {
            while (writer.inFlight() > 0) {
                LockSupport.parkNanos(100_000);
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
        reading = false;
        selector.wakeup();
        reader.join(5000);
        for (SocketChannel client : clients) {
            client.close();
        }
        selector.close();
        http.shutdownNow();
    }

    /** CPU time per send on the sending thread, each path in turn; the first round warms up and is not printed. */
    public static void main(String[] args) throws Exception {
        int sends = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SendPathBenchmark bench = new SendPathBenchmark();
        bench.frameBytes = 150;
        bench.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Runnable> paths = new LinkedHashMap<>();
        paths.put("tyrusRawFrame", bench::tyrusRawFrame);
        paths.put("frameWriter", bench::frameWriter);
        System.out.printf("CPU of the sending thread per send (%d sends of %d B per round, %d sessions):%n", sends,
                bench.frameBytes, SESSIONS);
        for (int round = 0; round <= 5; round++) {
            for (Map.Entry<String, Runnable> path : paths.entrySet()) {
                long cpu = threads.getCurrentThreadCpuTime();
                long user = threads.getCurrentThreadUserTime();
                for (int i = 0; i < sends; i++) {
                    path.getValue().run();
                }
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                user = threads.getCurrentThreadUserTime() - user;
                bench.settle();
                if (round > 0) {
                    System.out.printf(Locale.ROOT, "round %d %-14s %.2f µs/send (user %.2f, kernel %.2f)%n", round,
                            path.getKey(), cpu / 1e3 / sends, user / 1e3 / sends, (cpu - user) / 1e3 / sends);
                }
            }
        }
        bench.stop();
    }

    private static SocketChannel upgrade(int port) throws IOException {
        SocketChannel client = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        String request = "GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        client.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer response = ByteBuffer.allocate(1024);
        String head = "";
        while (!head.contains("\r\n\r\n")) {
            if (client.read(response) < 0) {
                throw new IOException("the server closed during the upgrade: " + head);
            }
            head = new String(response.array(), 0, response.position(), StandardCharsets.US_ASCII);
        }
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
        return client;
    }

    private void drain() {
        ByteBuffer sink = ByteBuffer.allocateDirect(1 << 16);
        try {
            while (reading) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    do {
                        sink.clear();
                    } while (channel.read(sink) > 0);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (reading) {
                throw new IllegalStateException("a reader failed", e);
            }
        }
    }
}
