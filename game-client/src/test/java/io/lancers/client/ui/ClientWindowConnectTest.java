package io.lancers.client.ui;

import io.lancers.client.testing.Fx;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code --connect URL --spectate MATCH}: no menu, straight into watching that match. */
@ExtendWith(ApplicationExtension.class)
class ClientWindowConnectTest {
    private final Preferences prefs = Preferences.userRoot().node("io/lancers/test/connect-" + UUID.randomUUID());
    private GameServer server;
    private ClientWindow window;

    @Start
    void start(Stage stage) {
        try {
            server = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> o.bots = 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String match = server.matches().list().get(0).id();
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/game");
        window = new ClientWindow(stage, new LaunchOptions(uri, match, "Watcher", null, false, 3,
                LaunchOptions.DEFAULT_BOT_SKILL), prefs);
        window.show();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        Fx.run(window::shutdown);
        server.close();
        prefs.removeNode();
    }

    @Test
    void connectAndSpectateFromTheCommandLine(FxRobot robot) {
        Fx.waitFor("watching the match's ships", () -> robot.lookup("#match-view").tryQuery()
                .map(n -> ((MatchView) n).lastFrameSummary().shipIds().size() >= 2).orElse(false));
        MatchView view = robot.lookup("#match-view").queryAs(MatchView.class);
        assertEquals(0, view.ownId());
        assertEquals("Watcher", Fx.get(() -> window.settings().playerName()));
    }
}
