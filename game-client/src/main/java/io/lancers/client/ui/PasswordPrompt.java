package io.lancers.client.ui;

import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.net.URI;
import java.util.function.Consumer;

/**
 * The question a server with a password asks, over whatever screen is showing: the server and what
 * it said (a password is needed, the one given was wrong, too many guesses), a password field, Join
 * and Cancel. Either answer takes the prompt away; the window connects with the password.
 */
final class PasswordPrompt {
    private PasswordPrompt() {
    }

    /**
     * Shows the prompt over {@code root}, the field focused.
     *
     * @param join   Join pressed, with the password typed
     * @param cancel Cancel pressed
     */
    static void show(StackPane root, URI server, String message, Consumer<String> join, Runnable cancel) {
        Label says = new Label(server.getHost() + ":" + server.getPort() + " — " + message);
        says.setId("password-message");
        PasswordField field = new PasswordField();
        field.setId("password-field");
        field.setPromptText("password");
        StackPane[] prompt = new StackPane[1];
        var ok = Overlays.menuButton("Join", "password-ok", () -> {
            root.getChildren().remove(prompt[0]);
            join.accept(field.getText());
        });
        ok.setDefaultButton(true);
        var back = Overlays.menuButton("Cancel", "password-cancel", () -> {
            root.getChildren().remove(prompt[0]);
            cancel.run();
        });
        back.setCancelButton(true);
        prompt[0] = Overlays.dimmed("password-prompt", says, field, new HBox(12, back, ok));
        root.getChildren().add(prompt[0]);
        field.requestFocus();
    }
}
