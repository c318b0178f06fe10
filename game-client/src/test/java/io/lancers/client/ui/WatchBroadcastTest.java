package io.lancers.client.ui;

import io.lancers.client.testing.BotMatchRecording;
import io.lancers.client.testing.FragmentOrigin;
import io.lancers.client.testing.Fx;
import io.lancers.client.testing.Screenshots;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spectate screen's "Broadcast (delayed)" field on headless Monocle, following fragments of a
 * real simulated match over real HTTP on loopback as they appear, until the server goes away.
 */
@ExtendWith(ApplicationExtension.class)
class WatchBroadcastTest {
    private static BotMatchRecording recording;
    private static Map<Integer, World> truth;

    private final Preferences prefs = TestWindows.prefs("watch");
    private ClientWindow window;
    private FragmentOrigin origin;

    @BeforeAll
    static void record() throws Exception {
        recording = BotMatchRecording.play(4, 10 * 60, 60);
        truth = recording.worlds();
    }

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, prefs, Settings.defaults(), null);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        Fx.run(window::shutdown);
        if (origin != null) {
            origin.close();
        }
        prefs.removeNode();
    }

    @Test
    void theSpectateScreenWatchesADelayedBroadcastUntilItsServerIsGone(FxRobot robot) throws Exception {
        origin = new FragmentOrigin(recording);
        origin.release(3);
        robot.clickOn("#menu-spectate");
        robot.clickOn("#broadcast-url").write(origin.uri().toString());
        robot.clickOn("#broadcast-watch");
        Fx.waitFor("the broadcast playing", () -> window.replays().playing() != null
                && window.replays().playing().matchView().lastFrameSummary().tick() > 0);
        PlaybackScreen screen = window.replays().playing();
        assertEquals("DELAYED BROADCAST · 10 s",
                Fx.get(() -> robot.lookup("#spectating-badge").queryAs(Label.class).getText()));

        // Played at real time: it reaches the fragments released later, and shows their ships.
        origin.release(6);
        int later = recording.fragments().get(4).firstTick() + 10;
        Fx.waitFor("playback past tick " + later, () -> screen.matchView().lastFrameSummary().tick() >= later);
        int[] shown = new int[1];
        List<Integer> ids = Fx.get(() -> {
            shown[0] = screen.playback().shown().tick();
            return screen.matchView().lastFrameSummary().shipIds();
        });
        List<Integer> alive = truth.get(shown[0]).ships().stream().filter(Ship::alive).map(Ship::id).toList();
        assertEquals(alive, ids, "the ships of tick " + shown[0]);
        Screenshots.save(Fx.get(() -> screen.getScene().snapshot(null)), "broadcast");

        origin.close();
        origin = null;
        Fx.waitFor("the lost server said", () -> screen.statusText().contains("Cannot reach the broadcast server"));
        robot.type(KeyCode.ESCAPE);
        Fx.waitFor("back at the menu", () -> robot.lookup("#main-menu").tryQuery().isPresent());
        assertTrue(Fx.get(() -> window.replays().playing() == null));
    }
}
