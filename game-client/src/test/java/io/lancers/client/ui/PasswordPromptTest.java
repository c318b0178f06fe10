package io.lancers.client.ui;

import io.lancers.client.testing.Fx;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Joining a server that wants a password, on headless Monocle against a real server on loopback:
 * the client asks, says so when it is wrong, and lists the matches once it is right.
 */
@ExtendWith(ApplicationExtension.class)
class PasswordPromptTest {
    private final Preferences prefs = TestWindows.prefs("password");
    private ClientWindow window;
    private GameServer server;

    @Start
    void start(Stage stage) throws IOException {
        server = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> {
            o.bots = 1;
            o.password = "open sesame";
        }));
        window = TestWindows.show(stage, prefs, Settings.defaults(), null);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        Fx.run(window::shutdown);
        server.close();
        prefs.removeNode();
    }

    private static String promptMessage(FxRobot robot) {
        return robot.lookup("#password-message").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    @Test
    void asksForThePasswordAgainWhenWrongAndListsTheMatchesWhenRight(FxRobot robot) {
        robot.clickOn("#menu-join");
        robot.clickOn("#server-address").write("127.0.0.1:" + server.port());
        robot.clickOn("#server-list-matches");
        Fx.waitFor("the password asked for", () -> promptMessage(robot).contains("needs a password"));

        robot.clickOn("#password-field").write("open says me");
        robot.clickOn("#password-ok");
        Fx.waitFor("told it is wrong", () -> promptMessage(robot).contains("Wrong password"));

        robot.clickOn("#password-field").write("open sesame");
        robot.clickOn("#password-ok");
        Fx.waitFor("the server's matches listed",
                () -> !robot.lookup("#server-list").queryAs(ListView.class).getItems().isEmpty());
        assertTrue(robot.lookup("#password-prompt").tryQuery().isEmpty(), "the prompt is gone");
    }
}
