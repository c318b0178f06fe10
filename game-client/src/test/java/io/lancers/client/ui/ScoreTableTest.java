package io.lancers.client.ui;

import io.lancers.client.render.PixelDiff;
import io.lancers.client.testing.Fx;
import io.lancers.sim.Team;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scoreboard's own table puts every cell where the {@code GridPane} it replaced put it, to the pixel: against
 * the old scoreboard (a title over a grid pane with the same columns), rebuilt from the shown table's texts and
 * style classes, after a first show and after a kill that reorders the lines and widens a column, and under a
 * title wider than the table (the intermission's).
 */
@ExtendWith(ApplicationExtension.class)
class ScoreTableTest {
    private HBox both;

    @Start
    void start(Stage stage) {
        both = new HBox();
        both.setAlignment(Pos.TOP_LEFT);
        Scene scene = new Scene(both, 1400, 700);
        scene.getStylesheets().add(ClientWindow.class.getResource("lancers.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static Scoreboard.Row row(int id, String name, int kills, int deaths, int ping, boolean online, Team team) {
        return new Scoreboard.Row(id, name, ping < 0, kills, deaths, ping, online, team);
    }

    @Test
    void everyCellIsWhereTheGridPaneHadIt() {
        Scoreboard table = Fx.get(Scoreboard::new);
        List<Scoreboard.Row> first = List.of(row(1, "You", 3, 1, 12, true, Team.NONE),
                row(2, "Bot 2", 2, 0, -1, true, Team.RED), row(3, "Cara", 0, 4, 80, false, Team.BLUE),
                row(4, "Wilhelmina the Unhurried", 1, 1, 140, true, Team.BLUE));
        assertLooksLikeTheGrid(table, () -> table.show(first, 1));
        List<Scoreboard.Row> afterAKill = List.of(row(3, "Cara", 112, 4, 80, true, Team.BLUE),
                row(1, "You", 3, 2, 9, true, Team.NONE), row(2, "Bot 2", 2, 10, -1, true, Team.RED),
                row(5, "Ann", 0, 0, -1, true, Team.NONE));
        assertLooksLikeTheGrid(table, () -> table.show(afterAKill, 1));
        assertLooksLikeTheGrid(table, () -> table.setTitle(9, "RED 12 : 9 BLUE"));
    }

    private void assertLooksLikeTheGrid(Scoreboard table, Runnable change) {
        WritableImage[] pictures = Fx.get(() -> {
            change.run();
            both.getChildren().setAll(table);
            both.applyCss();
            both.layout();
            VBox grid = gridPaneOf(table);
            both.getChildren().setAll(table, grid);
            both.applyCss();
            both.layout();
            return new WritableImage[] {table.snapshot(null, null), grid.snapshot(null, null)};
        });
        assertEquals(pictures[1].getWidth(), pictures[0].getWidth(), "width");
        assertEquals(pictures[1].getHeight(), pictures[0].getHeight(), "height");
        assertEquals(0, PixelDiff.worst(pictures[0], pictures[1]), "the same pixels");
    }

    /** The scoreboard as it was built before: its title over a grid pane of labels with the same texts and classes. */
    private static VBox gridPaneOf(Scoreboard table) {
        VBox old = new VBox(10);
        old.setAlignment(Pos.CENTER);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("score-table");
        grid.setStyle("-fx-hgap: 28; -fx-vgap: 6;");
        for (int c = 0; c < ScoreTable.COLUMNS; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            grid.getColumnConstraints().add(column);
        }
        ScoreTable cells = (ScoreTable) table.getChildren().get(1);
        List<Label> names = cells.firstColumn();
        for (int r = 0; r < names.size(); r++) {
            for (int c = 0; c < ScoreTable.COLUMNS; c++) {
                grid.add(copy(cellAt(cells, names.get(r), c)), c, r);
            }
        }
        old.getChildren().addAll(copy((Label) table.getChildren().get(0)), grid);
        return old;
    }

    /** The cell in {@code column} on the line whose first cell is {@code name}. */
    private static Label cellAt(ScoreTable cells, Label name, int column) {
        int at = cells.getChildrenUnmodifiable().indexOf(name);
        Node cell = cells.getChildrenUnmodifiable().get(at + column);
        return (Label) cell;
    }

    private static Label copy(Label label) {
        Label copy = new Label(label.getText());
        copy.getStyleClass().setAll(label.getStyleClass());
        return copy;
    }
}
