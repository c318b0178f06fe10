package io.lancers.server.net;

import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.server.broadcast.Broadcasts;
import io.lancers.server.match.MatchRegistry;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.HeapMemoryManager;
import org.glassfish.grizzly.nio.ChannelConfigurator;
import org.glassfish.grizzly.nio.NIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Everything on the TCP port: a Grizzly HTTP server we build ourselves (our bind address, our
 * thread pools, TCP_NODELAY), Tyrus's WebSocket engine plugged into it for {@code /game}, and
 * {@code GET /status}, {@code GET /metrics}, the spectator page {@code /watch} and the HTTP broadcast
 * ({@code /broadcast/…}) on the same port. Owns the heartbeat thread and thus knows every open connection.
 */
public final class NetServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NetServer.class.getName());
    private static final String LISTENER = "lancers";
    /** Largest frames a client may send; bigger ones are closed with 1009 by Tyrus. */
    public static final int MAX_TEXT_FRAME_BYTES = 8 * 1024;
    public static final int MAX_BINARY_FRAME_BYTES = 256;
    /**
     * Most bytes one socket read hands to Tyrus. Tyrus refuses a read bigger than its buffer whole
     * (1011 "Buffer overflow"), however small the frames in it; Grizzly's default reads up to 64 KiB.
     */
    static final int READ_CHUNK_BYTES = 16 * 1024;

    private final HttpServer http;
    private final WebSocketContainer container;
    private final Heartbeats heartbeats;
    private final HandshakeDeadline handshakeDeadline;
    private final OpenConnections open;
    private final GameEndpoint endpoint;
    private final int port;

    private NetServer(HttpServer http, WebSocketContainer container, Heartbeats heartbeats,
                      HandshakeDeadline handshakeDeadline, OpenConnections open, GameEndpoint endpoint) {
        this.http = http;
        this.container = container;
        this.heartbeats = heartbeats;
        this.handshakeDeadline = handshakeDeadline;
        this.open = open;
        this.endpoint = endpoint;
        this.port = http.getListener(LISTENER).getPort();
    }

    /** As {@link #start(String, int, List, MatchRegistry, ConnectionSettings, TlsKeyStore, Supplier, Broadcasts)}, without the HTTP broadcast. */
    public static NetServer start(String bindAddress, int port, List<String> allowedOrigins, MatchRegistry registry,
                                  ConnectionSettings settings, TlsKeyStore tls, Supplier<?> status) throws IOException {
        return start(bindAddress, port, allowedOrigins, registry, settings, tls, status, null);
    }

    /**
     * @param port           0 for a free port
     * @param allowedOrigins browser origins accepted besides the server's own host
     * @param tls            key store for {@code wss://} and {@code https://}; null for plain
     * @param status         the document {@code GET /status} serializes, built per request
     * @param broadcasts     served under {@code /broadcast}; null when the HTTP broadcast is off
     */
    public static NetServer start(String bindAddress, int port, List<String> allowedOrigins, MatchRegistry registry,
                                  ConnectionSettings settings, TlsKeyStore tls, Supplier<?> status,
                                  Broadcasts broadcasts) throws IOException {
        // First: a key store that cannot be read stops the start before any thread exists.
        SSLEngineConfigurator secure = tls == null ? null : Tls.serverEngine(tls);
        Heartbeats heartbeats = new Heartbeats("lancers-heartbeats", settings.welcome().heartbeatIntervalMs());
        WebSocketContainer container = new WebSocketContainer();
        OpenConnections open = new OpenConnections(settings.maxConnectionsPerAddress());
        Tally refusals = new Tally();
        Tally closes = new Tally();
        AccessGate gate = new AccessGate(settings.access(), Connection::nowMs);
        GameEndpoint endpoint = new GameEndpoint(registry, settings, gate, heartbeats, open, refusals, closes);
        try {
            container.register(ServerEndpointConfig.Builder.create(GameEndpoint.class, ProtocolVersion.ENDPOINT_PATH)
                    .subprotocols(ProtocolVersion.SPOKEN)
                    .configurator(new Handshake(allowedOrigins, refusals, () -> endpoint))
                    .build());
        } catch (DeploymentException e) {
            heartbeats.close();
            throw new IOException("cannot deploy " + ProtocolVersion.ENDPOINT_PATH, e);
        }

        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener(LISTENER, bindAddress, port);
        listener.setTransport(transport(settings.socketSendBufferBytes()));
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1); // liveness is ours: see Heartbeats
        HandshakeDeadline handshakeDeadline = new HandshakeDeadline(settings.handshakeTimeoutMs());
        listener.registerAddOn(handshakeDeadline);
        listener.registerAddOn(new WebSocketAddOn(container, WebSocketContainer.rootPath()));
        listener.registerAddOn(new UpgradedReads());
        if (secure != null) {
            listener.setSecure(true);
            listener.setSSLEngineConfig(secure);
        }
        http.addListener(listener);
        http.getServerConfiguration().addHttpHandler(new StatusHandler(status), "/");
        http.getServerConfiguration().addHttpHandler(new WatchHandler(), WatchHandler.PATH, WatchHandler.PATH + "/*");
        http.getServerConfiguration().addHttpHandler(
                new MetricsHandler(ServerMetrics.registry(registry, open, refusals, closes)), "/metrics");
        if (broadcasts != null) {
            http.getServerConfiguration().addHttpHandler(new BroadcastHandler(broadcasts),
                    BroadcastHandler.ROOT, BroadcastHandler.ROOT + "/*");
        }
        try {
            http.start();
        } catch (IOException | RuntimeException e) {
            heartbeats.close();
            handshakeDeadline.close();
            http.shutdownNow();
            throw e;
        }
        NetServer server = new NetServer(http, container, heartbeats, handshakeDeadline, open, endpoint);
        LOG.info(() -> (secure == null ? "http+websocket" : "https+websocket over TLS") + " on " + bindAddress + ":"
                + server.port + ", at most " + open.perAddress() + " connections per address");
        return server;
    }

    /** The listener's transport; package-private for the send path benchmark (bench module). */
    static TCPNIOTransport transport(int socketSendBufferBytes) {
        int cores = Runtime.getRuntime().availableProcessors();
        TCPNIOTransport transport = TCPNIOTransportBuilder.newInstance()
                // Small frames every tick: Nagle would batch them into visible stutter.
                .setTcpNoDelay(true)
                // Both bound one read: it asks for the read buffer size and takes the rest of the
                // memory manager's pool, or a buffer of its own when it asks for more than a pool holds.
                .setReadBufferSize(READ_CHUNK_BYTES)
                .setMemoryManager(new HeapMemoryManager(READ_CHUNK_BYTES))
                .setReuseAddress(true)
                .setIOStrategy(WorkerThreadIOStrategy.getInstance())
                .setSelectorThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                        .setPoolName("lancers-selector").setCorePoolSize(1).setMaxPoolSize(Math.max(1, cores / 2))
                        .setDaemon(true))
                .setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                        .setPoolName("lancers-worker").setCorePoolSize(2).setMaxPoolSize(Math.max(4, cores * 2))
                        .setDaemon(true))
                .build();
        if (socketSendBufferBytes > 0) {
            transport.setChannelConfigurator(withSendBuffer(transport.getChannelConfigurator(), socketSendBufferBytes));
        }
        return transport;
    }

    /**
     * Sets SO_SNDBUF on every accepted socket. Not {@code TCPNIOTransport#setWriteBufferSize}: Grizzly
     * 4 only ever raises a connection's send buffer with it, never lowers it.
     */
    private static ChannelConfigurator withSendBuffer(ChannelConfigurator defaults, int bytes) {
        return new ChannelConfigurator() {
            @Override
            public void preConfigure(NIOTransport transport, SelectableChannel channel) throws IOException {
                defaults.preConfigure(transport, channel);
                if (channel instanceof SocketChannel socket) {
                    socket.setOption(StandardSocketOptions.SO_SNDBUF, bytes);
                }
            }

            @Override
            public void postConfigure(NIOTransport transport, SelectableChannel channel) throws IOException {
                defaults.postConfigure(transport, channel);
            }
        };
    }

    public int port() {
        return port;
    }

    /** Open WebSocket connections, upgraded and not yet closed. */
    public int openConnections() {
        return open.total();
    }

    /**
     * Refuses new sessions, then tells every connection 1001: a plain stop would leave clients with
     * a bare 1006, and a client reconnecting meanwhile would meet rooms that are stopping.
     */
    public void closeConnections() {
        endpoint.stopAccepting();
        heartbeats.connections().forEach(connection -> connection.close(CloseCodes.GOING_AWAY, "server shutting down"));
    }

    @Override
    public void close() {
        heartbeats.close();
        handshakeDeadline.close();
        container.stop();
        try {
            // Graceful: lets the 1001 close frames already queued reach the wire.
            http.shutdown(1, TimeUnit.SECONDS).get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.fine(() -> "graceful shutdown did not finish: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Always: Grizzly's graceful shutdown stops the listener but leaves the server's timer
            // thread (HttpServer-0) running, and through its handlers that thread would hold this
            // server's rooms and broadcast fragments for the rest of the process (50 MB after the long
            // wire fuzz). shutdownNow stops it, once the transport's own graceful stop has ended
            // (its future completes a moment before; cut short, it logs a warning).
            awaitTransportStopped(TimeUnit.SECONDS.toNanos(2));
            http.shutdownNow();
        }
    }

    private void awaitTransportStopped(long patienceNanos) {
        NetworkListener listener = http.getListener(LISTENER);
        long deadline = System.nanoTime() + patienceNanos;
        while (listener != null && listener.getTransport().getState().getState() != Transport.State.STOPPED
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
