package io.lancers.client.ui;

import io.lancers.broadcast.ControlState;
import io.lancers.broadcast.ReplayFile;
import io.lancers.client.testing.Fx;
import io.lancers.client.testing.Screenshots;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Record matches" on: Play's embedded server writes the match to the record folder, and the
 * Replays screen lists and plays it, with our own name on the scoreboard. Headless Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class RecordedPlayTest {
    private final Preferences prefs = TestWindows.prefs("record");
    private Path folder;
    private ClientWindow window;

    @Start
    void start(Stage stage) throws IOException {
        folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "recorded-").resolve("replays");
        Settings recording = Settings.defaults().withControlsSeen(true).withRecording(true, folder.toString());
        window = TestWindows.show(stage, prefs, recording, null);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        Fx.run(window::shutdown);
        prefs.removeNode();
    }

    /** A finished recording, and a tick of it, where the roster has us: the room we played in. */
    private record Ours(Path file, int tick) {
    }

    private Ours ourFinishedRecording() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                try (ReplayFile replay = ReplayFile.open(file)) {
                    for (int i = 0; replay.complete() && i < replay.fragmentCount(); i++) {
                        ControlState control = replay.fragment(i).full().control();
                        if (control.roster() != null && control.roster().players().stream()
                                .anyMatch(p -> p.name().equals("Tester"))) {
                            return new Ours(file, replay.fragment(i).firstTick());
                        }
                    }
                } catch (IOException e) {
                    // Still being written: not a whole fragment yet.
                }
            }
        }
        return null;
    }

    private static boolean hasFragment(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                try (ReplayFile replay = ReplayFile.open(file)) {
                    if (replay.fragmentCount() >= 2) {
                        return true;
                    }
                } catch (IOException e) {
                    // not yet
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    @Test
    void playRecordsTheMatchAndTheReplaysScreenPlaysIt(FxRobot robot) throws Exception {
        robot.clickOn("#menu-settings");
        Screenshots.save(Fx.get(() -> robot.lookup("#settings-view").query().getScene().snapshot(null)), "settings");
        robot.clickOn("#settings-back");
        robot.clickOn("#menu-play");
        Fx.waitFor("in the match", () -> robot.lookup("#match-view").tryQuery().isPresent());
        Fx.waitFor("two fragments recorded", () -> Files.isDirectory(folder) && hasFragment(folder));
        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#pause-leave");
        Fx.waitFor("back at the menu", () -> robot.lookup("#main-menu").tryQuery().isPresent());
        // The embedded server closes in the background and finishes its files with a trailer.
        Ours[] recording = new Ours[1];
        Fx.waitFor("our room's finished recording", () -> {
            try {
                recording[0] = ourFinishedRecording();
            } catch (IOException e) {
                return false;
            }
            return recording[0] != null;
        });

        robot.clickOn("#menu-replays");
        @SuppressWarnings("unchecked")
        ListView<Path> list = robot.lookup("#replays-list").queryAs(ListView.class);
        Path file = recording[0].file();
        assertTrue(Fx.get(() -> list.getItems().contains(file)), "the record folder is listed");
        Fx.run(() -> list.getSelectionModel().select(file));
        Screenshots.save(Fx.get(() -> list.getScene().snapshot(null)), "replays-screen");
        robot.clickOn("#replays-play");
        Fx.waitFor("the recording playing", () -> window.replays().playing() != null
                && !window.replays().playing().matchView().lastFrameSummary().shipIds().isEmpty());
        PlaybackScreen screen = window.replays().playing();
        Fx.run(() -> screen.pauseAt(recording[0].tick()));
        robot.press(KeyCode.TAB);
        Fx.waitFor("our name on the scoreboard while we played", () -> screen.matchView().scoreboardRows().stream()
                .anyMatch(r -> r.name().equals("Tester")));
        robot.release(KeyCode.TAB);
        List<String> status = List.of(Fx.get(screen::statusText));
        assertTrue(status.get(0).isEmpty(), "a finished recording has nothing to warn about: " + status);
    }
}
