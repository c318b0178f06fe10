package io.lancers.client.ui;

import io.lancers.client.render.PixelDiff;
import io.lancers.client.render.SceneView.PlayerLook;
import io.lancers.client.testing.Fx;
import io.lancers.sim.GameEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kill feed shows the last five kills, oldest on top, for six seconds each; its lines are reused
 * (no new nodes after the first five kills), and a reused line looks like a line written once.
 */
@ExtendWith(ApplicationExtension.class)
class KillFeedTest {
    private static final long SECOND = 1_000_000_000L;
    private static final IntFunction<PlayerLook> LOOKS =
            id -> new PlayerLook("P" + id, id % 2 == 0 ? Color.web("#f0525a") : Color.web("#4c9bf5"));
    private KillFeed used;
    private KillFeed fresh;
    private Scene usedScene;
    private Scene freshScene;

    @Start
    void start(Stage stage) {
        used = new KillFeed();
        fresh = new KillFeed();
        // Scenes of their own, never in the test's window (the window's size is the next test's).
        usedScene = scene(used);
        freshScene = scene(fresh);
    }

    private static Scene scene(KillFeed feed) {
        Scene scene = new Scene(new StackPane(feed.node()), 700, 400, Color.web("#070b16"));
        scene.getStylesheets().add(ClientWindow.class.getResource("lancers.css").toExternalForm());
        return scene;
    }

    private static List<GameEvent> kill(int killer, int victim) {
        return List.of(new GameEvent.Kill(killer, victim));
    }

    @Test
    void showsTheLastFiveForSixSecondsWithTheSameNodes() {
        Set<Node> lines = new HashSet<>();
        Fx.run(() -> {
            for (int i = 1; i <= 7; i++) {
                used.update(kill(i, i + 10), i * SECOND / 10, LOOKS);
                lines.addAll(((StackPane) usedScene.getRoot()).lookupAll(".kill-line"));
            }
        });
        assertEquals(KillFeed.LINES, lines.size(), "seven kills, five nodes");
        assertEquals(List.of("P3  ➤  P13", "P4  ➤  P14", "P5  ➤  P15", "P6  ➤  P16", "P7  ➤  P17"),
                Fx.get(used::lines));
        Fx.run(() -> used.update(kill(9, 9), 6 * SECOND + 55 * SECOND / 100, LOOKS));
        assertEquals(List.of("P6  ➤  P16", "P7  ➤  P17", "☠ P9"), Fx.get(used::lines),
                "the kills older than six seconds are gone; a death without a killer");
        Fx.run(() -> used.update(List.of(), 20 * SECOND, LOOKS));
        assertEquals(List.of(), Fx.get(used::lines));

        Fx.run(() -> {
            used.update(kill(2, 5), 21 * SECOND, LOOKS);
            fresh.update(kill(2, 5), 21 * SECOND, LOOKS);
        });
        WritableImage[] pictures = Fx.get(() -> new WritableImage[] {usedScene.snapshot(null), freshScene.snapshot(null)});
        assertTrue(PixelDiff.worst(pictures[0], pictures[1]) <= 2, "a reused line looks like a line written once");
    }
}
