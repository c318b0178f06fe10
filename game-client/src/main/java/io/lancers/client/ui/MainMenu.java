package io.lancers.client.ui;

import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** The title screen: the game's name over a slow drifting star field, and the main choices. */
final class MainMenu extends StackPane {

    /** What each button does; the window decides. */
    interface Actions {
        void play();

        void host();

        void join();

        void spectate();

        void replays();

        void settings();

        void quit();
    }

    private final Canvas stars = new Canvas();
    private final Label status = new Label();
    private final AnimationTimer drift;

    MainMenu(Actions actions, String playerName) {
        setId("main-menu");
        getStyleClass().add("screen");
        Pane starHolder = new Pane(stars);
        starHolder.setMinSize(0, 0);
        stars.widthProperty().bind(starHolder.widthProperty());
        stars.heightProperty().bind(starHolder.heightProperty());

        Label title = new Label("LANCERS");
        title.getStyleClass().add("title");
        Label subtitle = new Label("Arena combat for the LAN  ·  flying as " + playerName);
        subtitle.getStyleClass().add("subtitle");
        Button play = Overlays.menuButton("Play", "menu-play", actions::play);
        play.getStyleClass().add("primary");
        status.setId("menu-status");
        status.getStyleClass().add("error-text");
        status.setWrapText(true);
        status.setMaxWidth(480);
        VBox column = new VBox(12, title, subtitle, spacer(18), play,
                Overlays.menuButton("Host a LAN game", "menu-host", actions::host),
                Overlays.menuButton("Join", "menu-join", actions::join),
                Overlays.menuButton("Spectate", "menu-spectate", actions::spectate),
                Overlays.menuButton("Replays", "menu-replays", actions::replays),
                Overlays.menuButton("Settings", "menu-settings", actions::settings),
                Overlays.menuButton("Quit", "menu-quit", actions::quit), status);
        column.setAlignment(Pos.CENTER);
        getChildren().addAll(starHolder, column);

        drift = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drawStars(stars.getGraphicsContext2D(), stars.getWidth(), stars.getHeight(), now / 1e9);
            }
        };
        sceneProperty().addListener((obs, was, is) -> {
            if (is == null) {
                drift.stop();
            } else {
                drift.start();
            }
        });
        play.sceneProperty().addListener((obs, was, is) -> {
            if (is != null) {
                play.requestFocus();
            }
        });
    }

    void showStatus(String text) {
        status.setText(text == null ? "" : text);
    }

    /** Stars drifting to the left at three depths; positions are hashes, nothing is stored. */
    private static void drawStars(GraphicsContext g, double w, double h, double t) {
        g.clearRect(0, 0, w, h);
        for (int i = 0; i < 220; i++) {
            int hash = i * 0x9E3779B1;
            double depth = 1 + (i % 3);
            double speed = 6 * depth;
            double x = Math.floorMod((long) ((hash >>> 8 & 0xffff) / 65535.0 * (w + 20) - t * speed), (long) w + 20);
            double y = (hash >>> 4 & 0xfff) / 4095.0 * h;
            double r = 0.6 + depth * 0.45;
            g.setFill(Color.gray(1, 0.2 + depth * 0.18));
            g.fillOval(x - 10, y, r, r);
        }
    }

    private static Pane spacer(double height) {
        Pane p = new Pane();
        p.setMinHeight(height);
        return p;
    }
}
