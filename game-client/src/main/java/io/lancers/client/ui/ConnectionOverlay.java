package io.lancers.client.ui;

import io.lancers.client.net.ConnectionState;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The connection-trouble layer over a match: what the player is told in each connection state
 * (reconnecting, seat expired, failed, closed) and the way out each offers. Hidden while in the
 * match; its content is replaced as the connection's state changes. FX thread only.
 */
final class ConnectionOverlay extends StackPane {
    private final Label message = new Label();
    private final HBox buttons = new HBox(12);
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Button reconnectLeave;
    private final Button joinAsNew;
    private final Button backToMenu;

    ConnectionOverlay(MatchView.Actions actions) {
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
        reconnectLeave = Overlays.menuButton("Leave", "reconnect-leave", actions::leave);
        joinAsNew = Overlays.menuButton("Join as new player", "join-as-new", actions::joinAsNew);
        backToMenu = Overlays.menuButton("Back to menu", "back-to-menu", actions::leave);
        setVisible(false);
    }

    /** Shows or hides the layer as the link's state changes. */
    void state(ConnectionState state, String detail) {
        switch (state) {
            case IN_MATCH -> setVisible(false);
            case RECONNECTING -> show("Connection lost — reconnecting…", true, reconnectLeave);
            case RESUME_REFUSED -> show("Your seat expired — the server restarted or you were away too long", false,
                    joinAsNew, backToMenu);
            case FAILED -> show("Connection failed: " + (detail == null ? "unknown" : detail), false, backToMenu);
            case CLOSED -> show("Disconnected" + (detail == null ? "" : ": " + detail), false, backToMenu);
            case CONNECTING, HANDSHAKING, LOBBY -> {
                // Transitional while resuming: the layer stays as it is.
            }
        }
    }

    void reconnectAttempt(int attempt) {
        show("Connection lost — reconnecting, attempt " + attempt + "…", true, reconnectLeave);
    }

    /** What the layer says, or "" while hidden. */
    String shownText() {
        return isVisible() ? message.getText() : "";
    }

    private void show(String text, boolean working, Button... actions) {
        message.setText(text);
        spinner.setVisible(working);
        spinner.setManaged(working);
        // The same buttons stay put: a click must not land on one that was just replaced.
        if (!buttons.getChildren().equals(List.of(actions))) {
            buttons.getChildren().setAll(actions);
        }
        setVisible(true);
    }
}
