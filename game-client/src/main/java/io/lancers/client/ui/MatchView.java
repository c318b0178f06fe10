package io.lancers.client.ui;

import io.lancers.client.audio.SoundBoard;
import io.lancers.client.audio.SoundCues;
import io.lancers.client.net.ConnectionState;
import io.lancers.client.net.NetStats;
import io.lancers.client.render.ArenaRenderer;
import io.lancers.client.render.Backplate;
import io.lancers.client.render.Camera;
import io.lancers.client.render.Effects;
import io.lancers.client.render.FrameBudget;
import io.lancers.client.render.ArenaPainter;
import io.lancers.client.render.Palette;
import io.lancers.client.render.SceneView;
import io.lancers.client.render.SceneView.PlayerLook;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.ServerMessage.PlayerInfo;
import io.lancers.sim.GameEvent;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.Rules;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The match screen: the arena as one image (drawn by an {@link ArenaPainter}) with the HUD, scoreboard, chat and overlays on top.
 *
 * <p>One {@link AnimationTimer} drives everything. Each frame, in this order:
 * <ol>
 *   <li>input: a player's held keys and mouse aim ({@link Controls}) go to {@link Actions#input}, which
 *       decides what is sent when; a spectator's keys move the free camera ({@link CameraDirector});</li>
 *   <li>sample state: {@link Source#sample} gives the frame to draw; its events spawn effects and
 *       sounds ({@link SoundCues});</li>
 *   <li>render: the camera follows the own (or watched) ship; the {@link ArenaPainter} shows the arena frame
 *       drawn since the last pulse and starts drawing this one on its own thread;</li>
 *   <li>HUD: health, score, timer, kill feed, scoreboard, net stats, banners ({@link MatchHud}).</li>
 * </ol>
 * The view never touches the network: it reads a {@link Source}, acts through {@link Actions}, and
 * the session calls its {@code …Fx} methods on the JavaFX thread.
 */
public final class MatchView extends StackPane {

    /** What the view draws: a live match, a recording, a benchmark's scene. */
    public interface Source {
        /** The frame to draw at {@code nowNanos}, empty before the first world arrived. */
        Optional<RenderFrame> sample(long nowNanos);

        NetStats netStats();

        /** How far in the past others are shown, ms, and how many worlds are buffered. */
        String interpolationSummary();
    }

    /** What the person at the view can do: play and talk in a live match, only leave elsewhere. */
    public interface Actions {
        /**
         * The buttons and aim held at {@code nowNanos}, every frame while playing; the session
         * decides which go out when (and into prediction). Never blocks.
         */
        void input(long nowNanos, int buttons, float aim);

        void sendChat(String text);

        /** Leave the match and go back to the menu. */
        void leave();

        /** After a refused resume: join the match again as a new player. */
        void joinAsNew();

        /** Open the settings over the match. */
        void openSettings();

        /** Vote for the next map during the intermission (players of a live match). */
        void vote(String mapId);

        /** Whether this is the host's own session: the pause menu then offers the host's controls. */
        boolean hosting();

        /** Open the host's controls (players, kick, next map, end match) over the match. */
        void openHostControls();

        /**
         * Someone who can only watch (a recording, a benchmark's scene): no input, chat, seat or
         * settings over the view; {@code leave} is their way out.
         */
        static Actions watchOnly(Runnable leave) {
            return new Actions() {
                @Override
                public void input(long nowNanos, int buttons, float aim) {
                }

                @Override
                public void sendChat(String text) {
                }

                @Override
                public void leave() {
                    leave.run();
                }

                @Override
                public void joinAsNew() {
                }

                @Override
                public void openSettings() {
                }

                @Override
                public void vote(String mapId) {
                }

                @Override
                public boolean hosting() {
                    return false;
                }

                @Override
                public void openHostControls() {
                }
            };
        }
    }

    private static final Logger LOG = Logger.getLogger(MatchView.class.getName());
    private static final long HIT_FLASH_NANOS = 350_000_000L;

    private final Source source;
    private final Actions actions;
    private final SoundCues soundCues;
    private final ServerMessage.Joined joined;
    private final int ownId;

    private final Pane arenaHolder;
    private final Effects effects = new Effects();
    private final ArenaRenderer renderer = new ArenaRenderer(effects);
    private final ArenaPainter painter = new ArenaPainter(renderer);
    private final AnimationTimer loop;

    private final ChatPanel chat;
    private final MatchHud hud;
    private final MapVotePanel mapVote;
    private final ConnectionOverlay connectionOverlay;
    private final PauseMenu pauseMenu;
    private StackPane controlsOverlay;

    private final Controls controls = new Controls();
    private final CameraDirector camera;

    private List<PlayerInfo> roster = List.of();
    private Map<Integer, PlayerLook> looks = Map.of();
    private boolean scoresHeld;
    private boolean showNetStats;
    private long lastFrameNanos;
    private final FrameBudget frameBudget = new FrameBudget(true);
    /** The painter's frames shown when the budget last counted one. */
    private long budgetedFrames;
    private RenderFrame lastFrame;
    private Camera lastCamera;
    private boolean frameFailureLogged;
    private long lastHitNanos;

    /**
     * @param joined      the server's {@code joined}: role, own id, tick rate, rules, map
     * @param firstMatch  true the first time this player plays: the controls overlay shows
     * @param onControlsSeen called when the player dismisses the controls overlay
     */
    public MatchView(ServerMessage.Joined joined, Source source, Actions actions, SoundBoard sounds,
                     boolean showNetStats, boolean firstMatch, int maxChatLength, Runnable onControlsSeen) {
        this.source = source;
        this.actions = actions;
        this.joined = joined;
        this.ownId = joined.playerId();
        this.soundCues = new SoundCues(sounds, ownId);
        this.camera = new CameraDirector(ownId, joined.map().width(), joined.map().height());
        this.showNetStats = showNetStats;
        setId("match-view");
        getStyleClass().add("match");
        setFocusTraversable(true);
        setMinSize(0, 0);
        // The arena covers the whole view: a background under it (the stylesheet's .root fill when
        // the view is a scene's root, as in the render bench) would be painted on every frame for nothing.
        Overlays.noBackground(this);

        arenaHolder = new Pane(painter.view());
        arenaHolder.setMinSize(0, 0);

        chat = new ChatPanel(maxChatLength, actions::sendChat, this::requestFocus);
        hud = new MatchHud(joined, chat, this::netStatsLine);
        connectionOverlay = new ConnectionOverlay(actions);
        pauseMenu = new PauseMenu(actions, this::resume);

        mapVote = new MapVotePanel(ownId != 0, actions::vote);
        StackPane.setAlignment(mapVote, Pos.BOTTOM_CENTER);
        StackPane.setMargin(mapVote, new Insets(0, 0, 90, 0));
        getChildren().addAll(arenaHolder, hud.layer(), hud.scoreboardLayer(), mapVote, connectionOverlay, pauseMenu.layer());
        if (firstMatch) {
            controlsOverlay = Overlays.controls(() -> {
                if (controlsOverlay != null) {
                    getChildren().remove(controlsOverlay);
                    controlsOverlay = null;
                    onControlsSeen.run();
                    requestFocus();
                }
            });
            // Below the connection overlay and the pause menu: those must stay reachable.
            getChildren().add(getChildren().indexOf(connectionOverlay), controlsOverlay);
        }
        installInput();
        // After each layout, before the frame is rendered: the HUD's boxes against the arena frame on screen.
        Runnable matchBackplates = () -> hud.matchBackplates(painter.shownPlates());
        sceneProperty().addListener((obs, was, is) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(matchBackplates);
            }
            if (is != null) {
                is.addPostLayoutPulseListener(matchBackplates);
            }
        });
        loop = new AnimationTimer() {
            @Override
            public void handle(long pulseNanos) {
                try {
                    // The state buffer stamps arrivals with System.nanoTime(): sample on the same clock.
                    frame(System.nanoTime());
                } catch (RuntimeException e) {
                    // A bad frame must not take the window down; say it once, keep drawing.
                    if (!frameFailureLogged) {
                        frameFailureLogged = true;
                        LOG.log(Level.WARNING, "frame failed; later failures are not logged", e);
                    }
                }
            }
        };
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        hud.fill(getWidth(), getHeight());
    }

    // ---- life cycle -------------------------------------------------------------------------

    public void start() {
        loop.start();
        requestFocus();
    }

    public void stop() {
        loop.stop();
        painter.stop();
    }

    /** What the last frame showed (tests; the render benchmark counts the live effects). */
    public ArenaRenderer.FrameSummary lastFrameSummary() {
        return renderer.lastFrame();
    }

    /** Arena frames drawn and shown so far (the render benchmark: pulses can outnumber them). */
    public long arenaFramesShown() {
        return painter.framesShown();
    }

    /** Our player id, 0 when spectating (the tests' view of whose ship is drawn). */
    int ownId() {
        return ownId;
    }

    /** The ship the camera follows: the own ship, or the watched one when spectating (0: free camera). */
    int followedId() {
        return camera.followedId();
    }

    public void setShowNetStats(boolean on) {
        showNetStats = on;
    }

    /** Whether frames that run long for a few seconds switch to fewer effects ({@link FrameBudget}). */
    public void setAutoLowEffects(boolean on) {
        frameBudget.setAuto(on);
    }

    // ---- calls from the session, on the FX thread -------------------------------------------

    public void rosterFx(ServerMessage.Roster r) {
        roster = r.players();
        Map<Integer, PlayerLook> m = new HashMap<>();
        for (PlayerInfo p : roster) {
            m.put(p.id(), new PlayerLook(p.name(), Palette.shipColor(p.id(), p.color())));
        }
        looks = m;
    }

    public void chatFx(ServerMessage.Chat c) {
        soundCues.chat();
        chatLine(c);
    }

    private void chatLine(ServerMessage.Chat c) {
        chat.playerLine(c.from(), c.fromId() == 0 ? Palette.TEXT_DIM : look(c.fromId()).color(), c.text());
    }

    /** The vote on the next map opened or changed. */
    public void mapVoteFx(ServerMessage.MapVote v) {
        mapVote.show(v);
    }

    public void noticeFx(ServerMessage.Notice n) {
        chat.systemLine(n.text(), false);
    }

    /**
     * Replaces the chat log with {@code lines} (chat and notices, oldest first), silently: a
     * replay's chat as of the moment shown.
     */
    public void chatHistoryFx(List<ServerMessage> lines) {
        chat.clearLog();
        for (ServerMessage line : lines) {
            if (line instanceof ServerMessage.Chat c) {
                chatLine(c);
            } else if (line instanceof ServerMessage.Notice n) {
                noticeFx(n);
            } else {
                throw new IllegalArgumentException("not a chat line: " + line.getClass().getSimpleName());
            }
        }
    }

    /** The spectator badge's text ("SPECTATING" unless told otherwise: a replay, a delayed broadcast). */
    public void setBadgeFx(String text) {
        hud.setBadge(text);
    }

    /** A line of our own in the chat log, in the notice colour. */
    public void systemLineFx(String text) {
        chat.systemLine(text, false);
    }

    public void errorFx(ServerMessage.Error e) {
        chat.systemLine(e.message(), true);
    }

    /** Shows or hides the connection overlay as the link's state changes. */
    public void connectionStateFx(ConnectionState state, String detail) {
        connectionOverlay.state(state, detail);
    }

    public void reconnectAttemptFx(int attempt) {
        connectionOverlay.reconnectAttempt(attempt);
    }

    String connectionMessage() {
        return connectionOverlay.shownText();
    }

    List<String> chatLines() {
        return chat.lines();
    }

    /** The match as the server described it when this view opened: map, rules, role. */
    ServerMessage.Joined joined() {
        return joined;
    }

    List<Scoreboard.Row> scoreboardRows() {
        return hud.scoreboardRows();
    }

    /** Whether the scoreboard shows its own fill, not one drawn by the painter under it (tests). */
    boolean tableFillOwn() {
        return hud.tableFillOwn();
    }

    /** The HUD's backgrounds in the arena frame on screen (tests). */
    List<Backplate.Placed> paintedBackplates() {
        return painter.shownPlates();
    }

    // ---- the frame --------------------------------------------------------------------------

    private void frame(long now) {
        // The budget times the arena's frames, not the pulses: a pulse that finds the painter still drawing
        // shows no new frame, and pulses keep their pace however slow the painter is.
        long shown = painter.framesShown();
        if (shown != budgetedFrames) {
            budgetedFrames = shown;
            frameBudget.frame(now);
        }
        if (frameBudget.lowEffects() != renderer.lowEffects()) {
            renderer.setLowEffects(frameBudget.lowEffects());
        }
        double dt = lastFrameNanos == 0 ? 0 : (now - lastFrameNanos) / 1e9;
        lastFrameNanos = now;

        // 1. input: a player's goes to the session, a spectator's moves the free camera
        boolean keysToGame = !chat.typing() && !pauseMenu.shown();
        if (ownId != 0) {
            RenderShip own = lastFrame == null ? null : lastFrame.own();
            actions.input(now, keysToGame ? controls.buttons() : 0, controls.aim(own, lastCamera));
        } else if (keysToGame) {
            camera.roam(dt, controls.moveX(), controls.moveY());
        }

        // 2. sample state; its events become effects and sounds
        Optional<RenderFrame> sampled = source.sample(now);
        if (sampled.isEmpty()) {
            drawWaiting();
            return;
        }
        RenderFrame f = sampled.get();
        lastFrame = f;

        // 3. render
        Camera cam = camera.view(f, arenaWidth(), arenaHeight());
        lastCamera = cam;
        effects.spawn(f, id -> look(id).color(), now);
        soundCues.frame(f, cam, followedId());
        SceneView view = new SceneView(f, joined.map(), looks, followedId(), cam);
        painter.frame(view, now, damageStrength(f, now), hud.backplates(MatchHud.scoresShown(f, scoresHeld)));

        // 4. HUD
        hud.update(f, now, roster, this::look, ownId == 0 ? camera.followLine(f, id -> look(id).name()) : null,
                scoresHeld, showNetStats);
        mapVote.intermission(f.match().phase() == MatchPhase.INTERMISSION);
    }

    /** A fading flash after each hit on us, and a slow pulse while health is low. */
    private double damageStrength(RenderFrame f, long now) {
        RenderShip own = f.own();
        if (own == null || !own.ship().alive()) {
            return 0;
        }
        for (GameEvent e : f.events()) {
            if (e instanceof GameEvent.Hit hit && hit.targetId() == ownId) {
                lastHitNanos = now;
            }
        }
        double flash = lastHitNanos == 0 ? 0 : Math.max(0, 1 - (now - lastHitNanos) / (double) HIT_FLASH_NANOS);
        double low = own.ship().health() <= Rules.MAX_HEALTH / 4 ? 0.45 + 0.25 * Math.sin(now / 1e9 * 5) : 0;
        return Math.max(flash, low);
    }

    private void drawWaiting() {
        painter.blank(arenaWidth(), arenaHeight(), Palette.SPACE);
        hud.setBanner("Waiting for the arena…");
    }

    /** The arena's size in whole pixels (the frame buffer's). */
    private int arenaWidth() {
        return Math.max(1, (int) Math.ceil(arenaHolder.getWidth()));
    }

    private int arenaHeight() {
        return Math.max(1, (int) Math.ceil(arenaHolder.getHeight()));
    }

    // ---- HUD --------------------------------------------------------------------------------

    private String netStatsLine(RenderFrame f) {
        NetStats n = source.netStats();
        return String.format("ping %s ms   fps %.0f   frame p99 %.1f ms%s%ntick %d (render %.1f)%nin %s/s   out %s/s%n%s",
                n.pingMs() < 0 ? "–" : Integer.toString(n.pingMs()), frameBudget.fps(), frameBudget.p99Millis(),
                renderer.lowEffects() ? "   low effects" : "", f.latestTick(), f.renderTick(),
                bytes(n.bytesInPerSecond()), bytes(n.bytesOutPerSecond()), source.interpolationSummary());
    }

    private static String bytes(long perSecond) {
        return perSecond >= 10_000 ? (perSecond / 1024) + " KiB" : perSecond + " B";
    }

    private PlayerLook look(int id) {
        PlayerLook l = looks.get(id);
        return l != null ? l : new PlayerLook(id == 0 ? "spectator" : "#" + id, Palette.shipColor(id, null));
    }

    // ---- input ------------------------------------------------------------------------------

    private void installInput() {
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB) {
                scoresHeld = true;
                e.consume();
            }
        });
        addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.TAB) {
                scoresHeld = false;
                e.consume();
            }
        });
        setOnKeyPressed(this::keyPressed);
        setOnKeyReleased(e -> controls.release(e.getCode()));
        focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                controls.releaseAll();
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, this::mouseAt);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseAt);
        painter.view().setOnMousePressed(e -> {
            mouseAt(e);
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                if (ownId != 0) {
                    controls.setMouseFiring(true);
                } else if (lastFrame != null && lastCamera != null) {
                    camera.followAt(lastFrame, lastCamera, e.getX(), e.getY());
                }
            } else if (e.getButton() == MouseButton.SECONDARY && ownId != 0) {
                controls.setMouseLance(true);
            }
        });
        painter.view().setOnMouseReleased(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                controls.setMouseFiring(false);
            } else if (e.getButton() == MouseButton.SECONDARY) {
                controls.setMouseLance(false);
            }
        });
    }

    private void mouseAt(MouseEvent e) {
        controls.mouseAt(e.getX(), e.getY());
    }

    private void keyPressed(KeyEvent e) {
        if (chat.typing()) {
            return;
        }
        KeyCode code = e.getCode();
        switch (code) {
            case ENTER -> {
                controls.releaseKeys();
                chat.open();
            }
            case ESCAPE -> {
                if (controlsOverlay != null) {
                    controlsOverlay.lookup("#controls-ok").fireEvent(new javafx.event.ActionEvent());
                } else if (pauseMenu.shown()) {
                    resume();
                } else {
                    controls.releaseKeys();
                    pauseMenu.show();
                }
            }
            case Q, E -> {
                if (lastFrame != null) {
                    camera.cycle(lastFrame, code == KeyCode.E ? 1 : -1);
                }
            }
            default -> {
                controls.press(code);
                if (Controls.isMoveKey(code)) {
                    camera.roamFreely();
                }
            }
        }
        e.consume();
    }

    private void resume() {
        pauseMenu.hide();
        requestFocus();
    }

    /** Hides the pause menu (after settings closed, for instance) and gives the game the keyboard back. */
    public void resumeFx() {
        resume();
    }
}
