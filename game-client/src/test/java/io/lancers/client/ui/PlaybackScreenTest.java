package io.lancers.client.ui;

import io.lancers.broadcast.ControlState;
import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.Replayer;
import io.lancers.client.testing.BotMatchRecording;
import io.lancers.client.testing.Fx;
import io.lancers.client.testing.Screenshots;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window on headless Monocle playing a replay file of a real simulated bot match, as
 * {@code --replay FILE} opens it: seeking shows the recorded ships, scoreboard and chat of that
 * tick; the keys drive playback; bad files get a message.
 */
@ExtendWith(ApplicationExtension.class)
class PlaybackScreenTest {
    private static final int BOTS = 5;
    private static Path dir;
    private static Path replay;

    private final Preferences prefs = TestWindows.prefs("replay");
    private ClientWindow window;

    @BeforeAll
    static void record() throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replays-");
        replay = BotMatchRecording.play(BOTS, 1800, 180).write(dir.resolve("bots.lrp"), true);
    }

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, prefs, Settings.defaults(), replay);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        Fx.run(window::shutdown);
        prefs.removeNode();
    }

    private PlaybackScreen screen() {
        return window.replays().playing();
    }

    private static World worldAt(int tick, ControlState[] control) throws IOException {
        try (ReplayFile file = ReplayFile.open(replay)) {
            Replayer replayer = new Replayer(file);
            replayer.seek(tick);
            control[0] = replayer.control();
            return replayer.world();
        }
    }

    @Test
    void seekingShowsTheShipsScoreboardAndChatOfThatMoment(FxRobot robot) throws Exception {
        Fx.waitFor("the replay playing", () -> screen() != null && screen().matchView().lastFrameSummary().tick() > 0);
        PlaybackScreen screen = screen();
        int first = Fx.get(() -> screen.playback().feed().firstTick());
        int target = first + 1234;
        Fx.run(() -> screen.pauseAt(target));
        Fx.waitFor("the view at tick " + target, () -> screen.matchView().lastFrameSummary().tick() == target);

        ControlState[] control = new ControlState[1];
        World truth = worldAt(target, control);
        List<Integer> alive = truth.ships().stream().filter(Ship::alive).map(Ship::id).toList();
        assertEquals(alive, Fx.get(() -> screen.matchView().lastFrameSummary().shipIds()), "the ships of that tick");
        var drawn = Fx.get(() -> screen.playback().lastFrame());
        for (int i = 0; i < truth.ships().size(); i++) {
            assertEquals(truth.ships().get(i).x(), drawn.ships().get(i).x(), "drawn where the server had it");
            assertEquals(truth.ships().get(i).y(), drawn.ships().get(i).y());
        }
        assertEquals(control[0].roster().players().size(), BOTS);

        robot.press(KeyCode.TAB);
        Fx.waitFor("the scoreboard", () -> screen.matchView().scoreboardRows().size() == BOTS);
        List<Scoreboard.Row> rows = Fx.get(() -> screen.matchView().scoreboardRows());
        robot.release(KeyCode.TAB);
        for (Scoreboard.Row row : rows) {
            Ship ship = truth.ships().stream().filter(s -> s.id() == row.id()).findFirst().orElseThrow();
            assertEquals(control[0].nameOf(row.id()), row.name());
            assertEquals(ship.kills(), row.kills(), "kills as of that tick");
            assertEquals(ship.deaths(), row.deaths());
        }
        List<String> chat = control[0].recent().stream()
                .map(m -> m instanceof ServerMessage.Chat c ? c.from() + ": " + c.text()
                        : ((ServerMessage.Notice) m).text())
                .toList();
        assertTrue(Fx.get(() -> chat.subList(Math.max(0, chat.size() - 8), chat.size())
                .equals(screen.matchView().chatLines())), "the chat as of that tick");
        Screenshots.save(Fx.get(() -> screen.getScene().snapshot(null)), "replay");

        // → five seconds on, ← back, paused both times.
        robot.type(KeyCode.RIGHT);
        Fx.waitFor("five seconds later", () -> screen.matchView().lastFrameSummary().tick() == target + 300);
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.LEFT);
        Fx.waitFor("five seconds earlier", () -> screen.matchView().lastFrameSummary().tick() == target - 300);
        // Space plays: the ticks move on.
        robot.type(KeyCode.SPACE);
        Fx.waitFor("playing on", () -> screen.matchView().lastFrameSummary().tick() > target - 300);
        // Esc: back to the Replays screen, which lists the file just played.
        robot.type(KeyCode.ESCAPE);
        Fx.waitFor("the Replays screen", () -> robot.lookup("#replays-view").tryQuery().isPresent());
        assertTrue(new RecentReplays(prefs).files().contains(replay.toAbsolutePath().normalize()));
    }

    @Test
    void badFilesGetAMessageAndACutRecordingPlaysAndSaysItIsIncomplete(FxRobot robot) throws Exception {
        Fx.waitFor("the replay playing", () -> screen() != null);
        byte[] good = Files.readAllBytes(replay);
        Path foreign = Files.writeString(dir.resolve("notes.lrp"), "just some text, not a replay");
        expectMessage(robot, foreign, "not a Lancers replay");
        Path truncated = Files.write(dir.resolve("truncated.lrp"), Arrays.copyOf(good, 30));
        expectMessage(robot, truncated, "truncated");
        byte[] newer = good.clone();
        newer[8] = 9;
        expectMessage(robot, Files.write(dir.resolve("newer.lrp"), newer), "newer");
        expectMessage(robot, dir.resolve("missing.lrp"), "no such file");

        // The Replays screen's line for each file says what it holds, or why it cannot be played.
        assertEquals("cannot be played: not a Lancers replay file", Replays.detail(foreign));
        String detail = Replays.detail(replay);
        assertTrue(detail.matches(".+  ·  " + BOTS + " players  ·  0:30  ·  best: Bot . \\(\\d+ kills\\)"), detail);

        // From the command line (--replay), the message goes to stderr too.
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Fx.run(() -> window.replays().open(foreign, true));
            Fx.waitFor("the message on stderr", () -> captured.toString(StandardCharsets.UTF_8)
                    .contains("lancers: Cannot play notes.lrp: not a Lancers replay"));
        } finally {
            System.setErr(stderr);
        }

        // Killed mid-match: no trailer, the last fragment torn. It plays, and says so.
        Path cut = Files.write(dir.resolve("cut.lrp"), Arrays.copyOf(good, good.length * 2 / 3));
        Fx.run(() -> window.replays().open(cut, false));
        Fx.waitFor("the cut recording playing", () -> screen() != null
                && screen().playback().feed().info() != null && screen().statusText().contains("Incomplete"));
    }

    private void expectMessage(FxRobot robot, Path file, String words) {
        Fx.run(() -> window.replays().open(file, false));
        Fx.waitFor("a message about " + file.getFileName(), () -> robot.lookup("#replays-status").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t.contains(words)).isPresent());
    }
}
