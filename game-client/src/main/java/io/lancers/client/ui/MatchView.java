package io.lancers.client.ui;

import io.lancers.client.audio.SoundBoard;
import io.lancers.client.audio.SoundBoard.Sound;
import io.lancers.client.net.ConnectionState;
import io.lancers.client.net.NetStats;
import io.lancers.client.render.ArenaRenderer;
import io.lancers.client.render.Camera;
import io.lancers.client.render.Effects;
import io.lancers.client.render.FrameBudget;
import io.lancers.client.render.Palette;
import io.lancers.client.render.SceneView;
import io.lancers.client.render.SceneView.PlayerLook;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.ServerMessage.PlayerInfo;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The match screen: the arena on a canvas with the HUD, scoreboard, chat and overlays on top.
 *
 * <p>One {@link AnimationTimer} drives everything. Each frame, in this order:
 * <ol>
 *   <li>sample input: held keys and mouse aim into buttons and an angle;</li>
 *   <li>send input: at most one per tick period (the server applies a few per tick);</li>
 *   <li>sample state: {@link Link#sample} gives the frame to draw; its events spawn effects and sounds;</li>
 *   <li>render: the camera follows the own (or watched) ship, the renderer draws;</li>
 *   <li>HUD: health, score, timer, kill feed, scoreboard, net stats, banners.</li>
 * </ol>
 * The view never touches the network: it reads {@link Link}, and the session calls its
 * {@code …Fx} methods on the JavaFX thread.
 */
public final class MatchView extends StackPane {

    /** What the view needs from the game session. */
    public interface Link {
        /** The frame to draw at {@code nowNanos}, empty before the first world arrived. */
        Optional<RenderFrame> sample(long nowNanos);

        /** Hands one input to the connection (and to prediction); never blocks. */
        void sendInput(int buttons, float aim);

        void sendChat(String text);

        NetStats netStats();

        /** How far in the past others are shown, ms, and how many worlds are buffered. */
        String interpolationSummary();

        /** Leave the match and go back to the menu. */
        void leave();

        /** After a refused resume: join the match again as a new player. */
        void joinAsNew();

        /** Open the settings over the match. */
        void openSettings();
    }

    private static final Logger LOG = Logger.getLogger(MatchView.class.getName());
    private static final double FREE_CAMERA_SPEED = 700;
    private static final long HIT_FLASH_NANOS = 350_000_000L;

    private final Link link;
    private final SoundBoard sounds;
    private final ServerMessage.Joined joined;
    private final int ownId;
    private final long tickNanos;

    private final Canvas canvas = new Canvas();
    private final Effects effects = new Effects();
    private final ArenaRenderer renderer = new ArenaRenderer(effects);
    private final AnimationTimer loop;

    private final ChatPanel chat;
    private final MatchHud hud;
    private final Overlays.ConnectionOverlay connectionOverlay = new Overlays.ConnectionOverlay();
    private final StackPane pauseMenu;
    private final Button reconnectLeave;
    private final Button joinAsNew;
    private final Button backToMenu;
    private StackPane controlsOverlay;

    private final Set<KeyCode> held = new HashSet<>();
    private boolean mouseFiring;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private long nextInputNanos;
    private float lastAim;

    private List<PlayerInfo> roster = List.of();
    private Map<Integer, PlayerLook> looks = Map.of();
    private boolean scoresHeld;
    private boolean showNetStats;
    private int followId;
    private boolean freeCamera;
    private double freeX;
    private double freeY;
    private long lastFrameNanos;
    private final FrameBudget frameBudget = new FrameBudget(true);
    private int lastProjectileId = -1;
    private RenderFrame lastFrame;
    private Camera lastCamera;
    private boolean frameFailureLogged;
    private long lastHitNanos;

    /**
     * @param joined      the server's {@code joined}: role, own id, tick rate, rules, map
     * @param firstMatch  true the first time this player plays: the controls overlay shows
     * @param onControlsSeen called when the player dismisses the controls overlay
     */
    public MatchView(ServerMessage.Joined joined, Link link, SoundBoard sounds, boolean showNetStats,
                     boolean firstMatch, int maxChatLength, Runnable onControlsSeen) {
        this.link = link;
        this.sounds = sounds;
        this.joined = joined;
        this.ownId = joined.playerId();
        this.tickNanos = 1_000_000_000L / Math.max(1, joined.tickRate());
        this.showNetStats = showNetStats;
        this.freeX = joined.map().width() / 2;
        this.freeY = joined.map().height() / 2;
        setId("match-view");
        getStyleClass().add("match");
        setFocusTraversable(true);
        setMinSize(0, 0);

        Pane canvasHolder = new Pane(canvas);
        canvasHolder.setMinSize(0, 0);
        canvas.widthProperty().bind(canvasHolder.widthProperty());
        canvas.heightProperty().bind(canvasHolder.heightProperty());

        chat = new ChatPanel(maxChatLength, link::sendChat, this::requestFocus);
        hud = new MatchHud(joined, chat, this::netStatsLine);
        reconnectLeave = Overlays.menuButton("Leave", "reconnect-leave", link::leave);
        joinAsNew = Overlays.menuButton("Join as new player", "join-as-new", link::joinAsNew);
        backToMenu = Overlays.menuButton("Back to menu", "back-to-menu", link::leave);
        pauseMenu = Overlays.dimmed("pause-menu", heading("PAUSED"),
                Overlays.menuButton("Resume", "pause-resume", this::resume),
                Overlays.menuButton("Settings", "pause-settings", link::openSettings),
                Overlays.menuButton("Leave match", "pause-leave", link::leave));
        pauseMenu.setVisible(false);

        getChildren().addAll(canvasHolder, hud.layer(), hud.scoreboardLayer(), connectionOverlay, pauseMenu);
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

    // ---- life cycle -------------------------------------------------------------------------

    public void start() {
        loop.start();
        requestFocus();
    }

    public void stop() {
        loop.stop();
    }

    /** What the last frame showed (tests; the render benchmark counts the live effects). */
    public ArenaRenderer.FrameSummary lastFrameSummary() {
        return renderer.lastFrame();
    }

    public int ownId() {
        return ownId;
    }

    /** The ship the camera follows: the own ship, or the watched one when spectating (0: free camera). */
    public int followedId() {
        return ownId != 0 ? ownId : freeCamera ? 0 : followId;
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
        sounds.play(Sound.CHAT, 0.5, 0);
        chatLine(c);
    }

    private void chatLine(ServerMessage.Chat c) {
        chat.playerLine(c.from(), c.fromId() == 0 ? Palette.TEXT_DIM : look(c.fromId()).color(), c.text());
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
        switch (state) {
            case IN_MATCH -> connectionOverlay.hide();
            case RECONNECTING -> connectionOverlay.show("Connection lost — reconnecting…", true, reconnectLeave);
            case RESUME_REFUSED -> connectionOverlay.show(
                    "Your seat expired — the server restarted or you were away too long", false,
                    joinAsNew, backToMenu);
            case FAILED -> connectionOverlay.show("Connection failed: " + (detail == null ? "unknown" : detail),
                    false, backToMenu);
            case CLOSED -> connectionOverlay.show("Disconnected" + (detail == null ? "" : ": " + detail), false,
                    backToMenu);
            default -> {
                // CONNECTING, HANDSHAKING, LOBBY: transitional while resuming; the overlay stays as it is.
            }
        }
    }

    public void reconnectAttemptFx(int attempt) {
        connectionOverlay.show("Connection lost — reconnecting, attempt " + attempt + "…", true, reconnectLeave);
    }

    String connectionMessage() {
        return connectionOverlay.isVisible() ? connectionOverlay.text() : "";
    }

    List<String> chatLines() {
        return chat.lines();
    }

    List<Scoreboard.Row> scoreboardRows() {
        return hud.scoreboardRows();
    }

    // ---- the frame --------------------------------------------------------------------------

    private void frame(long now) {
        frameBudget.frame(now);
        if (frameBudget.lowEffects() != renderer.lowEffects()) {
            renderer.setLowEffects(frameBudget.lowEffects());
        }
        double dt = lastFrameNanos == 0 ? 0 : (now - lastFrameNanos) / 1e9;
        lastFrameNanos = now;

        // 1. sample input, 2. send it (players only)
        if (ownId != 0) {
            int buttons = buttons();
            float aim = aim();
            if (nextInputNanos == 0 || now - nextInputNanos > 4 * tickNanos) {
                nextInputNanos = now;
            }
            int sent = 0;
            while (now >= nextInputNanos && sent < 2) {
                link.sendInput(buttons, aim);
                nextInputNanos += tickNanos;
                sent++;
            }
        } else {
            moveFreeCamera(dt);
        }

        // 3. sample state; its events become effects and sounds
        Optional<RenderFrame> sampled = link.sample(now);
        if (sampled.isEmpty()) {
            drawWaiting();
            return;
        }
        RenderFrame f = sampled.get();
        lastFrame = f;
        if (ownId == 0 && !freeCamera && ship(f, followId) == null) {
            followId = nextFollow(f, followId, 1);
        }

        // 4. render
        Camera cam = camera(f);
        lastCamera = cam;
        effects.spawn(f, id -> look(id).color(), now);
        playSounds(f, cam);
        SceneView view = new SceneView(f, joined.map(), looks, followedId(), cam);
        renderer.render(canvas.getGraphicsContext2D(), view, now);
        renderer.drawDamageVignette(canvas.getGraphicsContext2D(), cam, damageStrength(f, now));

        // 5. HUD
        hud.update(f, now, roster, this::look, ownId == 0 ? followLine(f) : null, scoresHeld, showNetStats);
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

    private int buttons() {
        if (chat.typing() || pauseMenu.isVisible()) {
            return 0;
        }
        int b = 0;
        if (held.contains(KeyCode.W) || held.contains(KeyCode.UP)) {
            b |= Input.UP;
        }
        if (held.contains(KeyCode.S) || held.contains(KeyCode.DOWN)) {
            b |= Input.DOWN;
        }
        if (held.contains(KeyCode.A) || held.contains(KeyCode.LEFT)) {
            b |= Input.LEFT;
        }
        if (held.contains(KeyCode.D) || held.contains(KeyCode.RIGHT)) {
            b |= Input.RIGHT;
        }
        if (mouseFiring || held.contains(KeyCode.SPACE)) {
            b |= Input.FIRE;
        }
        return b;
    }

    /** The angle from the own ship (where it was drawn last frame) to the mouse. */
    private float aim() {
        if (lastFrame == null || lastCamera == null || Double.isNaN(mouseX)) {
            return lastAim;
        }
        RenderShip own = lastFrame.own();
        if (own == null) {
            return lastAim;
        }
        double dx = mouseX - lastCamera.toScreenX(own.x());
        double dy = mouseY - lastCamera.toScreenY(own.y());
        if (dx * dx + dy * dy > 4) {
            double a = Math.atan2(dy, dx);
            lastAim = (float) (a < 0 ? a + 2 * Math.PI : a);
        }
        return lastAim;
    }

    private void moveFreeCamera(double dt) {
        if (!freeCamera || chat.typing() || pauseMenu.isVisible()) {
            return;
        }
        double dx = 0;
        double dy = 0;
        if (held.contains(KeyCode.W) || held.contains(KeyCode.UP)) {
            dy -= 1;
        }
        if (held.contains(KeyCode.S) || held.contains(KeyCode.DOWN)) {
            dy += 1;
        }
        if (held.contains(KeyCode.A) || held.contains(KeyCode.LEFT)) {
            dx -= 1;
        }
        if (held.contains(KeyCode.D) || held.contains(KeyCode.RIGHT)) {
            dx += 1;
        }
        freeX = Math.max(0, Math.min(joined.map().width(), freeX + dx * FREE_CAMERA_SPEED * dt));
        freeY = Math.max(0, Math.min(joined.map().height(), freeY + dy * FREE_CAMERA_SPEED * dt));
    }

    private Camera camera(RenderFrame f) {
        double x = freeX;
        double y = freeY;
        RenderShip target = ship(f, followedId());
        if (target != null && target.ship().alive()) {
            x = target.x();
            y = target.y();
            freeX = x;
            freeY = y;
        }
        return Camera.follow(x, y, joined.map().width(), joined.map().height(), canvas.getWidth(), canvas.getHeight());
    }

    private void playSounds(RenderFrame f, Camera cam) {
        if (!sounds.active()) {
            trackProjectiles(f, null);
            return;
        }
        for (GameEvent e : f.events()) {
            if (e instanceof GameEvent.Hit hit) {
                playAt(Sound.HIT, ship(f, hit.targetId()), cam);
            } else if (e instanceof GameEvent.Kill kill) {
                playAt(Sound.EXPLODE, ship(f, kill.victimId()), cam);
            } else if (e instanceof GameEvent.PickupTaken taken) {
                playAt(taken.kind() == PickupKind.POWER ? Sound.PICKUP_POWER : Sound.PICKUP_HEALTH,
                        ship(f, taken.shipId()), cam);
            } else if (e instanceof GameEvent.Spawn spawn && spawn.shipId() == followedId()) {
                sounds.play(Sound.RESPAWN, 0.8, 0);
            }
        }
        trackProjectiles(f, cam);
    }

    /** A projectile with an id not seen before was just fired: its sound plays once. */
    private void trackProjectiles(RenderFrame f, Camera cam) {
        int newest = lastProjectileId;
        for (RenderProjectile p : f.projectiles()) {
            int id = p.projectile().id();
            if (id > lastProjectileId && cam != null) {
                double vol = volumeAt(p.projectile().x0(), p.projectile().y0(), cam)
                        * (p.projectile().ownerId() == ownId ? 0.6 : 0.35);
                if (vol > 0.02) {
                    sounds.play(p.projectile().damage() > Rules.PROJECTILE_DAMAGE ? Sound.FIRE_POWERED : Sound.FIRE,
                            vol, pan(p.projectile().x0(), cam));
                }
            }
            newest = Math.max(newest, id);
        }
        lastProjectileId = newest;
    }

    private void playAt(Sound s, RenderShip where, Camera cam) {
        if (where == null) {
            sounds.play(s, 0.5, 0);
            return;
        }
        double vol = volumeAt(where.x(), where.y(), cam);
        if (vol > 0.02) {
            sounds.play(s, vol, pan(where.x(), cam));
        }
    }

    private static double volumeAt(double x, double y, Camera cam) {
        double d = Math.hypot(x - cam.centerX(), y - cam.centerY());
        return Math.max(0, 1 - d / (Camera.VIEW_HEIGHT * 1.2));
    }

    private static double pan(double x, Camera cam) {
        return Math.max(-1, Math.min(1, (x - cam.centerX()) / (Camera.VIEW_HEIGHT * 0.8)));
    }

    private void drawWaiting() {
        var g = canvas.getGraphicsContext2D();
        g.setFill(Palette.SPACE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        hud.setBanner("Waiting for the arena…");
    }

    // ---- HUD --------------------------------------------------------------------------------

    /** The spectator's line under the timer: whom the camera follows. */
    private String followLine(RenderFrame f) {
        RenderShip watched = ship(f, followId);
        return freeCamera || watched == null ? "Free camera — Q/E to follow a player"
                : "Following " + look(followId).name() + " — Q/E to switch, WASD free camera";
    }

    private String netStatsLine(RenderFrame f) {
        NetStats n = link.netStats();
        return String.format("ping %s ms   fps %.0f   frame p99 %.1f ms%s%ntick %d (render %.1f)%nin %s/s   out %s/s%n%s",
                n.pingMs() < 0 ? "–" : Integer.toString(n.pingMs()), frameBudget.fps(), frameBudget.p99Millis(),
                renderer.lowEffects() ? "   low effects" : "", f.latestTick(), f.renderTick(),
                bytes(n.bytesInPerSecond()), bytes(n.bytesOutPerSecond()), link.interpolationSummary());
    }

    private static String bytes(long perSecond) {
        return perSecond >= 10_000 ? (perSecond / 1024) + " KiB" : perSecond + " B";
    }

    private PlayerLook look(int id) {
        PlayerLook l = looks.get(id);
        return l != null ? l : new PlayerLook(id == 0 ? "spectator" : "#" + id, Palette.shipColor(id, null));
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heading");
        return l;
    }

    private static RenderShip ship(RenderFrame f, int id) {
        if (id == 0) {
            return null;
        }
        for (RenderShip s : f.ships()) {
            if (s.ship().id() == id) {
                return s;
            }
        }
        return null;
    }

    /** The next (or previous) living ship after {@code current} in id order, for spectators. */
    private static int nextFollow(RenderFrame f, int current, int direction) {
        List<Integer> ids = new ArrayList<>();
        for (RenderShip s : f.ships()) {
            if (s.ship().alive()) {
                ids.add(s.ship().id());
            }
        }
        if (ids.isEmpty()) {
            return current;
        }
        int at = ids.indexOf(current);
        if (at < 0) {
            return ids.get(0);
        }
        return ids.get(Math.floorMod(at + direction, ids.size()));
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
        setOnKeyReleased(e -> held.remove(e.getCode()));
        focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                held.clear();
                mouseFiring = false;
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, this::mouseAt);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseAt);
        canvas.setOnMousePressed(e -> {
            mouseAt(e);
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                if (ownId != 0) {
                    mouseFiring = true;
                } else {
                    followClicked(e.getX(), e.getY());
                }
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                mouseFiring = false;
            }
        });
    }

    private void mouseAt(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
    }

    private void keyPressed(KeyEvent e) {
        if (chat.typing()) {
            return;
        }
        KeyCode code = e.getCode();
        switch (code) {
            case ENTER -> {
                held.clear();
                chat.open();
            }
            case ESCAPE -> {
                if (controlsOverlay != null) {
                    controlsOverlay.lookup("#controls-ok").fireEvent(new javafx.event.ActionEvent());
                } else if (pauseMenu.isVisible()) {
                    resume();
                } else {
                    held.clear();
                    pauseMenu.setVisible(true);
                }
            }
            case Q, E -> {
                if (ownId == 0 && lastFrame != null) {
                    freeCamera = false;
                    followId = nextFollow(lastFrame, followId, code == KeyCode.E ? 1 : -1);
                }
            }
            default -> {
                held.add(code);
                if (ownId == 0 && isMoveKey(code)) {
                    freeCamera = true;
                }
            }
        }
        e.consume();
    }

    private static boolean isMoveKey(KeyCode code) {
        return switch (code) {
            case W, A, S, D, UP, DOWN, LEFT, RIGHT -> true;
            default -> false;
        };
    }

    private void followClicked(double x, double y) {
        if (lastFrame == null || lastCamera == null) {
            return;
        }
        double wx = lastCamera.toWorldX(x);
        double wy = lastCamera.toWorldY(y);
        RenderShip best = null;
        double bestD = Rules.SHIP_RADIUS * 2.5;
        for (RenderShip s : lastFrame.ships()) {
            double d = Math.hypot(s.x() - wx, s.y() - wy);
            if (s.ship().alive() && d < bestD) {
                best = s;
                bestD = d;
            }
        }
        if (best != null) {
            followId = best.ship().id();
            freeCamera = false;
        }
    }

    private void resume() {
        pauseMenu.setVisible(false);
        requestFocus();
    }

    /** Hides the pause menu (after settings closed, for instance) and gives the game the keyboard back. */
    public void resumeFx() {
        resume();
    }
}
