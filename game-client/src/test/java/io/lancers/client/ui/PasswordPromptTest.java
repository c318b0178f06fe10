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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Joining a server that wants a password, on headless Monocle against a real server on loopback:
 * the client asks, says so when it is wrong, and lists the matches once it is right; a server found
 * by LAN discovery says it needs one, so the client asks before it connects.
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
            o.discovery = true; // on loopback, as the server is bound there
            o.discoveryPort = 0;
        }));
        window = TestWindows.show(stage, prefs, Settings.defaults().withControlsSeen(true), null,
                "127.0.0.1:" + server.discoveryPort());
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
        String typed = "127.0.0.1:" + server.port();
        Fx.waitFor("the server's matches listed", () -> robot.lookup("#server-list").queryAs(ListView.class)
                .getItems().stream().anyMatch(e -> ((ServerBrowser.Entry) e).serverName().equals(typed)));
        assertTrue(robot.lookup("#password-prompt").tryQuery().isEmpty(), "the prompt is gone");
    }

    @Test
    void aServerFoundOnTheLanSaysItNeedsAPasswordWhichIsAskedBeforeConnecting(FxRobot robot)
            throws IOException, InterruptedException {
        robot.clickOn("#menu-join");
        Fx.waitFor("the LAN server's match listed, marked", () -> robot.lookup("#server-list").queryAs(ListView.class)
                .getItems().stream().anyMatch(e -> ((ServerBrowser.Entry) e).label().contains("[password]")));
        Fx.run(() -> robot.lookup("#server-list").queryAs(ListView.class).getSelectionModel().select(0));
        robot.clickOn("#server-choose");
        Fx.waitFor("the password asked for", () -> promptMessage(robot).contains("needs a password"));
        assertTrue(!refusals().contains("reason=\"password_required\""),
                "asked before connecting: the server has refused nobody for want of a password");

        robot.clickOn("#password-field").write("open sesame");
        robot.clickOn("#password-ok");
        Fx.waitFor("in the match", () -> robot.lookup("#match-view").tryQuery().isPresent());
        assertTrue(!refusals().contains("reason=\"password_required\""));
    }

    /** The server's refusal counters, from its /metrics. */
    private String refusals() throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("lancers_connections"), "the server's metrics (a refusal counter shows once counted)");
        return metrics.lines().filter(l -> l.startsWith("lancers_refusals")).collect(Collectors.joining("\n"));
    }
}
