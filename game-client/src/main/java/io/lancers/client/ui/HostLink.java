package io.lancers.client.ui;

import io.lancers.client.net.ConnectionListener;
import io.lancers.client.net.ConnectionState;
import io.lancers.client.net.GameConnection;
import io.lancers.client.tls.ServerTrust;
import io.lancers.protocol.ServerMessage;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The host's own lobby connection to the server it embeds, with the host token: the hosting
 * screen's orders go over it (PROTOCOL.md §18.2). A connection that fails (a busy machine can miss
 * the handshake deadline) is replaced after a second, until {@link #close()}. An order while there
 * is none in the lobby is not sent, and the listener hears so. No JavaFX: the listener is called on
 * network and timer threads.
 */
final class HostLink implements HostPanel.Orders, AutoCloseable {
    private static final long RETRY_MILLIS = 1000;

    interface Listener {
        /** Orders can be sent now ({@code true}), or not until the link is back. */
        void ready(boolean ready);

        /** The server refused an order, or there was no link to send it on. */
        void refused(String message);
    }

    private final URI server;
    private final ServerTrust trust;
    private final String password;
    private final String hostToken;
    private final Listener listener;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lancers-host-link");
        t.setDaemon(true);
        return t;
    });
    private volatile GameConnection current;
    private volatile boolean closed;

    /** @param trust trusts the embedded server's certificate when it speaks TLS */
    HostLink(URI server, ServerTrust trust, String password, String hostToken, Listener listener) {
        this.server = server;
        this.trust = trust;
        this.password = password;
        this.hostToken = hostToken;
        this.listener = listener;
    }

    /** Opens the first connection; returns at once. */
    void connect() {
        GameConnection link = new GameConnection(server, "Host", new ConnectionListener() {
            @Override
            public void onState(ConnectionState state, String detail) {
                if (closed) {
                    return;
                }
                if (state == ConnectionState.LOBBY) {
                    listener.ready(true);
                } else if (state.terminal()) {
                    listener.ready(false);
                    retries.schedule(HostLink.this::connect, RETRY_MILLIS, TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void onError(ServerMessage.Error error) {
                listener.refused(error.message());
            }
        }, trust);
        link.setAccess(password, hostToken);
        current = link;
        if (!closed) {
            link.connect();
        }
    }

    @Override
    public void kick(String matchId, int playerId) {
        sent(current.kick(matchId, playerId));
    }

    @Override
    public void nextMap(String matchId, String mapId) {
        sent(current.nextMap(matchId, mapId));
    }

    @Override
    public void endMatch(String matchId) {
        sent(current.endMatch(matchId));
    }

    private void sent(boolean sent) {
        if (!sent) {
            listener.refused("Not connected to your server yet: try again in a moment");
        }
    }

    /** Closes the connection; may wait for the goodbye to go out, so not on the FX thread. */
    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        GameConnection last = current;
        if (last != null) {
            last.close();
        }
    }
}
