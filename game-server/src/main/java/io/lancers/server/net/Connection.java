package io.lancers.server.net;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.InputFormat;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.MatchException;
import io.lancers.server.match.MatchRegistry;
import io.lancers.server.match.Membership;
import io.lancers.server.match.Peer;
import io.lancers.server.match.Role;
import io.lancers.server.match.SharedFrame;
import io.lancers.sim.Input;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket connection: decodes frames, keeps the protocol phase, and talks to the match layer
 * through a {@link Membership}; the match layer talks back through {@link Peer}.
 *
 * <p>Phases: {@code AWAITING_HELLO → LOBBY → JOINING → PLAYING | SPECTATING → CLOSED}. JOINING is
 * the short wait for the match's tick thread to accept a join, spectate or resume; the match may
 * send {@code joined} before the answer reaches this object, so a client's first inputs can
 * arrive here while still JOINING: they are dropped, and its control messages wait and are
 * replayed once joined.
 */
final class Connection implements Peer {
    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    /** Close reasons are cut to this many bytes: RFC 6455 allows 123. */
    private static final int MAX_REASON_BYTES = 120;
    /** Control messages held back while JOINING; a client has no reason to send more. */
    private static final int MAX_DEFERRED = 16;

    enum State { AWAITING_HELLO, LOBBY, JOINING, PLAYING, SPECTATING, CLOSED }

    private final Session session;
    private final String label;
    /** The remote address: wrong passwords are counted per address. */
    private final String remote;
    private final MatchRegistry registry;
    private final ConnectionSettings settings;
    private final AccessGate gate;
    private final Heartbeats heartbeats;
    private final Tally refusals;
    private final FrameWriter writer;
    /** INPUT's layout under the negotiated subprotocol: with a view tick in v3. */
    private final InputFormat inputFormat;
    /** Where a match's answer is handled: never its tick thread, which must not wait for our lock. */
    private final Executor handoff;
    /** Tick of the last state frame sent: the heartbeat tells it, so a client can see how far behind it is. */
    private volatile int lastTickSent;

    // Guarded by this.
    private State state = State.AWAITING_HELLO;
    private final Liveness liveness;
    private final MessageRate textRate;
    private String name;
    /** Hello carried the host's token: this connection may send kick, nextMap and endMatch. */
    private boolean host;
    private Membership membership;
    private final List<ClientMessage> deferred = new ArrayList<>();
    /** Set by {@link #failLocked}: the session is closed once the lock is released, as a close may block. */
    private CloseReason pendingClose;

    Connection(Session session, String label, String remote, MatchRegistry registry, ConnectionSettings settings,
               AccessGate gate, Heartbeats heartbeats, Tally refusals, Executor handoff) {
        this.session = session;
        this.writer = FrameWriter.of(session);
        // The endpoint closes retired subprotocols at once; an unnamed one is a test's raw session.
        this.inputFormat = InputFormat.of(session.getNegotiatedSubprotocol()).orElse(InputFormat.V5);
        this.label = label;
        this.remote = remote;
        this.registry = registry;
        this.settings = settings;
        this.gate = gate;
        this.heartbeats = heartbeats;
        this.refusals = refusals;
        this.handoff = handoff;
        this.liveness = new Liveness(nowMs(), settings.helloTimeoutMs(),
                settings.welcome().heartbeatIntervalMs(), settings.welcome().heartbeatTimeoutMs());
        this.textRate = new MessageRate(MessageRate.DEFAULT_BURST, MessageRate.DEFAULT_PER_SECOND, nowMs());
    }

    static long nowMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    // ---- Peer: called by the match layer, from any thread ----

    @Override
    public String label() {
        return label;
    }

    /** A control message of this connection's own (welcome, heartbeat, error). */
    void sendText(String json) {
        send(SharedFrame.text(json));
    }

    @Override
    public void send(SharedFrame frame) {
        if (frame.stateTick() != SharedFrame.NO_TICK) {
            lastTickSent = frame.stateTick();
        }
        write(frame);
    }

    /** Nothing after Tyrus has started closing the session: its close frame is the last. */
    private void write(SharedFrame frame) {
        if (session.isOpen()) {
            writer.write(frame.wire());
        }
    }

    /** Writes not yet with the operating system: the match's slow-consumer signal. */
    @Override
    public int pendingSends() {
        return writer.inFlight();
    }

    /**
     * The match layer (superseded, slow consumer) or the server's shutdown closes us: either way
     * the match already knows, so it is not told back.
     */
    @Override
    public void close(int code, String reason) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            LOG.info(() -> "closing " + label + " by server: " + code + " " + reason);
            enterClosed();
            membership = null;
        }
        closeSession(closeReason(code, reason));
    }

    // ---- frames, on Tyrus worker threads ----

    void onText(String text) {
        try {
            receiveText(text);
        } finally {
            closeIfFailed();
        }
    }

    private void receiveText(String text) {
        ClientMessage message;
        synchronized (this) {
            long now = nowMs();
            liveness.received(now);
            // Every control message may cost an answer: a flood is cut off before it is even decoded.
            if (!textRate.allow(now)) {
                failLocked(CloseCodes.POLICY_VIOLATION, "too many messages");
                return;
            }
        }
        if (utf8LengthAbove(text, NetServer.MAX_TEXT_FRAME_BYTES)) {
            fail(CloseCodes.TOO_BIG, "text frame over " + NetServer.MAX_TEXT_FRAME_BYTES + " bytes");
            return;
        }
        try {
            message = ControlCodec.decodeClient(text);
        } catch (ProtocolException e) {
            fail(e.closeCode(), e.reason());
            return;
        }
        synchronized (this) {
            // The one message every client sends every second is handled here, so that handle() (every
            // other message, mostly once per connection) stays cold: at a thousand acks a second the JIT
            // compiled all of it, 60 kB of code, in a fresh server's first minute (BENCHMARKS.md §3).
            if (message instanceof ClientMessage.HeartbeatAck ack && state != State.AWAITING_HELLO) {
                heartbeatAcked(ack);
            } else {
                handle(message);
            }
        }
    }

    /** The round trip of one of our heartbeats; after the connection closed there is no membership to tell. */
    private void heartbeatAcked(ClientMessage.HeartbeatAck ack) {
        if (membership != null) {
            membership.pingMeasured((int) Math.min(Integer.MAX_VALUE, Math.max(0, nowMs() - ack.t())));
        }
    }

    void onBinary(ByteBuffer frame) {
        try {
            receiveBinary(frame);
        } finally {
            closeIfFailed();
        }
    }

    private void receiveBinary(ByteBuffer frame) {
        Membership target;
        synchronized (this) {
            liveness.received(nowMs());
            if (frame.remaining() > NetServer.MAX_BINARY_FRAME_BYTES) {
                failLocked(CloseCodes.TOO_BIG, "binary frame over " + NetServer.MAX_BINARY_FRAME_BYTES + " bytes");
                return;
            }
            switch (state) {
                case PLAYING -> target = membership;
                case JOINING -> target = null; // sent right after `joined`, before the join reached us
                case CLOSED -> {
                    return;
                }
                default -> {
                    failLocked(CloseCodes.PROTOCOL_ERROR, "input in phase " + state);
                    return;
                }
            }
        }
        Input input;
        try {
            input = InputCodec.decode(frame, inputFormat);
        } catch (ProtocolException e) {
            fail(e.closeCode(), e.reason());
            return;
        }
        if (target != null && !target.submitInput(input)) {
            fail(CloseCodes.POLICY_VIOLATION, "input flood");
        }
    }

    /**
     * Tyrus closed the session: the peer closed, the socket dropped (1006), or we closed it. A peer
     * that closes with 1000 or 1001 has left on purpose: its seat and name are free at once. Any
     * other end is a lost link, which a player may resume within the grace.
     */
    void onClosed(CloseReason reason) {
        LOG.info(() -> "closed " + label + " " + describe(reason));
        Membership lost;
        synchronized (this) {
            if (state == State.CLOSED) {
                return; // we closed it, and told the match then
            }
            lost = membership;
            membership = null;
            enterClosed();
        }
        int code = reason.getCloseCode().getCode();
        if (lost != null && (code == CloseCodes.NORMAL || code == CloseCodes.GOING_AWAY)) {
            lost.leave();
        } else if (lost != null) {
            lost.connectionLost();
        }
    }

    /** Called by the heartbeat thread a few times per interval; a heartbeat due is one of the round's {@code frames}. */
    void poll(long now, HeartbeatFrames frames) {
        Liveness.Verdict verdict;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            verdict = liveness.poll(now);
        }
        switch (verdict) {
            case SEND_HEARTBEAT -> write(frames.at(now, lastTickSent));
            case HELLO_TIMEOUT -> fail(CloseCodes.HELLO_TIMEOUT, "hello timeout");
            case HEARTBEAT_TIMEOUT -> fail(CloseCodes.HEARTBEAT_TIMEOUT, "heartbeat timeout");
            case NOTHING -> { }
        }
    }

    // ---- dispatch, holding the lock ----

    private void handle(ClientMessage message) {
        if (state == State.CLOSED) {
            return;
        }
        if (state == State.AWAITING_HELLO) {
            if (message instanceof ClientMessage.Hello hello) {
                hello(hello);
            } else {
                failLocked(CloseCodes.PROTOCOL_ERROR, "expected hello");
            }
            return;
        }
        if (message instanceof ClientMessage.Heartbeat heartbeat) {
            sendText(ControlCodec.encode(new ServerMessage.HeartbeatAck(heartbeat.t())));
        } else if (message instanceof ClientMessage.ListMatches) {
            sendText(ControlCodec.encode(new ServerMessage.MatchList(registry.list())));
        } else if (message instanceof ClientMessage.Hello) {
            failLocked(CloseCodes.PROTOCOL_ERROR, "hello twice");
        } else if (message instanceof ClientMessage.Join join) {
            enterMatch(() -> registry.join(join.matchId(), name, this), "join " + join.matchId());
        } else if (message instanceof ClientMessage.Spectate spectate) {
            enterMatch(() -> registry.spectate(spectate.matchId(), this), "spectate " + spectate.matchId());
        } else if (message instanceof ClientMessage.Kick kick) {
            hostOrder("kick " + forLog(kick.matchId()) + " " + kick.playerId(),
                    () -> registry.kick(kick.matchId(), kick.playerId()));
        } else if (message instanceof ClientMessage.NextMap next) {
            hostOrder("nextMap " + forLog(next.matchId()) + " " + forLog(next.mapId()),
                    () -> registry.pickNextMap(next.matchId(), next.mapId()));
        } else if (message instanceof ClientMessage.EndMatch end) {
            hostOrder("endMatch " + forLog(end.matchId()), () -> registry.endRound(end.matchId()));
        } else {
            inMatch(message);
        }
    }

    private void hello(ClientMessage.Hello hello) {
        AccessGate.Verdict verdict = gate.admit(remote, hello.password());
        if (!(verdict instanceof AccessGate.Verdict.Admitted)) {
            denied(verdict);
            return;
        }
        host = gate.isHost(hello.hostToken());
        if (hello.hostToken() != null && !host) {
            LOG.warning(() -> "hello " + label + " with a host token that is not the host's");
        }
        name = hello.name(); // the codec guarantees it is there; naming rules are the match's
        state = State.LOBBY;
        liveness.helloReceived(nowMs());
        String token = hello.resumeToken();
        // Never more of a token than its first 6 characters in a log.
        LOG.info(() -> "hello " + label + " name=" + forLog(name) + (host ? " host" : "")
                + (token == null ? "" : " resume=" + forLog(token.substring(0, Math.min(6, token.length())))));
        sendText(ControlCodec.encode(settings.welcome()));
        if (token != null) {
            enterMatch(() -> registry.resume(token, this), "resume");
        }
    }

    /** A wrong or missing password: say which, then close (4005). The password itself is never logged. */
    private void denied(AccessGate.Verdict verdict) {
        ErrorCode code;
        String text;
        if (verdict instanceof AccessGate.Verdict.PasswordRequired) {
            code = ErrorCode.PASSWORD_REQUIRED;
            text = "This server needs a password";
        } else if (verdict instanceof AccessGate.Verdict.WrongPassword) {
            code = ErrorCode.WRONG_PASSWORD;
            text = "Wrong password";
        } else if (verdict instanceof AccessGate.Verdict.TooManyAttempts wait) {
            code = ErrorCode.TOO_MANY_ATTEMPTS;
            text = "Too many wrong passwords: try again in " + Math.max(1, (wait.retryAfterMs() + 999) / 1000) + " s";
        } else {
            throw new IllegalStateException("not a refusal: " + verdict);
        }
        LOG.info(() -> "hello " + label + " refused: " + code.wire());
        refusals.count(code.wire());
        sendText(ControlCodec.encode(new ServerMessage.Error(code.wire(), text)));
        failLocked(CloseCodes.ACCESS_DENIED, text);
    }

    /** Kick, nextMap, endMatch: the host's connection only, in any phase after hello; others get not_host. */
    private void hostOrder(String what, Supplier<CompletableFuture<Void>> order) {
        if (!host) {
            LOG.info(() -> what + " refused for " + label + ": not the host");
            refusals.count(ErrorCode.NOT_HOST.wire());
            sendText(ControlCodec.encode(new ServerMessage.Error(ErrorCode.NOT_HOST.wire(),
                    "Only the host may kick, pick the next map or end a match")));
            return;
        }
        LOG.info(() -> what + " by the host on " + label);
        order.get().whenCompleteAsync((done, failure) -> {
            synchronized (this) {
                if (failure != null && state != State.CLOSED) {
                    refused(what, failure instanceof CompletionException ? failure.getCause() : failure);
                }
            }
            closeIfFailed();
        }, handoff);
    }

    /** Chat, resync and leave: only with a membership; held back while JOINING. */
    private void inMatch(ClientMessage message) {
        if (state == State.JOINING) {
            if (deferred.size() >= MAX_DEFERRED) {
                failLocked(CloseCodes.POLICY_VIOLATION, "too many messages while joining");
            } else {
                deferred.add(message);
            }
            return;
        }
        if (state != State.PLAYING && state != State.SPECTATING) {
            failLocked(CloseCodes.PROTOCOL_ERROR, ControlCodec.wireName(message.getClass()) + " outside a match");
            return;
        }
        if (message instanceof ClientMessage.Chat chat) {
            membership.chat(chat.text());
        } else if (message instanceof ClientMessage.Resync) {
            membership.resync();
        } else if (message instanceof ClientMessage.Vote vote) {
            membership.vote(vote.mapId());
        } else if (message instanceof ClientMessage.Leave) {
            LOG.info(() -> "leave " + label);
            membership.leave();
            membership = null;
            state = State.LOBBY;
        } else {
            throw new IllegalStateException("unhandled message " + message);
        }
    }

    /** Asks the match layer only from the lobby: one connection holds at most one membership. */
    private void enterMatch(Supplier<CompletableFuture<Membership>> request, String what) {
        if (state != State.LOBBY) {
            sendText(ControlCodec.encode(new ServerMessage.Error(ErrorCode.WRONG_PHASE.wire(),
                    "already " + state.name().toLowerCase(Locale.ROOT))));
            return;
        }
        state = State.JOINING;
        // Completes on the match's tick thread (or at once on a refusal): handled elsewhere.
        request.get().whenCompleteAsync((joined, failure) -> {
            try {
                entered(joined, failure, what);
            } finally {
                closeIfFailed();
            }
        }, handoff);
    }

    private void entered(Membership joined, Throwable failure, String what) {
        synchronized (this) {
            if (state == State.CLOSED) {
                // The socket went away while the match was accepting us: the match must hear it.
                if (joined != null) {
                    joined.connectionLost();
                }
                return;
            }
            if (failure != null) {
                state = State.LOBBY;
                deferred.clear();
                refused(what, failure instanceof CompletionException ? failure.getCause() : failure);
                return;
            }
            membership = joined;
            state = joined.role() == Role.PLAYER ? State.PLAYING : State.SPECTATING;
            LOG.info(() -> what + " " + label + ": " + joined);
            List<ClientMessage> replay = List.copyOf(deferred);
            deferred.clear();
            replay.forEach(this::handle);
        }
    }

    private void refused(String what, Throwable failure) {
        if (failure instanceof MatchException refusal) {
            LOG.info(() -> what + " refused for " + label + ": " + refusal.code().wire() + " " + refusal.getMessage());
            refusals.count(refusal.code().wire());
            sendText(ControlCodec.encode(new ServerMessage.Error(refusal.code().wire(), refusal.getMessage())));
        } else {
            LOG.log(Level.SEVERE, what + " failed for " + label, failure);
            failLocked(CloseCodes.INTERNAL_ERROR, "internal error");
        }
    }

    // ---- closing ----

    private void fail(int code, String reason) {
        synchronized (this) {
            failLocked(code, reason);
        }
        closeIfFailed();
    }

    /** We close this connection for a reason of ours; a match membership goes offline (resumable). */
    private void failLocked(int code, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        LOG.info(() -> "kicking " + label + " in " + state + ": " + code + " " + reason);
        Membership lost = membership;
        membership = null;
        enterClosed();
        if (lost != null) {
            lost.connectionLost();
        }
        pendingClose = closeReason(code, reason);
    }

    /** Closes the session if {@link #failLocked} asked for it; call without holding the lock. */
    private void closeIfFailed() {
        CloseReason close;
        synchronized (this) {
            close = pendingClose;
            pendingClose = null;
        }
        if (close != null) {
            closeSession(close);
        }
    }

    private void enterClosed() {
        state = State.CLOSED;
        deferred.clear();
        heartbeats.remove(this);
    }

    private static CloseReason closeReason(int code, String reason) {
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), truncate(reason));
    }

    private void closeSession(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "close of " + label + " failed", e);
        }
    }

    private static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        return new String(bytes, 0, MAX_REASON_BYTES, StandardCharsets.UTF_8).replace("\uFFFD", "");
    }

    /** Client text in a log line: one line, bounded (the match layer judges names; the log must not be forged). */
    private static String forLog(String clientText) {
        String oneLine = clientText.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 40 ? '"' + oneLine + '"' : '"' + oneLine.substring(0, 40) + "\"...";
    }

    private static boolean utf8LengthAbove(String text, int limit) {
        // A char is at most 3 UTF-8 bytes (surrogate pairs are 4 for 2 chars): short texts need no count.
        return text.length() * 3L > limit && text.getBytes(StandardCharsets.UTF_8).length > limit;
    }

    private static String describe(CloseReason reason) {
        return reason.getCloseCode().getCode() + " " + reason.getReasonPhrase();
    }

    @Override
    public String toString() {
        return label;
    }
}
