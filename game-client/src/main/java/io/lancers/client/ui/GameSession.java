package io.lancers.client.ui;

import io.lancers.client.audio.SoundBoard;
import io.lancers.client.net.ConnectionListener;
import io.lancers.client.net.ConnectionState;
import io.lancers.client.net.GameConnection;
import io.lancers.client.net.InputPacer;
import io.lancers.client.net.NetStats;
import io.lancers.client.state.ClientWorld;
import io.lancers.client.tls.CertificateRefusal;
import io.lancers.client.tls.ServerTrust;
import io.lancers.client.state.RenderFrame;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.ServerMessage.MatchInfo;
import io.lancers.server.GameServer;
import io.lancers.sim.Input;
import io.lancers.sim.World;
import javafx.application.Platform;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One connection to one server, from the lobby through a match and back, plus the embedded server
 * when this client started it. The connection calls the {@link ConnectionListener} methods on its
 * own threads; each hands over to the JavaFX thread with {@code Platform.runLater} into a method
 * named {@code …Fx}, and only those touch the view. Worlds go straight into the thread-safe
 * {@link ClientWorld}, which the frame loop samples.
 */
final class GameSession implements ConnectionListener, MatchView.Source, MatchView.Actions {
    private static final Logger LOG = Logger.getLogger(GameSession.class.getName());

    /** What to do once the server has welcomed us. */
    sealed interface Goal {
        /** Play in the match with the most room (a local game, a typed address). */
        record JoinAny() implements Goal {
        }

        record Join(String matchId) implements Goal {
        }

        record Spectate(String matchId) implements Goal {
        }

        /** Only list the matches, for the server browser; it chooses later. */
        record Browse() implements Goal {
        }
    }

    /** Refusals at hello that a password (another one, or later) can answer: PROTOCOL.md §18.1. */
    private static final Set<String> PASSWORD_REFUSALS = Set.of(ErrorCode.PASSWORD_REQUIRED.wire(),
            ErrorCode.WRONG_PASSWORD.wire(), ErrorCode.TOO_MANY_ATTEMPTS.wire());

    private final ClientWindow window;
    private final URI server;
    private final GameConnection connection;
    private final AutoCloseable embedded;
    /** This session is the host's own, on the server it embeds: its connection carries the host token. */
    private boolean hostsEmbedded;
    private final SoundBoard sounds;
    private volatile Goal goal;
    private volatile ClientWorld world;
    /** Set when the server's certificate was refused: the FAILED that follows asks the player instead. */
    private volatile CertificateRefusal refusal;

    // FX thread only
    private MatchView view;
    private InputPacer inputPacer;
    private ServerMessage.Joined joined;
    private boolean goalSent;
    private boolean ended;
    private Thread closer;
    private String announcement;

    /**
     * @param embedded the server this client started for this session (closed with it), or null
     */
    GameSession(ClientWindow window, URI server, String name, Goal goal, AutoCloseable embedded, SoundBoard sounds,
                ServerTrust trust) {
        this.window = window;
        this.server = server;
        this.goal = goal;
        this.embedded = embedded;
        this.sounds = sounds;
        this.connection = new GameConnection(server, name, this, trust);
    }

    /** The server's password and (for the host's own session) the host token, sent in every hello; before {@link #connect()}. */
    void access(String password, String hostToken) {
        connection.setAccess(password, hostToken);
        hostsEmbedded = hostToken != null && embedded instanceof GameServer;
    }

    void connect() {
        connection.connect();
    }

    Goal goal() {
        return goal;
    }

    URI server() {
        return server;
    }

    /** A line for the chat log of every match view this session opens (the host's address). */
    void announceOnJoin(String text) {
        announcement = text;
    }

    /** From the browser: join or watch a match of this (already welcomed) server. */
    void choose(Goal next) {
        goal = next;
        goalSent = false;
        if (connection.state().welcomed()) {
            pursueGoalFx();
        }
    }

    // ---- connection callbacks: network threads ----------------------------------------------

    @Override
    public void onState(ConnectionState state, String detail) {
        Platform.runLater(() -> onStateFx(state, detail));
    }

    @Override
    public void onCertificateRefused(CertificateRefusal refused) {
        refusal = refused; // before the FAILED it comes with, which reads it on the FX thread
    }

    @Override
    public void onReconnectAttempt(int attempt, Duration delay) {
        Platform.runLater(() -> {
            if (view != null) {
                view.reconnectAttemptFx(attempt);
            }
        });
    }

    @Override
    public void onMatchList(ServerMessage.MatchList list) {
        Platform.runLater(() -> onMatchListFx(list.matches()));
    }

    @Override
    public void onJoined(ServerMessage.Joined j) {
        // Before the hand-over: the snapshot that follows must find its buffer.
        world = ClientWorld.forMatch(j);
        Platform.runLater(() -> onJoinedFx(j));
    }

    @Override
    public void onRoster(ServerMessage.Roster roster) {
        Platform.runLater(() -> {
            if (view != null) {
                view.rosterFx(roster);
            }
        });
    }

    @Override
    public void onChat(ServerMessage.Chat chat) {
        Platform.runLater(() -> {
            if (view != null) {
                view.chatFx(chat);
            }
        });
    }

    @Override
    public void onNotice(ServerMessage.Notice notice) {
        Platform.runLater(() -> {
            if (view != null) {
                view.noticeFx(notice);
            }
        });
    }

    @Override
    public void onError(ServerMessage.Error error) {
        Platform.runLater(() -> onErrorFx(error));
    }

    @Override
    public void onMapVote(ServerMessage.MapVote vote) {
        Platform.runLater(() -> {
            if (view != null) {
                view.mapVoteFx(vote);
            }
        });
    }

    @Override
    public void onLeft(ServerMessage.Left left) {
        Platform.runLater(() -> onLeftFx(left));
    }

    @Override
    public void onWorld(World w) {
        ClientWorld buffer = world;
        if (buffer != null) {
            buffer.onWorld(w, System.nanoTime());
        }
    }

    // ---- on the FX thread -------------------------------------------------------------------

    private void onStateFx(ConnectionState state, String detail) {
        if (ended) {
            return;
        }
        LOG.fine(() -> "connection " + state.logName() + ": " + detail);
        CertificateRefusal refused = refusal;
        if (state == ConnectionState.FAILED && refused != null) {
            close();
            window.certificateRefusedFx(this, refused);
            return;
        }
        if (view != null) {
            view.connectionStateFx(state, detail);
            return;
        }
        switch (state) {
            case LOBBY -> pursueGoalFx();
            case FAILED, CLOSED -> endFx("Could not reach " + server.getHost() + ":" + server.getPort()
                    + (detail == null ? "" : " — " + detail));
            case CONNECTING, HANDSHAKING, IN_MATCH, RECONNECTING, RESUME_REFUSED -> {
                // No match on screen: the busy panel or the browser stays while (re)connecting;
                // IN_MATCH and RESUME_REFUSED arrive after the view that shows them.
            }
        }
    }

    private void pursueGoalFx() {
        if (goalSent) {
            return;
        }
        goalSent = true;
        // Every goal by name (Java 17 has no pattern switch): a new one fails here, not silently.
        Goal g = goal;
        if (g instanceof Goal.Join join) {
            connection.join(join.matchId());
        } else if (g instanceof Goal.Spectate spectate) {
            connection.spectate(spectate.matchId());
        } else if (g instanceof Goal.JoinAny || g instanceof Goal.Browse) {
            connection.listMatches();
        } else {
            throw new IllegalStateException("unhandled goal " + g);
        }
    }

    private void onMatchListFx(List<MatchInfo> matches) {
        if (ended) {
            return;
        }
        Goal g = goal;
        if (g instanceof Goal.Browse) {
            window.matchListFx(this, matches);
        } else if (g instanceof Goal.JoinAny) {
            Optional<MatchInfo> best = matches.stream()
                    .filter(m -> m.players() < m.maxPlayers())
                    .max(Comparator.comparingInt(MatchInfo::players).thenComparing(MatchInfo::id,
                            Comparator.reverseOrder()));
            if (best.isPresent()) {
                connection.join(best.get().id());
            } else {
                endFx("No match with a free seat on " + server.getHost() + ":" + server.getPort());
            }
        } else if (!(g instanceof Goal.Join || g instanceof Goal.Spectate)) {
            // Those two never ask for the list; a list that still arrives (asked for before a choice) is stale.
            throw new IllegalStateException("unhandled goal " + g);
        }
    }

    private void onJoinedFx(ServerMessage.Joined j) {
        if (ended) {
            return;
        }
        // A resume continues the same player in the same view; anything else is a fresh start.
        boolean resumed = view != null && j.resumed();
        joined = j;
        if (resumed) {
            view.connectionStateFx(ConnectionState.IN_MATCH, "resumed");
            return;
        }
        if (view != null) {
            view.stop();
        }
        Settings settings = window.settings();
        ServerMessage.Welcome welcome = connection.welcome();
        int maxChat = welcome == null ? 200 : welcome.limits().maxChatLength();
        boolean firstTime = j.playerId() != 0 && !settings.controlsSeen();
        inputPacer = new InputPacer(j.tickRate());
        view = new MatchView(j, this, this, sounds, settings.showNetStats(), firstTime, maxChat,
                () -> window.saveSettings(window.settings().withControlsSeen(true)));
        view.setAutoLowEffects(settings.autoLowEffects());
        window.showMatchFx(this, view);
        if (announcement != null) {
            view.systemLineFx(announcement);
        }
        view.start();
    }

    private void onErrorFx(ServerMessage.Error error) {
        if (ended) {
            return;
        }
        if (PASSWORD_REFUSALS.contains(error.code())) {
            // The server closes next (4005): this session is over, the window asks for the password.
            close();
            window.passwordNeededFx(this, error.message());
            return;
        }
        if (view != null) {
            view.errorFx(error);
        } else {
            // Refused before any match (full, bad name...): still welcomed, back to choosing.
            goal = new Goal.Browse();
            window.browserErrorFx(this, error.message());
        }
    }

    private void onLeftFx(ServerMessage.Left left) {
        if (!ended && view != null) {
            endFx("The match ended: " + left.reason());
        }
    }

    /**
     * Closes everything and returns to the menu with {@code message} (null: none); a session that
     * was only browsing returns to the browser instead.
     */
    private void endFx(String message) {
        close();
        if (goal instanceof Goal.Browse && view == null) {
            window.browserErrorFx(this, message);
        } else {
            window.sessionEndedFx(this, message);
        }
    }

    boolean ended() {
        return ended;
    }

    /** Stops the view, closes the connection, and the embedded server off the FX thread. */
    void close() {
        if (ended) {
            return;
        }
        ended = true;
        if (view != null) {
            view.stop();
        }
        world = null;
        closer = new Thread(() -> {
            connection.close();
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (Exception e) {
                    LOG.warning("embedded server did not close cleanly: " + e);
                }
            }
        }, "lancers-session-close");
        closer.setDaemon(true);
        closer.start();
    }

    /** Waits up to {@code millis} for {@link #close()} to finish. */
    void awaitClosed(long millis) {
        Thread t = closer;
        if (t == null) {
            return;
        }
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- MatchView.Source and .Actions: the frame loop and the HUD, FX thread ---------------

    @Override
    public Optional<RenderFrame> sample(long nowNanos) {
        ClientWorld buffer = world;
        return buffer == null ? Optional.empty() : buffer.sample(nowNanos);
    }

    /** Sends the held input at the tick rate ({@link InputPacer}), however fast frames come. */
    @Override
    public void input(long nowNanos, int buttons, float aim) {
        for (int due = inputPacer.due(nowNanos); due > 0; due--) {
            sendInput(buttons, aim);
        }
    }

    /** Hands one input to the connection, and to prediction if it went out. */
    private void sendInput(int buttons, float aim) {
        ClientWorld buffer = world;
        Optional<Input> sent = connection.sendInput(buttons, aim, buffer == null ? 0 : buffer.viewTick());
        if (buffer != null && sent.isPresent()) {
            buffer.onInputSent(sent.get());
        }
    }

    @Override
    public void sendChat(String text) {
        connection.chat(text);
    }

    @Override
    public NetStats netStats() {
        return connection.stats();
    }

    @Override
    public String interpolationSummary() {
        ClientWorld buffer = world;
        if (buffer == null) {
            return "interp –";
        }
        return String.format("interp %d ms   buffer %d   jitter %.1f ms", buffer.interpolationDelayNanos() / 1_000_000,
                buffer.bufferedWorlds(), buffer.jitterNanos() / 1e6);
    }

    @Override
    public void leave() {
        if (!ended) {
            connection.leave();
        }
        endFx(null);
    }

    @Override
    public void joinAsNew() {
        if (joined != null) {
            connection.join(joined.matchId());
        }
    }

    @Override
    public void vote(String mapId) {
        connection.vote(mapId);
    }

    @Override
    public void openSettings() {
        window.showSettingsOverMatchFx(view);
    }

    @Override
    public boolean hosting() {
        return hostsEmbedded;
    }

    @Override
    public void openHostControls() {
        if (hostsEmbedded) {
            window.showHostControlsOverMatchFx(view, new HostPanel((GameServer) embedded, HostPanel.Orders.over(connection)));
        }
    }
}
