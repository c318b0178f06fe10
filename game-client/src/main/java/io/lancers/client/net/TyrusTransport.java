package io.lancers.client.net;

import io.lancers.client.tls.CertificateRefusal;
import io.lancers.client.tls.PinningTrustManager;
import io.lancers.client.tls.ServerTrust;
import io.lancers.protocol.InputFormat;
import io.lancers.protocol.ProtocolVersion;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.client.ThreadPoolConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Links over the Tyrus client. Every link shares one Grizzly container (many headless bots in one
 * process must not start a thread pool each). Connecting and closing can block (a handshake, a
 * close frame to a peer that does not read), so both run on a small daemon pool, never on the
 * caller's thread. A {@code wss://} link trusts what its {@link ServerTrust} trusts.
 */
final class TyrusTransport implements Transport {
    private static final Logger LOG = Logger.getLogger(TyrusTransport.class.getName());

    /** The JVM's trust only. */
    static final TyrusTransport SHARED = new TyrusTransport(ServerTrust.jvmOnly());
    private static final int CONNECTORS = 8;
    /** Tyrus wants at least 3. */
    private static final int WORKERS = Math.max(4, Runtime.getRuntime().availableProcessors());

    /**
     * Handshakes take milliseconds on a LAN, so a few threads serve many bots connecting at once
     * (the rest queue); idle threads go away.
     */
    private static final ExecutorService BLOCKING = blockingPool();

    private final ServerTrust trust;

    TyrusTransport(ServerTrust trust) {
        this.trust = trust;
    }

    private static ExecutorService blockingPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CONNECTORS, CONNECTORS, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "lancers-client-connect");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public void open(URI uri, Duration timeout, Handler handler) {
        BLOCKING.execute(() -> connect(uri, timeout, handler));
    }

    private void connect(URI uri, Duration timeout, Handler handler) {
        PinningTrustManager pins = null;
        try {
            ClientManager client = ClientManager.createClient();
            client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
            // Read by whichever connection creates the shared container. Grizzly's default worker
            // pool grows with the number of connections; decoding a frame is short work.
            client.getProperties().put(ClientProperties.WORKER_THREAD_POOL_CONFIG, ThreadPoolConfig.defaultConfig()
                    .setPoolName("lancers-client-io").setMaxPoolSize(WORKERS).setCorePoolSize(WORKERS)
                    .setDaemon(true));
            // Must be an Integer: anything else is silently ignored and means 30 s.
            client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) Math.min(Integer.MAX_VALUE,
                    timeout.toMillis()));
            if ("wss".equalsIgnoreCase(uri.getScheme())) {
                pins = trust.forServer(uri.getHost(), uri.getPort() < 0 ? 443 : uri.getPort());
                // Host verification on: the engine then carries the host for the JVM's own check,
                // which the pins stand in for only where the JVM does not trust the certificate.
                client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR,
                        new SslEngineConfigurator(pins.sslContext(), true, false, false));
            }
            ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                    .preferredSubprotocols(ProtocolVersion.SPOKEN)
                    .build();
            client.connectToServer(new LinkEndpoint(handler), config, uri);
        } catch (DeploymentException | IOException | RuntimeException e) {
            // Every failure must reach the handler, or the connection would wait for its timer.
            Optional<CertificateRefusal> refused = pins == null ? Optional.empty() : pins.refusal();
            if (refused.isPresent()) {
                handler.onCertificateRefused(refused.get());
            } else {
                handler.onOpenFailed(describe(e));
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private final class LinkEndpoint extends Endpoint {
        private final Handler handler;

        LinkEndpoint(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            Optional<InputFormat> format = InputFormat.of(session.getNegotiatedSubprotocol());
            if (format.isEmpty()) {
                // An endpoint that does not speak our protocol: do not talk to it at all.
                handler.onOpenFailed("server accepted none of the subprotocols " + ProtocolVersion.SPOKEN);
                closeQuietly(session, CloseReason.CloseCodes.PROTOCOL_ERROR.getCode(), "subprotocol");
                return;
            }
            // Handlers first: onOpen sends hello, and the welcome must find someone to take it.
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) handler::onText);
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) handler::onBinary);
            handler.onOpen(new TyrusLink(session, format.get()));
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            handler.onClosed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }

        @Override
        public void onError(Session session, Throwable error) {
            LOG.log(Level.FINE, "websocket error: " + describe(error));
        }
    }

    private final class TyrusLink implements Link {
        private final Session session;
        private final InputFormat inputFormat;

        TyrusLink(Session session, InputFormat inputFormat) {
            this.session = session;
            this.inputFormat = inputFormat;
        }

        @Override
        public InputFormat inputFormat() {
            return inputFormat;
        }

        @Override
        public void sendText(String text) {
            try {
                session.getAsyncRemote().sendText(text);
            } catch (RuntimeException e) {
                // A link dying under us: the close or the heartbeat watchdog will report it.
                LOG.fine("send failed: " + describe(e));
            }
        }

        @Override
        public void sendBinary(ByteBuffer frame) {
            try {
                session.getAsyncRemote().sendBinary(frame);
            } catch (RuntimeException e) {
                LOG.fine("send failed: " + describe(e));
            }
        }

        @Override
        public void close(int code, String reason) {
            BLOCKING.execute(() -> closeQuietly(session, code, reason));
        }
    }

    private static void closeQuietly(Session session, int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            LOG.fine("close failed: " + describe(e));
        }
    }
}
