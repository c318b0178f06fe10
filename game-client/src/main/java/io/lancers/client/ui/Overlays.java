package io.lancers.client.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Small full-screen panels shown over a view: busy, connection trouble, pause, controls. */
final class Overlays {
    private Overlays() {
    }

    static Button menuButton(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("menu-button");
        b.setOnAction(e -> action.run());
        return b;
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

    /**
     * The connection-trouble layer: a message and one or two buttons. Its content is replaced as
     * the connection's state changes.
     */
    static final class ConnectionOverlay extends StackPane {
        private final Label message = new Label();
        private final HBox buttons = new HBox(12);
        private final ProgressIndicator spinner = new ProgressIndicator();

        ConnectionOverlay() {
            setId("connection-overlay");
            getStyleClass().add("overlay");
            message.setId("connection-message");
            message.getStyleClass().add("busy-label");
            message.setWrapText(true);
            message.setMaxWidth(520);
            buttons.setAlignment(Pos.CENTER);
            spinner.setPrefSize(48, 48);
            VBox panel = new VBox(16, spinner, message, buttons);
            panel.setAlignment(Pos.CENTER);
            panel.getStyleClass().add("panel");
            panel.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
            getChildren().add(panel);
            setVisible(false);
        }

        void show(String text, boolean working, Button... actions) {
            message.setText(text);
            spinner.setVisible(working);
            spinner.setManaged(working);
            // The same buttons stay put: a click must not land on one that was just replaced.
            if (!buttons.getChildren().equals(java.util.List.of(actions))) {
                buttons.getChildren().setAll(actions);
            }
            setVisible(true);
        }

        void hide() {
            setVisible(false);
        }

        String text() {
            return message.getText();
        }
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
