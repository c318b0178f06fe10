package io.lancers.client.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.function.Consumer;

/**
 * The chat: a short log of player lines and system notices (another colour), and an input field
 * that opens on Enter, sends on Enter and closes on Esc.
 */
final class ChatPanel extends VBox {
    private static final int MAX_LINES = 8;

    private final VBox log = new VBox(2);
    private final TextField input = new TextField();
    private final Runnable onClosed;

    /**
     * @param send     called with the text the player sent (trimmed, not empty)
     * @param onClosed called after the field closes (sent or cancelled), to give the game focus back
     */
    ChatPanel(int maxLength, Consumer<String> send, Runnable onClosed) {
        this.onClosed = onClosed;
        setId("chat");
        setSpacing(6);
        setAlignment(Pos.BOTTOM_LEFT);
        setMaxSize(420, USE_PREF_SIZE);
        setPickOnBounds(false);
        log.setId("chat-log");
        log.setMouseTransparent(true);
        input.setId("chat-input");
        input.getStyleClass().add("chat-field");
        input.setPromptText("Say something…  (Enter to send, Esc to cancel)");
        input.setVisible(false);
        input.setManaged(false);
        input.setTextFormatter(new javafx.scene.control.TextFormatter<String>(
                change -> change.getControlNewText().length() <= maxLength ? change : null));
        input.setOnAction(e -> {
            // Consumed, or the Enter would bubble to the match view and open the chat again.
            e.consume();
            String text = input.getText().trim();
            if (!text.isEmpty()) {
                send.accept(text);
            }
            close();
        });
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
        getChildren().addAll(log, input);
    }

    boolean typing() {
        return input.isVisible();
    }

    void open() {
        input.setVisible(true);
        input.setManaged(true);
        input.clear();
        input.requestFocus();
    }

    void close() {
        input.clear();
        input.setVisible(false);
        input.setManaged(false);
        onClosed.run();
    }

    /** A player's line: the name in the player's colour. */
    void playerLine(String from, Color color, String text) {
        Text name = new Text(from + ": ");
        name.setFill(color);
        name.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        Text body = new Text(text);
        body.setFill(Color.web("#e8eefc"));
        body.setStyle("-fx-font-size: 13px;");
        TextFlow line = new TextFlow(name, body);
        line.getStyleClass().add("chat-line");
        line.setUserData(from + ": " + text);
        add(line);
    }

    /** A system notice (join, leave, offline...), in the notice colour. */
    void systemLine(String text, boolean error) {
        Label line = new Label(text);
        line.setWrapText(true);
        line.getStyleClass().addAll("chat-line", error ? "error" : "system");
        line.setUserData(text);
        add(line);
    }

    void clearLog() {
        log.getChildren().clear();
    }

    /** The log's lines as plain text, oldest first. */
    java.util.List<String> lines() {
        return log.getChildren().stream().map(n -> String.valueOf(n.getUserData())).toList();
    }

    private void add(javafx.scene.Node line) {
        // Painted once with its drop shadow and then copied: the arena under it is redrawn every frame,
        // and a software renderer would blur the shadow of every line again on each one.
        line.setCache(true);
        log.getChildren().add(line);
        if (log.getChildren().size() > MAX_LINES) {
            log.getChildren().remove(0);
        }
    }
}
