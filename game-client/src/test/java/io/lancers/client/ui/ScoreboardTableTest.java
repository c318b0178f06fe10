package io.lancers.client.ui;

import io.lancers.client.render.PixelDiff;
import io.lancers.client.testing.Fx;
import io.lancers.sim.Team;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table after kills that reorder it: each player keeps their own labels (moved to other grid rows,
 * never restyled), and it looks exactly like a table shown those rows from the start.
 */
@ExtendWith(ApplicationExtension.class)
class ScoreboardTableTest {
    private Scoreboard kept;
    private Scoreboard fresh;

    @Start
    void start(Stage stage) {
        kept = new Scoreboard();
        fresh = new Scoreboard();
        Scene scene = new Scene(new StackPane(kept, fresh), 700, 400);
        scene.getStylesheets().add(ClientWindow.class.getResource("lancers.css").toExternalForm());
        fresh.setVisible(false);
        stage.setScene(scene);
        stage.show();
    }

    private static Scoreboard.Row row(int id, String name, int kills, int deaths) {
        return new Scoreboard.Row(id, name, id != 1, kills, deaths, 12, true, Team.NONE);
    }

    @Test
    void aKillMovesLinesAndLooksLikeATableBuiltAfresh() {
        List<Scoreboard.Row> before = List.of(row(1, "You", 3, 1), row(2, "Bot 2", 2, 0), row(3, "Bot 3", 0, 4));
        List<Scoreboard.Row> after = List.of(row(2, "Bot 2", 4, 0), row(1, "You", 3, 2), row(4, "Bot 4", 0, 0));
        Node bot2 = Fx.get(() -> {
            kept.show(before, 1);
            kept.applyCss();
            kept.layout();
            return kept.lookup("#score-name-2");
        });
        WritableImage[] pictures = Fx.get(() -> {
            kept.show(after, 1);
            fresh.show(after, 1);
            fresh.setVisible(true);
            kept.applyCss();
            kept.layout();
            fresh.applyCss();
            fresh.layout();
            WritableImage a = kept.snapshot(null, null);
            WritableImage b = fresh.snapshot(null, null);
            return new WritableImage[] {a, b};
        });
        Fx.run(() -> {
            assertSame(bot2, kept.lookup("#score-name-2"), "the same labels, not new ones");
            assertEquals(1, GridPane.getRowIndex(bot2), "moved up to the first line");
            assertEquals(2, GridPane.getRowIndex(kept.lookup("#score-name-1")));
            assertEquals(3, GridPane.getRowIndex(kept.lookup("#score-name-4")));
            assertNull(kept.lookup("#score-name-3"), "a player who left has no line");
            assertTrue(kept.lookup("#score-name-1").getStyleClass().contains("me"));
        });
        assertEquals(pictures[0].getWidth(), pictures[1].getWidth());
        assertEquals(pictures[0].getHeight(), pictures[1].getHeight());
        assertTrue(PixelDiff.worst(pictures[0], pictures[1]) <= 2, "looks like a table built afresh");
    }
}
