package io.lancers.client.ui;

import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Background;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Small full-screen panels shown over a view: busy, pause, controls ({@link ConnectionOverlay}: connection trouble). */
final class Overlays {
    private Overlays() {
    }

    /**
     * Takes {@code region}'s background away for good. {@code setBackground(null)} does not last on a
     * scene's root: the stylesheet's {@code .root} fill is built from a colour lancers.css defines
     * ({@code -fx-background}), so it counts as the author's style and wins over a value set in code.
     * A bound property is one CSS leaves alone.
     */
    static void noBackground(Region region) {
        region.backgroundProperty().bind(new SimpleObjectProperty<Background>(null));
    }

    static Button menuButton(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("menu-button");
        b.setOnAction(e -> action.run());
        return b;
    }

    /** An empty form: rows of a label and its control. */
    static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(12);
        return grid;
    }

    /** A dim note under a form's control, wrapped to the width of the form's fields. */
    static Label formHint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("dim");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        return hint;
    }

    /** A screen's centred panel: the heading {@code title} above {@code content}. */
    static VBox titledPanel(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("heading");
        VBox panel = new VBox(18, heading);
        panel.getChildren().addAll(content);
        panel.setAlignment(Pos.CENTER);
        panel.getStyleClass().add("panel");
        panel.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        return panel;
    }

    /** A form's buttons: the way back (Escape) and the primary action (Enter), side by side. */
    static HBox backAndGo(Button back, Button go) {
        go.getStyleClass().add("primary");
        go.setDefaultButton(true);
        back.setCancelButton(true);
        for (Button b : new Button[] {back, go}) {
            b.setPrefWidth(150);
        }
        HBox buttons = new HBox(12, back, go);
        buttons.setAlignment(Pos.CENTER);
        return buttons;
    }

    /** A dimmed layer with a centred panel holding {@code content}. */
    static StackPane dimmed(String id, Node... content) {
        VBox panel = new VBox(16, content);
        panel.setAlignment(Pos.CENTER);
        panel.getStyleClass().add("panel");
        panel.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane layer = new StackPane(panel);
        layer.setId(id);
        layer.getStyleClass().add("overlay");
        return layer;
    }

    /** "Starting…" with a spinner and a way out. */
    static StackPane busy(String id, String text, Runnable cancel) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(56, 56);
        Label label = new Label(text);
        label.setId(id + "-text");
        label.getStyleClass().add("busy-label");
        return dimmed(id, spinner, label, menuButton("Cancel", id + "-cancel", cancel));
    }

    /** The controls, shown over the first match. */
    static StackPane controls(Runnable dismiss) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("controls-grid");
        for (int i = 0; i < Controls.HELP.size(); i++) {
            Label key = new Label(Controls.HELP.get(i).keys());
            key.getStyleClass().add("key");
            grid.add(key, 0, i);
            grid.add(new Label(Controls.HELP.get(i).action()), 1, i);
        }
        Label title = new Label("CONTROLS");
        title.getStyleClass().add("heading");
        StackPane layer = dimmed("controls-overlay", title, grid,
                menuButton("Got it", "controls-ok", dismiss));
        layer.setOnMouseClicked(e -> dismiss.run());
        return layer;
    }
}
