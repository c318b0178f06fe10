package io.lancers.server;

import io.lancers.protocol.Discovery;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.release.ReleaseVersion;
import io.lancers.server.broadcast.BroadcastSettings;
import io.lancers.server.broadcast.Broadcasts;
import io.lancers.server.match.MatchRegistry;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.net.Access;
import io.lancers.server.net.ConnectionSettings;
import io.lancers.server.net.DiscoveryResponder;
import io.lancers.server.net.LanAddress;
import io.lancers.server.net.NetServer;
import io.lancers.server.net.TlsKeyStore;
import io.lancers.tls.Fingerprint;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The whole server, embeddable: the dedicated server's main and the client's "Play"/"Host" both
 * start one. No static state, so several can run in one JVM (tests do).
 */
public final class GameServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GameServer.class.getName());
    /** The release version, as /status, discovery and the welcome tell it. */
    public static final String VERSION = ReleaseVersion.VERSION;

    private final ServerOptions options;
    private final MatchRegistry matches;
    private final Broadcasts broadcasts;
    private final NetServer net;
    private final DiscoveryResponder discovery;
    private final List<URI> uris;
    private final Fingerprint certificate;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GameServer(ServerOptions options, MatchRegistry matches, Broadcasts broadcasts, NetServer net,
                       DiscoveryResponder discovery, List<URI> uris, Fingerprint certificate) {
        this.options = options;
        this.matches = matches;
        this.broadcasts = broadcasts;
        this.net = net;
        this.discovery = discovery;
        this.uris = uris;
        this.certificate = certificate;
    }

    /**
     * Starts a server on a copy of {@code options}: later changes to them do not reach it.
     *
     * @throws IllegalArgumentException a setting is out of range or unusable (nothing started)
     * @throws IOException              the port is taken, the key store unreadable
     */
    public static GameServer start(ServerOptions options) throws IOException {
        long startedAt = System.nanoTime();
        ServerOptions config = options.copy().validate();
        List<MatchSettings> rooms = config.matchSettings();
        BroadcastSettings broadcast = config.broadcastSettings();
        TlsKeyStore tls = config.tls();
        Access access = config.access();
        Broadcasts broadcasts = new Broadcasts(broadcast, VERSION, Clock.systemUTC());
        MatchRegistry matches = new MatchRegistry(rooms, broadcasts::tap);
        matches.start(config.tickPriority);
        NetServer net = null;
        try {
            Fingerprint certificate = tls == null ? null : Fingerprint.of(tls.certificate());
            net = NetServer.start(config.bindAddress, config.port, config.allowedOrigins, matches,
                    connectionSettings(config, rooms.get(0), access), tls,
                    () -> ServerStatus.of(config.serverName, VERSION,
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt),
                            access.passwordRequired(), certificate, matches.status()),
                    broadcast.enabled() ? broadcasts : null);
            String scheme = tls == null ? "ws://" : "wss://";
            int port = net.port();
            List<URI> uris = LanAddress.advertisedHosts(config.bindAddress).stream()
                    .map(host -> URI.create(scheme + host + ":" + port + ProtocolVersion.ENDPOINT_PATH)).toList();
            URI uri = uris.get(0);
            DiscoveryResponder discovery = config.discovery
                    ? DiscoveryResponder.start(config.bindAddress, config.discoveryPort,
                            () -> new Discovery.Reply(Discovery.Reply.TYPE, config.serverName, VERSION,
                                    uri.toString(), ProtocolVersion.SUBPROTOCOL, matches.list(),
                                    access.passwordRequired()))
                    : null;
            LOG.info(() -> "started " + uri + " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt)
                    + " ms, " + config.matches + " matches, discovery "
                    + (discovery == null ? "off" : "on udp " + discovery.port()));
            return new GameServer(config, matches, broadcasts, net, discovery, uris, certificate);
        } catch (IOException | RuntimeException e) {
            if (net != null) {
                net.close();
            }
            matches.shutdown();
            broadcasts.close();
            throw e;
        }
    }

    /** Every room has the same limits: the first one's are announced. */
    private static ConnectionSettings connectionSettings(ServerOptions config, MatchSettings room, Access access) {
        int chatPerTenSeconds = (int) Math.floor(room.chat().perWindow() * 10 / room.chat().windowSeconds());
        ServerMessage.Limits limits = new ServerMessage.Limits(room.maxNameLength(), room.chat().maxLength(),
                chatPerTenSeconds, room.inputs().perTick(),
                NetServer.MAX_TEXT_FRAME_BYTES, NetServer.MAX_BINARY_FRAME_BYTES);
        ServerMessage.Welcome welcome = new ServerMessage.Welcome(config.serverName, VERSION,
                ProtocolVersion.SUBPROTOCOL, config.heartbeatMs, config.heartbeatTimeout().toMillis(),
                TimeUnit.SECONDS.toMillis(config.resumeGraceSeconds), limits);
        return new ConnectionSettings(welcome, TimeUnit.SECONDS.toMillis(config.helloTimeoutSeconds),
                TimeUnit.SECONDS.toMillis(config.handshakeTimeoutSeconds), config.maxConnectionsPerAddress,
                config.socketSendBufferBytes, access);
    }

    /** {@code ws://HOST:PORT/game} ({@code wss://} with TLS), HOST being something a friend on the LAN could type. */
    public URI uri() {
        return uris.get(0);
    }

    /**
     * How this machine reaches the server: {@code ws://127.0.0.1:PORT/game}, {@code wss://} with TLS
     * (the client's own connection to the server it embeds).
     */
    public URI loopbackUri() {
        return URI.create(uri().getScheme() + "://127.0.0.1:" + port() + ProtocolVersion.ENDPOINT_PATH);
    }

    /** {@link #uri()} and, bound to every interface, the URLs of this machine's other LAN addresses. */
    public List<URI> uris() {
        return uris;
    }

    /** The SHA-256 fingerprint of the certificate this server presents; empty without TLS. */
    public Optional<Fingerprint> certificateFingerprint() {
        return Optional.ofNullable(certificate);
    }

    /** The real TCP port, also when the config asked for 0. */
    public int port() {
        return net.port();
    }

    /** The real UDP discovery port, or -1 when discovery is off. */
    public int discoveryPort() {
        return discovery == null ? -1 : discovery.port();
    }

    /** WebSocket connections open right now: upgraded and not yet closed. */
    public int openConnections() {
        return net.openConnections();
    }

    public MatchRegistry matches() {
        return matches;
    }

    /** The broadcasts and recordings of the rooms (docs/BROADCAST.md). */
    public Broadcasts broadcasts() {
        return broadcasts;
    }

    /** What the server runs on: a copy, so changing it changes nothing. */
    public ServerOptions options() {
        return options.copy();
    }

    /** Says 1001 to every client first, then stops the matches, discovery and the listener. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info(() -> "shutting down " + uri());
        net.closeConnections();
        matches.shutdown();
        broadcasts.close(); // after the rooms: their last fragments go into the recordings
        if (discovery != null) {
            discovery.close();
        }
        net.close();
    }
}
