package io.lancers.client.net;

import io.lancers.client.tls.CertificateRefusal;
import io.lancers.client.tls.ServerTrust;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.Input;
import io.lancers.sim.Quantum;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * One client's connection to a Lancers server: handshake, heartbeats both ways, silent-server
 * detection, reconnect with backoff and resume, and decoding of control messages and state frames.
 *
 * <p>States ({@link ConnectionState}):
 * <pre>
 * CONNECTING ──open──▶ HANDSHAKING ──welcome──▶ LOBBY ──joined──▶ IN_MATCH
 *     │ open failed / no welcome: FAILED          ▲  ◀──left──         │
 *     │                                          │                    │ silent for heartbeatTimeout,
 * RECONNECTING ◀── backoff ◀── link lost ◀────────┴────────────────────┘ or closed by the server
 *     │ open ──▶ HANDSHAKING (hello with the resume token) ──joined{resumed}──▶ IN_MATCH
 *     │                                        └──error resume_rejected──▶ RESUME_REFUSED (a lobby)
 *     └ budget spent ──▶ FAILED        close() ──▶ CLOSED        closed 4002 ──▶ CLOSED
 * </pre>
 * Closes with 1002, 1003, 1008, 1009 or 4004 mean we broke the rules, 4005 that the password is
 * missing or wrong: no point retrying, FAILED.
 * So does a {@code wss://} certificate we do not trust, first connection or reconnect alike.
 * A frame we cannot decode is a corrupt stream: we close it (1002 or 1003) and reconnect.
 *
 * <p>Threads: transport threads deliver frames, the clock's timer thread runs heartbeats and
 * reconnects, any thread may call the public methods. Everything runs under this object's lock,
 * which is never held across blocking I/O (sends are asynchronous), and the listener is called
 * under it, in order; see {@link ConnectionListener}. State frames are the exception: they are
 * decoded by the {@link StateStream} under its own lock and {@code onWorld} is called without
 * ours, so the frame loop, which takes ours to send its input, never waits for a decode or a
 * reconciliation.
 */
public final class GameConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GameConnection.class.getName());
    /** Closes that say the client is at fault: reconnecting would only repeat them. */
    private static final Set<Integer> FATAL_CLOSES = Set.of(CloseCodes.PROTOCOL_ERROR, CloseCodes.UNSUPPORTED_DATA,
            CloseCodes.POLICY_VIOLATION, CloseCodes.TOO_BIG, CloseCodes.KICKED, CloseCodes.ACCESS_DENIED);
    private static final long NANOS_PER_MS = 1_000_000L;

    private final URI server;
    private final String name;
    private final ConnectionListener listener;
    private final ReconnectPolicy policy;
    private final ClientClock clock;
    private final Transport transport;
    private final DoubleSupplier random;

    // Everything below is guarded by `this`.
    private ConnectionState state = ConnectionState.CONNECTING;
    private boolean started;
    /** Bumped whenever a link is dropped: events of older links are ignored. */
    private int generation;
    private Transport.Link link;
    private ServerMessage.Welcome welcome;
    private boolean everWelcomed;
    private ClientClock.Timer handshakeTimer;
    private ClientClock.Timer heartbeatTimer;
    private ClientClock.Timer reconnectTimer;
    private long lastReceivedNanos;
    private long nextHeartbeatNanos;

    /** Sent in every hello, reconnects included: the server's password and the host's token, or null. */
    private String password;
    private String hostToken;

    private String matchId;
    private int playerId;
    private String resumeToken;
    /** After a reconnect: waiting for {@code joined} (or a refusal) to get back into the match. */
    private boolean rejoining;

    private int attempt;
    private long lostAtNanos = -1;

    /** Has its own lock: see the class comment. */
    private final StateStream stream = new StateStream();
    private int nextSeq = 1;

    private final Traffic traffic = new Traffic();

    /** A connection over Tyrus on the system clock with the default reconnect policy. */
    public GameConnection(URI server, String name, ConnectionListener listener) {
        this(server, name, listener, ReconnectPolicy.defaults(), ClientClock.system());
    }

    /** A connection over Tyrus on the system clock with the default reconnect policy, trusting {@code wss://} servers as {@code trust} does. */
    public GameConnection(URI server, String name, ConnectionListener listener, ServerTrust trust) {
        this(server, name, listener, ReconnectPolicy.defaults(), ClientClock.system(), new TyrusTransport(trust),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    public GameConnection(URI server, String name, ConnectionListener listener, ReconnectPolicy policy,
                          ClientClock clock) {
        this(server, name, listener, policy, clock, TyrusTransport.SHARED, () -> ThreadLocalRandom.current().nextDouble());
    }

    GameConnection(URI server, String name, ConnectionListener listener, ReconnectPolicy policy, ClientClock clock,
                   Transport transport, DoubleSupplier random) {
        this.server = Objects.requireNonNull(server);
        this.name = Objects.requireNonNull(name);
        this.listener = Objects.requireNonNull(listener);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        this.transport = Objects.requireNonNull(transport);
        this.random = Objects.requireNonNull(random);
    }

    /** Starts connecting; returns at once. Progress is reported to the listener. Call once. */
    public synchronized void connect() {
        if (started) {
            throw new IllegalStateException("connect() was already called");
        }
        started = true;
        enter(ConnectionState.CONNECTING, server.toString());
        openLink();
    }

    /**
     * The server's password and, for the host's own connection, the host token (each null if
     * none), sent in every hello from now on. Call before {@link #connect()}.
     */
    public synchronized void setAccess(String password, String hostToken) {
        this.password = password;
        this.hostToken = hostToken;
    }

    /** Votes for the next map during the intermission ({@code mapVote} answers). */
    public synchronized boolean vote(String mapId) {
        return sendControl(new ClientMessage.Vote(mapId));
    }

    /** Host only: removes a human player from a match. */
    public synchronized boolean kick(String matchId, int playerId) {
        return sendControl(new ClientMessage.Kick(matchId, playerId));
    }

    /** Host only: the map a match plays next, whatever the vote. */
    public synchronized boolean nextMap(String matchId, String mapId) {
        return sendControl(new ClientMessage.NextMap(matchId, mapId));
    }

    /** Host only: ends a match's round now. */
    public synchronized boolean endMatch(String matchId) {
        return sendControl(new ClientMessage.EndMatch(matchId));
    }

    /** Asks for the match list ({@link ConnectionListener#onMatchList}). @return false if not welcomed */
    public synchronized boolean listMatches() {
        return sendControl(new ClientMessage.ListMatches());
    }

    /** Joins a match as a player ({@link ConnectionListener#onJoined} or {@code onError}). @return false if not welcomed */
    public synchronized boolean join(String matchId) {
        return sendControl(new ClientMessage.Join(matchId));
    }

    public synchronized boolean spectate(String matchId) {
        return sendControl(new ClientMessage.Spectate(matchId));
    }

    /** Leaves the match ({@link ConnectionListener#onLeft}). */
    public synchronized boolean leave() {
        return sendControl(new ClientMessage.Leave());
    }

    public synchronized boolean chat(String text) {
        return sendControl(new ClientMessage.Chat(text));
    }

    /** Asks for a full snapshot; deltas are dropped until it arrives. */
    public synchronized boolean resync() {
        if (!sendControl(new ClientMessage.Resync())) {
            return false;
        }
        traffic.resyncRequested();
        stream.expectSnapshot();
        return true;
    }

    /**
     * Sends one tick's input when playing in a match (asynchronously) and returns it, with its
     * sequence number and the aim snapped as the server will see it, for prediction. While not
     * playing (reconnecting, spectating) nothing is sent and nothing returned: an input the
     * server never gets must not be predicted.
     *
     * @param viewTick the server tick of the world on screen when the input was sampled (0: unknown);
     *                 sent in INPUT, where the server judges the shot by it
     */
    public synchronized Optional<Input> sendInput(int buttons, float aim, int viewTick) {
        if (state != ConnectionState.IN_MATCH || playerId == 0 || link == null) {
            return Optional.empty();
        }
        Input input = new Input(nextSeq++, buttons & link.inputFormat().buttons(), Quantum.angle(aim),
                Math.max(0, viewTick));
        byte[] frame = InputCodec.encode(input, link.inputFormat());
        traffic.sent(clock.nanoTime(), frame.length);
        link.sendBinary(ByteBuffer.wrap(frame));
        return Optional.of(input);
    }

    public synchronized ConnectionState state() {
        return state;
    }

    /** The last welcome, or null before the first. */
    public synchronized ServerMessage.Welcome welcome() {
        return welcome;
    }

    /** Our player id in the current match; 0 when spectating or not in a match. */
    public synchronized int playerId() {
        return playerId;
    }

    public synchronized NetStats stats() {
        return traffic.stats(clock.nanoTime());
    }

    /** Closes with 1000 and never reconnects. */
    @Override
    public synchronized void close() {
        if (state.terminal()) {
            return;
        }
        dropLink(CloseCodes.NORMAL, "bye");
        enter(ConnectionState.CLOSED, "closed by the client");
    }

    // ---- links -------------------------------------------------------------------------------

    private void openLink() {
        int gen = ++generation;
        handshakeTimer = clock.schedule(() -> handshakeTimedOut(gen), policy.connectTimeout().toNanos());
        transport.open(server, policy.connectTimeout(), new LinkEvents(gen));
    }

    /** Forgets the current link (closing it if open) and every timer tied to it. */
    private void dropLink(int code, String reason) {
        generation++;
        cancel(handshakeTimer);
        cancel(heartbeatTimer);
        cancel(reconnectTimer);
        handshakeTimer = heartbeatTimer = reconnectTimer = null;
        if (link != null) {
            link.close(code, reason);
            link = null;
        }
        stream.reset();
    }

    private static void cancel(ClientClock.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private final class LinkEvents implements Transport.Handler {
        private final int gen;

        LinkEvents(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(Transport.Link opened) {
            synchronized (GameConnection.this) {
                if (gen != generation) {
                    opened.close(CloseCodes.NORMAL, "superseded attempt");
                    return;
                }
                linkOpened(opened);
            }
        }

        @Override
        public void onOpenFailed(String reason) {
            synchronized (GameConnection.this) {
                if (gen == generation) {
                    linkLost(CloseCodes.NORMAL, "cannot connect: " + reason);
                }
            }
        }

        @Override
        public void onCertificateRefused(CertificateRefusal refusal) {
            synchronized (GameConnection.this) {
                if (gen == generation && !state.terminal()) {
                    // Retrying would meet the same certificate: stop, and let the player decide.
                    listener.onCertificateRefused(refusal);
                    fail(refusal.summary());
                }
            }
        }

        @Override
        public void onText(String text) {
            synchronized (GameConnection.this) {
                if (gen == generation) {
                    received(text.getBytes(StandardCharsets.UTF_8).length);
                    textReceived(text);
                }
            }
        }

        @Override
        public void onBinary(ByteBuffer frame) {
            int epoch;
            synchronized (GameConnection.this) {
                if (gen != generation) {
                    return;
                }
                received(frame.remaining());
                if (state != ConnectionState.IN_MATCH) {
                    return; // stragglers after leave
                }
                epoch = stream.epoch();
            }
            stateFrameReceived(gen, frame, epoch);
        }

        @Override
        public void onClosed(int code, String reason) {
            synchronized (GameConnection.this) {
                if (gen == generation) {
                    link = null; // already closed: nothing to close
                    closedByServer(code, reason);
                }
            }
        }
    }

    private void linkOpened(Transport.Link opened) {
        link = opened;
        lastReceivedNanos = clock.nanoTime();
        boolean resuming = matchId != null && resumeToken != null;
        rejoining = matchId != null;
        send(new ClientMessage.Hello(name, resuming ? resumeToken : null, password, hostToken));
        enter(ConnectionState.HANDSHAKING, resuming ? "hello, resuming player " + playerId + " token "
                + resumeToken.substring(0, Math.min(6, resumeToken.length())) + "…" : "hello sent");
    }

    private void received(int bytes) {
        long now = clock.nanoTime();
        lastReceivedNanos = now;
        traffic.received(now, bytes);
    }

    private void handshakeTimedOut(int gen) {
        synchronized (this) {
            if (gen == generation && handshakeTimer != null) {
                linkLost(CloseCodes.GOING_AWAY, "handshake not done within " + policy.connectTimeout().toMillis() + " ms");
            }
        }
    }

    private void closedByServer(int code, String reason) {
        String detail = "closed by server: " + code + (reason == null || reason.isEmpty() ? "" : " " + reason);
        if (code == CloseCodes.SUPERSEDED) {
            dropLink(CloseCodes.NORMAL, "superseded");
            enter(ConnectionState.CLOSED, detail + " (superseded by another connection)");
        } else if (FATAL_CLOSES.contains(code)) {
            fail(detail);
        } else if (code == CloseCodes.NORMAL) {
            dropLink(CloseCodes.NORMAL, "bye");
            enter(ConnectionState.CLOSED, detail);
        } else {
            linkLost(CloseCodes.GOING_AWAY, detail);
        }
    }

    /** The link is gone or useless: reconnect, unless it never got as far as a welcome. */
    private void linkLost(int code, String reason) {
        if (state.terminal()) {
            return;
        }
        dropLink(code, reason);
        if (!everWelcomed) {
            enter(ConnectionState.FAILED, reason);
            return;
        }
        long now = clock.nanoTime();
        if (lostAtNanos < 0) {
            lostAtNanos = now;
        }
        attempt++;
        long delay = policy.delayNanos(attempt, random);
        if (now + delay - lostAtNanos > policy.giveUpAfter().toNanos()) {
            enter(ConnectionState.FAILED, "gave up reconnecting after " + (attempt - 1) + " attempts in "
                    + (now - lostAtNanos) / NANOS_PER_MS + " ms: " + reason);
            return;
        }
        enter(ConnectionState.RECONNECTING, "attempt " + attempt + " in " + delay / NANOS_PER_MS + " ms: " + reason);
        listener.onReconnectAttempt(attempt, Duration.ofNanos(delay));
        int gen = generation;
        reconnectTimer = clock.schedule(() -> {
            synchronized (this) {
                if (gen == generation && state == ConnectionState.RECONNECTING) {
                    reconnectTimer = null;
                    openLink();
                }
            }
        }, delay);
    }

    private void fail(String reason) {
        dropLink(CloseCodes.NORMAL, "giving up");
        enter(ConnectionState.FAILED, reason);
    }

    // ---- heartbeats --------------------------------------------------------------------------

    private void startHeartbeats() {
        nextHeartbeatNanos = clock.nanoTime();
        heartbeatTick(generation);
    }

    /**
     * Sends our heartbeat when due and notices a silent server; wakes at whichever comes first.
     * A half-open link delivers nothing and closes nothing, so silence is the only sign.
     */
    private void heartbeatTick(int gen) {
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            long now = clock.nanoTime();
            long timeout = welcome.heartbeatTimeoutMs() * NANOS_PER_MS;
            long silentUntil = lastReceivedNanos + timeout;
            if (now >= silentUntil) {
                linkLost(CloseCodes.HEARTBEAT_TIMEOUT, "server silent for " + (now - lastReceivedNanos) / NANOS_PER_MS
                        + " ms");
                return;
            }
            if (now >= nextHeartbeatNanos) {
                send(new ClientMessage.Heartbeat(now / NANOS_PER_MS));
                nextHeartbeatNanos = now + welcome.heartbeatIntervalMs() * NANOS_PER_MS;
            }
            long wake = Math.min(nextHeartbeatNanos, silentUntil) - now;
            heartbeatTimer = clock.schedule(() -> heartbeatTick(gen), wake);
        }
    }

    // ---- messages ----------------------------------------------------------------------------

    private void textReceived(String text) {
        ServerMessage message;
        try {
            message = ControlCodec.decodeServer(text);
        } catch (ProtocolException e) {
            corruptStream(e, "undecodable control message");
            return;
        }
        // Exhaustive over the sealed family (Java 17 has no pattern switch): the last branch throws.
        if (message instanceof ServerMessage.Welcome w) {
            welcomed(w);
        } else if (message instanceof ServerMessage.Joined j) {
            joined(j);
        } else if (message instanceof ServerMessage.Error e) {
            refused(e);
        } else if (message instanceof ServerMessage.Left l) {
            forgetMatch();
            enter(ConnectionState.LOBBY, "left " + l.matchId() + ": " + l.reason());
            listener.onLeft(l);
        } else if (message instanceof ServerMessage.Heartbeat h) {
            send(new ClientMessage.HeartbeatAck(h.t()));
        } else if (message instanceof ServerMessage.HeartbeatAck a) {
            traffic.pinged((int) Math.max(0, clock.nanoTime() / NANOS_PER_MS - a.t()));
        } else if (message instanceof ServerMessage.MatchList m) {
            listener.onMatchList(m);
        } else if (message instanceof ServerMessage.Roster r) {
            listener.onRoster(r);
        } else if (message instanceof ServerMessage.Chat c) {
            listener.onChat(c);
        } else if (message instanceof ServerMessage.Notice n) {
            listener.onNotice(n);
        } else if (message instanceof ServerMessage.MapVote v) {
            listener.onMapVote(v);
        } else {
            throw new IllegalStateException("unhandled server message " + message.getClass().getSimpleName());
        }
    }

    private void welcomed(ServerMessage.Welcome w) {
        if (state != ConnectionState.HANDSHAKING) {
            protocolViolation("welcome while " + state.logName());
            return;
        }
        if (!rejoining) {
            // Rejoining keeps the timer running until joined (or a refusal): a server that
            // welcomes and then says nothing more must not leave us waiting forever.
            handshakeFinished();
        }
        welcome = w;
        if (everWelcomed) {
            traffic.reconnected();
        }
        everWelcomed = true;
        if (!rejoining) {
            reconnected();
        }
        startHeartbeats();
        listener.onWelcome(w);
        if (!rejoining) {
            enter(ConnectionState.LOBBY, "welcome from " + w.serverName() + " " + w.serverVersion());
        } else if (resumeToken == null) {
            send(new ClientMessage.Spectate(matchId)); // spectators have no token: just watch again
        }
    }

    private void joined(ServerMessage.Joined j) {
        handshakeFinished();
        reconnected();
        rejoining = false;
        matchId = j.matchId();
        playerId = j.playerId();
        resumeToken = j.resumeToken();
        stream.reset();
        if (j.resumed()) {
            traffic.resumed();
        }
        listener.onJoined(j); // first: the listener sets up for the match before it hears IN_MATCH
        enter(ConnectionState.IN_MATCH, (j.resumed() ? "resumed " : "joined ") + j.matchId() + " as " + j.role()
                + (j.playerId() != 0 ? " " + j.playerId() : ""));
    }

    private void refused(ServerMessage.Error e) {
        if (rejoining) {
            handshakeFinished();
            reconnected(); // back in the lobby: the link works
        }
        if (ErrorCode.RESUME_REJECTED.wire().equals(e.code())) {
            forgetMatch();
            enter(ConnectionState.RESUME_REFUSED, e.message());
        } else if (rejoining) {
            forgetMatch();
            enter(ConnectionState.LOBBY, "could not return to the match: " + e.code() + " " + e.message());
        }
        listener.onError(e);
    }

    /**
     * The reconnect budget starts again only once we are where we were: in the lobby, or back in
     * the match. A welcome alone is not enough while rejoining: a server that welcomes and then
     * never takes us back must use up the budget, not reset it on every attempt.
     */
    private void reconnected() {
        attempt = 0;
        lostAtNanos = -1;
    }

    private void handshakeFinished() {
        cancel(handshakeTimer);
        handshakeTimer = null;
    }

    private void forgetMatch() {
        rejoining = false;
        matchId = null;
        playerId = 0;
        resumeToken = null;
        stream.reset();
    }

    /**
     * Decodes outside our lock (see the class comment). A gap asks for a snapshot; a frame we
     * cannot decode is a corrupt stream.
     */
    private void stateFrameReceived(int gen, ByteBuffer frame, int epoch) {
        StateStream.Result result;
        try {
            result = stream.apply(frame, epoch);
        } catch (ProtocolException e) {
            synchronized (this) {
                if (gen == generation) {
                    corruptStream(e, "undecodable state frame");
                }
            }
            return;
        }
        switch (result.outcome()) {
            case APPLIED -> {
                synchronized (this) {
                    traffic.frameApplied(clock.nanoTime());
                }
                listener.onWorld(result.world());
            }
            case GAP -> {
                synchronized (this) {
                    if (gen == generation) {
                        traffic.gap();
                        resync();
                    }
                }
            }
            case DROPPED -> { }
        }
    }

    /**
     * The server sent something we cannot understand. As PROTOCOL.md §8 says: close with the
     * codec's code and reconnect (a stream corrupted in transit heals; a server that keeps doing
     * it exhausts the reconnect budget and we fail).
     */
    private void corruptStream(ProtocolException e, String what) {
        LOG.warning(name + ": " + what + ": " + e.reason());
        linkLost(e.closeCode(), what + ": " + e.reason());
    }

    /** A message that cannot come in this state: the server does not follow the protocol. */
    private void protocolViolation(String reason) {
        LOG.warning(name + ": " + reason);
        dropLink(CloseCodes.PROTOCOL_ERROR, "protocol error");
        enter(ConnectionState.FAILED, reason);
    }

    private boolean sendControl(ClientMessage message) {
        if (!state.welcomed() || link == null) {
            return false;
        }
        send(message);
        return true;
    }

    private void send(ClientMessage message) {
        String text = ControlCodec.encode(message);
        traffic.sent(clock.nanoTime(), text.getBytes(StandardCharsets.UTF_8).length);
        link.sendText(text);
    }

    private void enter(ConnectionState next, String detail) {
        state = next;
        LOG.info(name + " " + next.logName() + ": " + detail);
        listener.onState(next, detail);
    }
}
