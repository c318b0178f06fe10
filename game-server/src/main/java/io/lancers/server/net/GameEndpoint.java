package io.lancers.server.net;

import io.lancers.protocol.ProtocolVersion;
import io.lancers.server.match.MatchRegistry;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import org.glassfish.tyrus.core.TyrusSession;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code /game} endpoint: one instance per server, one {@link Connection} per session. Public
 * only because Tyrus calls it reflectively.
 */
public final class GameEndpoint extends Endpoint {
    private static final Logger LOG = Logger.getLogger(GameEndpoint.class.getName());
    /** The close reason an outdated client gets (docs/PROTOCOL.md §2). */
    static final String OUTDATED_REASON = "outdated client: this server speaks " + ProtocolVersion.SUBPROTOCOL
            + " only; update Lancers";
    private static final String CONNECTION = Connection.class.getName();
    /** The remote address a session was counted under; removed when the count is given back. */
    private static final String COUNTED_ADDRESS = OpenConnections.class.getName();

    private final MatchRegistry registry;
    private final ConnectionSettings settings;
    private final AccessGate gate;
    private final Heartbeats heartbeats;
    private final OpenConnections open;
    private final Tally refusals;
    private final Tally closes;
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean shuttingDown;

    GameEndpoint(MatchRegistry registry, ConnectionSettings settings, AccessGate gate, Heartbeats heartbeats,
                 OpenConnections open, Tally refusals, Tally closes) {
        this.registry = registry;
        this.settings = settings;
        this.gate = gate;
        this.heartbeats = heartbeats;
        this.open = open;
        this.refusals = refusals;
        this.closes = closes;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        // Tyrus applies these to fragmented messages only; Connection checks whole frames itself.
        session.setMaxTextMessageBufferSize(NetServer.MAX_TEXT_FRAME_BYTES);
        session.setMaxBinaryMessageBufferSize(NetServer.MAX_BINARY_FRAME_BYTES);
        // Liveness is ours (Heartbeats). Tyrus 2.2.2 treats only a negative idle timeout as none: at its default
        // of 0 it schedules a no-op idle check on its timer thread for every message received (a thousand
        // spectators' heartbeat acks: a thousand timer tasks and thread wake-ups a second).
        session.setMaxIdleTimeout(-1);
        String remote = session instanceof TyrusSession tyrus ? tyrus.getRemoteAddr() : "?";
        if (shuttingDown) {
            close(session, CloseReason.CloseCodes.GOING_AWAY, "server shutting down");
            return;
        }
        if (ProtocolVersion.RETIRED.contains(session.getNegotiatedSubprotocol())) {
            refuseOutdated(session, remote);
            return;
        }
        if (!open.tryOpen(remote)) {
            refuse(session, remote);
            return;
        }
        session.getUserProperties().put(COUNTED_ADDRESS, remote);
        Connection connection = new Connection(session, "c" + ids.incrementAndGet() + " " + remote, remote,
                registry, settings, gate, heartbeats, refusals, heartbeats::handOff);
        session.getUserProperties().put(CONNECTION, connection);
        session.addMessageHandler(String.class, connection::onText);
        session.addMessageHandler(ByteBuffer.class, connection::onBinary);
        heartbeats.add(connection);
        LOG.info(() -> "open " + connection.label() + " subprotocol=" + session.getNegotiatedSubprotocol());
    }

    /**
     * A client that speaks only a retired subprotocol: the server sends everybody {@code lancers.v5}'s
     * state frames, which it cannot read. Closed at once with 1002, which every older client treats as
     * final (no reconnecting) and shows with its reason.
     */
    private void refuseOutdated(Session session, String remote) {
        String offered = session.getNegotiatedSubprotocol();
        LOG.info(() -> "refused " + remote + ": outdated client speaking " + offered);
        refusals.count("outdated_client");
        close(session, CloseReason.CloseCodes.PROTOCOL_ERROR, OUTDATED_REASON);
    }

    /** Beyond the per-address cap: closed right after the upgrade, before it costs anything else. */
    private void refuse(Session session, String remote) {
        LOG.info(() -> "refused " + remote + ": it already holds " + open.perAddress() + " connections");
        refusals.count("too_many_connections");
        close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "too many connections from this address");
    }

    /**
     * From now on new sessions are closed with 1001 at once: a client reconnecting into a server
     * that is going away must not be told its seat is gone by rooms that are stopping.
     */
    void stopAccepting() {
        shuttingDown = true;
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "close of a refused session failed", e);
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        Object counted = session.getUserProperties().remove(COUNTED_ADDRESS);
        if (counted != null) {
            open.closed((String) counted);
        }
        Connection connection = connectionOf(session);
        if (connection != null) {
            connection.onClosed(reason);
        }
        closes.count(Integer.toString(reason.getCloseCode().getCode()));
    }

    @Override
    public void onError(Session session, Throwable error) {
        Connection connection = connectionOf(session);
        String who = connection == null ? session.getId() : connection.label();
        // A peer vanishing mid-write is routine; anything else is a bug worth seeing.
        LOG.log(error instanceof IOException ? Level.FINE : Level.WARNING, "error on " + who, error);
    }

    private static Connection connectionOf(Session session) {
        return (Connection) session.getUserProperties().get(CONNECTION);
    }
}
