package io.lancers.client.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;

/**
 * The match's pause menu (Escape): resume, the settings, the host's controls in the host's own
 * session, leave. A dimmed layer over the match, hidden until {@link #show()}. FX thread only.
 */
final class PauseMenu {
    private final StackPane layer;

    /** @param resume hides the menu and gives the game the keyboard back */
    PauseMenu(MatchView.Actions actions, Runnable resume) {
        Label heading = new Label("PAUSED");
        heading.getStyleClass().add("heading");
        List<Node> items = new ArrayList<>(List.of(heading,
                Overlays.menuButton("Resume", "pause-resume", resume),
                Overlays.menuButton("Settings", "pause-settings", actions::openSettings)));
        if (actions.hosting()) {
            items.add(Overlays.menuButton("Host controls", "pause-host", actions::openHostControls));
        }
        items.add(Overlays.menuButton("Leave match", "pause-leave", actions::leave));
        layer = Overlays.dimmed("pause-menu", items.toArray(Node[]::new));
        layer.setVisible(false);
    }

    /** The layer to stack over the match. */
    Node layer() {
        return layer;
    }

    boolean shown() {
        return layer.isVisible();
    }

    void show() {
        layer.setVisible(true);
    }

    void hide() {
        layer.setVisible(false);
    }
}
