package io.lancers.client.ui;

import io.lancers.client.net.ClientClock;
import io.lancers.client.net.ConnectionListener;
import io.lancers.client.net.ConnectionState;
import io.lancers.client.net.GameConnection;
import io.lancers.client.net.ReconnectPolicy;
import io.lancers.client.testing.Fx;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.ServerOptions;
import io.lancers.sim.GameMode;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hosting from the client on headless Monocle, with a real embedded server on loopback: the Host
 * screen with settings that are not the defaults, the hosting screen (address, who is in, the host's
 * kick over the host's own connection, a friend with the password and one without), and the match the
 * host enters, which plays by those settings. The settings are remembered.
 */
@ExtendWith(ApplicationExtension.class)
class HostScreenTest {
    private static final String PASSWORD = "hunter2";

    private final Preferences prefs = TestWindows.prefs("host");
    private ClientWindow window;
    private final List<GameConnection> friends = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, prefs, Settings.defaults().withControlsSeen(true), null);
        window.hostNetwork(ServerOptions::onLoopback);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        friends.forEach(GameConnection::close);
        Fx.run(window::shutdown);
        prefs.removeNode();
    }

    /** A friend's client: the real connection class, its states and refusals recorded. */
    private record Friend(GameConnection connection, List<ConnectionState> states, List<String> errors) {
        boolean reached(ConnectionState state) {
            return states.contains(state);
        }
    }

    private Friend friend(URI server, String name, String password) {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        // A generous handshake deadline: a busy CI machine is not what this test is about.
        ReconnectPolicy patient = new ReconnectPolicy(Duration.ofMillis(250), 2.0, Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(20));
        GameConnection connection = new GameConnection(server, name, new ConnectionListener() {
            @Override
            public void onState(ConnectionState state, String detail) {
                states.add(state);
            }

            @Override
            public void onError(ServerMessage.Error error) {
                errors.add(error.code());
            }
        }, patient, ClientClock.system());
        connection.setAccess(password, null);
        friends.add(connection);
        connection.connect();
        return new Friend(connection, states, errors);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T node(FxRobot robot, String query) {
        return (T) robot.lookup(query).query();
    }

    @Test
    void hostsWithItsOwnSettingsAndSeesThemInTheMatch(FxRobot robot) {
        String map = MapLoader.builtInIds().get(MapLoader.builtInIds().size() - 1);
        robot.clickOn("#menu-host");
        Fx.waitFor("the Host screen", () -> robot.lookup("#host-setup").tryQuery().isPresent());
        HostSetup defaults = HostSetup.defaults();
        assertEquals(defaults.bots(), Fx.get(() -> this.<Spinner<Integer>>node(robot, "#host-bots").getValue()),
                "first time: the dedicated server's defaults");

        Fx.run(() -> {
            this.<TextField>node(robot, "#host-name").setText("Friday Night");
            this.<ComboBox<String>>node(robot, "#host-map").setValue(map);
            this.<Spinner<Integer>>node(robot, "#host-bots").getValueFactory().setValue(5);
            this.<Slider>node(robot, "#host-bot-skill").setValue(0.9);
            this.<Spinner<Integer>>node(robot, "#host-minutes").getValueFactory().setValue(7);
            this.<Spinner<Integer>>node(robot, "#host-kill-limit").getValueFactory().setValue(12);
            this.<Spinner<Integer>>node(robot, "#host-intermission").getValueFactory().setValue(4);
            this.<Spinner<Integer>>node(robot, "#host-max-players").getValueFactory().setValue(9);
            this.<ComboBox<GameMode>>node(robot, "#host-mode").setValue(GameMode.TDM);
            this.<PasswordField>node(robot, "#host-password").setText(PASSWORD);
            this.<CheckBox>node(robot, "#host-record").setSelected(false);
        });
        robot.clickOn("#host-start");

        Fx.waitFor("the hosting screen with its address", () -> robot.lookup("#host-address").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("ws://127.0.0.1:")).orElse(false));
        URI address = URI.create(Fx.get(() -> this.<Label>node(robot, "#host-address").getText()));
        Fx.waitFor("five bots in the first room", () -> robot.lookup("#host-players-m1").tryQuery()
                .map(n -> ((GridPane) n).getChildren().stream()
                        .filter(c -> c instanceof Label l && l.getText().equals("bot")).count() == 5).orElse(false));

        // A friend without the password is refused; one with it plays, until the host kicks it.
        Friend stranger = friend(address, "Stranger", null);
        Fx.waitFor("the stranger refused", () -> stranger.reached(ConnectionState.FAILED));
        assertEquals(List.of(ErrorCode.PASSWORD_REQUIRED.wire()), stranger.errors());
        Friend ann = friend(address, "Ann", PASSWORD);
        Fx.waitFor("Ann in the lobby", () -> ann.reached(ConnectionState.LOBBY));
        ann.connection().join("m1");
        Fx.waitFor("Ann playing", () -> ann.reached(ConnectionState.IN_MATCH));
        int annId = ann.connection().playerId();
        String kick = "#host-kick-m1-" + annId;
        Fx.waitFor("Ann listed with a Kick button, the host's link ready", () -> robot.lookup(kick).tryQuery()
                .map(button -> !button.isDisabled()).orElse(false));
        robot.clickOn(kick);
        Fx.waitFor("Ann kicked and not coming back", () -> ann.reached(ConnectionState.FAILED));
        Fx.waitFor("Ann gone from the list", () -> robot.lookup(kick).tryQuery().isEmpty());

        robot.clickOn("#host-enter");
        Fx.waitFor("the host in the match", () -> robot.lookup("#match-view").tryQuery().isPresent());
        MatchView view = node(robot, "#match-view");
        ServerMessage.Joined joined = Fx.get(view::joined);
        assertEquals(map, joined.map().id());
        assertEquals(7 * 60, joined.rules().durationSeconds());
        assertEquals(12, joined.rules().killLimit());
        assertEquals(4, joined.rules().intermissionSeconds());
        assertEquals(GameMode.TDM, joined.matchConfig().mode());
        Fx.waitFor("the host and four bots on screen", () -> view.lastFrameSummary().shipIds().size() == 5);

        assertEquals(new HostSetup("Friday Night", map, 5, 0.9f, 7, 12, 4, 9, GameMode.TDM, false, false), HostSetup.load(prefs),
                "remembered for the next time");
        assertTrue(!Fx.get(() -> window.settings().recordMatches()));

        // In the match, the host's controls: another map next, and this match ended now.
        String other = MapLoader.builtInIds().get(0);
        openHostControls(robot);
        Fx.run(() -> this.<ComboBox<String>>node(robot, "#host-next-map-m1").setValue(other));
        robot.clickOn("#host-pick-m1");
        robot.clickOn("#host-end-m1");
        robot.clickOn("#host-controls-close");
        Fx.waitFor("the next match on the host's map", () -> robot.lookup("#match-view").tryQuery()
                .map(n -> ((MatchView) n).joined().map().id().equals(other)).orElse(false));
    }

    @Test
    void theIntermissionShowsTheVoteAndTheVoteDecidesTheNextMap(FxRobot robot) {
        robot.clickOn("#menu-host");
        Fx.waitFor("the Host screen", () -> robot.lookup("#host-setup").tryQuery().isPresent());
        Fx.run(() -> this.<ComboBox<String>>node(robot, "#host-map").setValue("")); // all maps in turn
        robot.clickOn("#host-start");
        Fx.waitFor("the hosting screen", () -> robot.lookup("#host-enter").tryQuery().isPresent());
        robot.clickOn("#host-enter");
        Fx.waitFor("the host in the match", () -> robot.lookup("#match-view").tryQuery().isPresent());
        MatchView first = node(robot, "#match-view");
        String current = Fx.get(() -> first.joined().map().id());

        openHostControls(robot);
        robot.clickOn("#host-end-m1");
        robot.clickOn("#host-controls-close");
        // The ballot: the rotation's next map first, the current one last. Voting for the current one
        // keeps the room there, which the rotation alone would not.
        String vote = "#vote-" + current;
        Fx.waitFor("the vote in the intermission", () -> robot.lookup(vote).tryQuery().map(Node::isVisible).orElse(false));
        // Pressed at once: the intermission lasts 10 s, and a mouse walking over on a busy machine can miss it.
        Fx.run(() -> this.<javafx.scene.control.Button>node(robot, vote).fire());
        Fx.waitFor("our vote counted", () -> robot.lookup(vote).tryQuery()
                .map(n -> ((javafx.scene.control.Button) n).getText().contains("1 vote")).orElse(false));
        Fx.waitFor("round 2 begins", () -> first.chatLines().stream().anyMatch(l -> l.contains("Round 2 begins")));
        assertTrue(Fx.get(() -> robot.lookup("#match-view").query() == first && first.joined().map().id().equals(current)),
                "the same map, so the same view: no new joined");
        Fx.waitFor("the ballot gone", () -> !Fx.get(() -> robot.lookup("#map-vote").query().isVisible()));
    }

    private static void openHostControls(FxRobot robot) {
        robot.type(KeyCode.ESCAPE);
        Fx.waitFor("the pause menu", () -> robot.lookup("#pause-host").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#pause-host");
        Fx.waitFor("the host's controls", () -> robot.lookup("#host-end-m1").tryQuery().isPresent());
    }
}
