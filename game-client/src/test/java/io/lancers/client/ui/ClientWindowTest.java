package io.lancers.client.ui;

import io.lancers.client.render.ArenaRenderer;
import io.lancers.client.render.Palette;
import io.lancers.client.testing.Fx;
import io.lancers.client.testing.Screenshots;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window on headless Monocle against real servers on loopback: the menu's Play, the
 * scoreboard, chat through the server, spectating, and a lost server.
 */
@ExtendWith(ApplicationExtension.class)
class ClientWindowTest {
    /** Opponents in a local game; a server with this bot count has this many ships with nobody joined. */
    private static final int BOTS = 3;

    private final Preferences prefs = Preferences.userRoot().node("io/lancers/test/window-" + UUID.randomUUID());
    private ClientWindow window;
    private GameServer server;

    @Start
    void start(Stage stage) {
        Settings.defaults().withPlayerName("Tester").withSound(false).withShowNetStats(true).save(prefs);
        window = new ClientWindow(stage, new LaunchOptions(null, null, null, "127.0.0.1:1", false, BOTS,
                LaunchOptions.DEFAULT_BOT_SKILL), prefs);
        window.show();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        Fx.run(window::shutdown);
        if (server != null) {
            server.close();
        }
        prefs.removeNode();
    }

    private static MatchView matchView(FxRobot robot) {
        return robot.lookup("#match-view").tryQuery().map(n -> (MatchView) n).orElse(null);
    }

    /** Opens the server browser with {@code menuButton}, lists the matches at {@code address} and takes the first. */
    private static void chooseFirstMatch(FxRobot robot, String menuButton, String address) {
        robot.clickOn(menuButton);
        robot.clickOn("#server-address").write(address);
        robot.clickOn("#server-list-matches");
        Fx.waitFor("the server's matches listed",
                () -> !robot.lookup("#server-list").queryAs(ListView.class).getItems().isEmpty());
        robot.clickOn("#server-choose");
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void playStartsALocalMatchWithScoreboardChatAndAScreenshot(FxRobot robot) throws Exception {
        Screenshots.save(Fx.get(() -> robot.lookup("#main-menu").query().getScene().snapshot(null)), "menu");
        robot.clickOn("#menu-play");
        Fx.waitFor("the match view with every ship drawn", () -> {
            MatchView v = matchView(robot);
            return v != null && v.lastFrameSummary().shipIds().size() >= 1 + BOTS;
        });
        MatchView view = matchView(robot);
        assertTrue(Fx.get(() -> view.lastFrameSummary().shipIds().contains(view.ownId())), "our own ship is drawn");
        assertTrue(Fx.get(() -> view.getBackground() == null
                        && ((Region) view.getScene().getRoot()).getBackground() == null
                        && Palette.SPACE.equals(view.getScene().getFill())),
                "no fill painted under the canvas on every frame; the scene's fill is the stylesheet's background colour");

        // First match: the controls are explained, then out of the way.
        assertTrue(Fx.get(() -> visible(robot, "#controls-overlay")));
        robot.clickOn("#controls-ok");
        Fx.waitFor("controls overlay gone", () -> robot.lookup("#controls-overlay").tryQuery().isEmpty());
        assertTrue(Fx.get(() -> window.settings().controlsSeen()), "the overlay is shown only the first time");

        // After every layout while the table is open: its text never without a fill under it, its own or the
        // painter's in the arena frame on screen.
        List<String> bare = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable watch = () -> {
            Node table = view.lookup("#scoreboard");
            Bounds b = table.getBoundsInParent();
            if (table.isVisible() && !view.tableFillOwn() && view.paintedBackplates().stream().noneMatch(
                    p -> p.covers(b.getMinX() + 26, b.getMinY() + 18, b.getWidth() - 52, b.getHeight() - 36))) {
                bare.add(b + " over " + view.paintedBackplates());
            }
        };
        Fx.run(() -> view.getScene().addPostLayoutPulseListener(watch));

        // Tab held: the scoreboard lists us and the bots.
        robot.press(KeyCode.TAB);
        Fx.waitFor("the scoreboard with every player", () -> view.scoreboardRows().size() >= 1 + BOTS);
        List<Scoreboard.Row> rows = Fx.get(view::scoreboardRows);
        assertEquals(1 + BOTS, rows.size());
        assertEquals(BOTS, rows.stream().filter(Scoreboard.Row::bot).count());
        assertTrue(rows.stream().anyMatch(r -> r.name().equals("Tester") && !r.bot()));
        // The HUD's layers are laid out by the view itself (they are layout roots): the status box in the
        // top left corner inside the HUD's padding, the table in the middle.
        assertTrue(Fx.get(() -> {
            Bounds status = robot.lookup("#hud-status").query().localToScene(
                    robot.lookup("#hud-status").query().getLayoutBounds());
            Bounds table = robot.lookup("#scoreboard").query().localToScene(
                    robot.lookup("#scoreboard").query().getLayoutBounds());
            return status.getMinX() == 14 && status.getMinY() == 14
                    && Math.abs(table.getCenterX() - view.getWidth() / 2) <= 1
                    && Math.abs(table.getCenterY() - view.getHeight() / 2) <= 1;
        }), "the status box at the top left, the scoreboard centred");
        assertTrue(Fx.get(() -> robot.lookup("#hud-timer").queryAs(Label.class).getText().matches("\\d+:\\d\\d")),
                "the timer shows minutes and seconds");
        assertTrue(Fx.get(() -> {
            Label banner = robot.lookup("#center-banner").queryAs(Label.class);
            return !banner.isVisible() || !banner.getText().isEmpty();
        }), "the banner is hidden while it has nothing to say (and while the table covers it)");
        // Its 91 % fill is drawn by the arena painter into the arena's frame under it, not by Prism over the arena.
        Fx.waitFor("the table's fill in the arena's frame", () -> !view.tableFillOwn());
        assertEquals(1, Fx.get(() -> view.paintedBackplates().size()));
        robot.release(KeyCode.TAB);
        Fx.waitFor("the scoreboard hidden again", () -> !visible(robot, "#scoreboard"));
        Fx.waitFor("the arena's frames without the table's fill", () -> view.paintedBackplates().isEmpty());
        Fx.run(() -> view.getScene().removePostLayoutPulseListener(watch));
        assertEquals(List.of(), bare, "layouts that left the table's text without a fill");

        // Chat: Enter, type, Enter; the line comes back from the server.
        robot.type(KeyCode.ENTER);
        Fx.waitFor("the chat field open", () -> visible(robot, "#chat-input"));
        robot.write("gl hf everyone");
        robot.type(KeyCode.ENTER);
        Fx.waitFor("our chat line echoed by the server",
                () -> view.chatLines().contains("Tester: gl hf everyone"));
        assertFalse(Fx.get(() -> visible(robot, "#chat-input")), "the field closes after sending");

        // Fly and shoot a little so the picture has some action, then take the screenshot.
        // The snapshot is taken in the same FX turn that sees the condition: bots are quick to kill.
        robot.press(KeyCode.D, KeyCode.SPACE);
        AtomicReference<WritableImage> picture = new AtomicReference<>();
        Fx.waitFor("our ship alive among projectiles in flight", () -> {
            ArenaRenderer.FrameSummary f = view.lastFrameSummary();
            if (f.projectiles() > 0 && f.shipIds().contains(view.ownId())) {
                picture.set(view.getScene().snapshot(null));
            }
            return picture.get() != null;
        });
        robot.release(KeyCode.D, KeyCode.SPACE);
        Path shot = Screenshots.save(picture.get(), "match");
        assertTrue(Files.size(shot) > 10_000, "a real picture, not an empty one");

        // Esc: the pause menu; its settings apply at once: the net stats panel goes away.
        assertTrue(Fx.get(() -> visible(robot, "#net-stats")));
        robot.type(KeyCode.ESCAPE);
        Fx.waitFor("the pause menu", () -> visible(robot, "#pause-menu"));
        robot.clickOn("#pause-settings");
        robot.clickOn("#settings-netstats");
        robot.clickOn("#settings-save");
        Fx.waitFor("back in the game without net stats", () -> !visible(robot, "#pause-menu")
                && robot.lookup("#settings-view").tryQuery().isEmpty() && !visible(robot, "#net-stats"));
        assertFalse(Settings.load(prefs).showNetStats(), "saved");

        // Esc, Leave: back to the title screen.
        robot.type(KeyCode.ESCAPE);
        Fx.waitFor("the pause menu", () -> visible(robot, "#pause-menu"));
        robot.clickOn("#pause-leave");
        Fx.waitFor("back at the menu", () -> robot.lookup("#main-menu").tryQuery().isPresent());
    }

    @Test
    void spectatingAMatchShowsTheBadgeAndTheShips(FxRobot robot) throws Exception {
        server = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> o.bots = BOTS));
        chooseFirstMatch(robot, "#menu-spectate", "127.0.0.1:" + server.port());
        Fx.waitFor("the spectator's view with the bots' ships", () -> {
            MatchView v = matchView(robot);
            return v != null && v.lastFrameSummary().shipIds().size() >= BOTS;
        });
        MatchView view = matchView(robot);
        assertEquals(0, view.ownId());
        assertTrue(Fx.get(() -> visible(robot, "#spectating-badge")));
        assertFalse(Fx.get(() -> robot.lookup("#controls-overlay").tryQuery().isPresent()),
                "spectators have no controls to learn");
        Fx.waitFor("the camera follows a bot", () -> view.followedId() != 0);
        Screenshots.save(Fx.get(() -> view.getScene().snapshot(null)), "spectate");
        // E moves to the next living ship; when the others happen to be dead, there is none yet:
        // press again a little later.
        int first = Fx.get(view::followedId);
        boolean switched = false;
        for (int attempt = 0; attempt < 15 && !switched; attempt++) {
            robot.type(KeyCode.E);
            switched = Fx.holdsWithin(2, () -> view.followedId() != first);
        }
        assertTrue(switched, "E switches to another ship");
    }

    @Test
    void joinFindsTheServerByDiscoveryAndALostServerShowsReconnecting(FxRobot robot) throws Exception {
        server = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> {
            o.discovery = true;
            o.discoveryPort = 0;
            o.bots = 1;
        }));
        // Point discovery at the test server (loopback only) through the settings screen.
        robot.clickOn("#menu-settings");
        robot.doubleClickOn("#settings-discovery").eraseText(40).write("127.0.0.1:" + server.discoveryPort());
        robot.clickOn("#settings-save");
        Fx.waitFor("back at the menu", () -> robot.lookup("#main-menu").tryQuery().isPresent());
        assertEquals("127.0.0.1:" + server.discoveryPort(), Fx.get(() -> window.settings().discoveryTarget()));
        assertEquals(Fx.get(window::settings), Settings.load(prefs), "settings are persisted");

        robot.clickOn("#menu-join");
        Fx.waitFor("the LAN server's match listed by discovery",
                () -> !robot.lookup("#server-list").queryAs(ListView.class).getItems().isEmpty());
        robot.clickOn("#server-list").type(KeyCode.HOME);
        robot.clickOn("#server-choose");
        Fx.waitFor("in the match", () -> {
            MatchView v = matchView(robot);
            return v != null && !v.lastFrameSummary().shipIds().isEmpty();
        });
        MatchView view = matchView(robot);
        server.close();
        server = null;
        Fx.waitFor("the reconnecting overlay", () -> view.connectionMessage().contains("reconnecting"));
        robot.clickOn("#reconnect-leave");
        Fx.waitFor("back at the menu", () -> robot.lookup("#main-menu").tryQuery().isPresent());
    }

    @Test
    void aRestartedServerRefusesTheResumeAndJoinAsNewPlayerGetsBackIn(FxRobot robot) throws Exception {
        server = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> o.bots = 1));
        int port = server.port();
        chooseFirstMatch(robot, "#menu-join", "127.0.0.1:" + port);
        Fx.waitFor("in the match", () -> {
            MatchView v = matchView(robot);
            return v != null && v.lastFrameSummary().shipIds().contains(v.ownId());
        });
        MatchView before = matchView(robot);

        // Same address, new server: it has never heard of our resume token.
        server.close();
        server = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> {
            o.port = port;
            o.bots = 1;
        }));
        Fx.waitFor("the seat-expired overlay", () -> before.connectionMessage().contains("seat expired"));
        robot.clickOn("#join-as-new");
        Fx.waitFor("a new match view with our new ship", () -> {
            MatchView v = matchView(robot);
            return v != null && v != before && v.lastFrameSummary().shipIds().contains(v.ownId());
        });
        assertEquals("", Fx.get(() -> matchView(robot).connectionMessage()), "no overlay once back in");
    }
}
