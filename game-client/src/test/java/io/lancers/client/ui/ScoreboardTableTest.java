package io.lancers.client.ui;

import io.lancers.client.render.PixelDiff;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.client.testing.Fx;
import io.lancers.protocol.ServerMessage.PlayerInfo;
import io.lancers.sim.Ship;
import io.lancers.sim.Team;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table after kills that reorder it: each player keeps their own labels (moved to other lines,
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
            List<Node> names = List.copyOf(kept.firstColumn());
            assertEquals(List.of(bot2, kept.lookup("#score-name-1"), kept.lookup("#score-name-4")),
                    names.subList(1, names.size()), "Bot 2 moved up to the first line");
            assertNull(kept.lookup("#score-name-3"), "a player who left has no line");
            assertTrue(kept.lookup("#score-name-1").getStyleClass().contains("me"));
        });
        assertEquals(pictures[0].getWidth(), pictures[1].getWidth());
        assertEquals(pictures[0].getHeight(), pictures[1].getHeight());
        assertTrue(PixelDiff.worst(pictures[0], pictures[1]) <= 2, "looks like a table built afresh");
    }

    private static RenderShip ship(int id, int kills, int deaths) {
        return new RenderShip(new Ship(id, 0, 0, 0, 0, 0, 100, 0, 0, 0, 0, kills, deaths, 0), 0, 0, 0);
    }

    @Test
    void theTableFollowsKillsDeathsAndTheRoster() {
        List<PlayerInfo> roster = List.of(new PlayerInfo(1, "You", 0, false, true, 12),
                new PlayerInfo(2, "Bot 2", 0, true, true, -1));
        List<PlayerInfo> rejoining = List.of(new PlayerInfo(1, "You", 0, false, true, 12),
                new PlayerInfo(2, "Bot 2", 0, true, false, -1));
        Fx.run(() -> {
            kept.show(roster, List.of(ship(1, 0, 0), ship(2, 0, 0)), 1);
            assertEquals(List.of(2, 1), kept.shownRows().stream().map(Scoreboard.Row::id).toList());
            kept.show(roster, List.of(ship(1, 1, 0), ship(2, 0, 1)), 1);
            assertEquals(List.of(1, 2), kept.shownRows().stream().map(Scoreboard.Row::id).toList(), "a kill");
            assertEquals(1, kept.shownRows().get(1).deaths());
            kept.show(rejoining, List.of(ship(1, 1, 0), ship(2, 0, 1)), 1);
            assertFalse(kept.shownRows().get(1).online(), "a new roster");
            kept.show(rejoining, List.of(ship(1, 1, 0)), 1);
            assertEquals(0, kept.shownRows().get(1).deaths(), "a player without a ship");
        });
    }
}
