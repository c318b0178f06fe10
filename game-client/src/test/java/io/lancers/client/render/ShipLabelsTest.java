package io.lancers.client.render;

import io.lancers.client.render.SceneView.PlayerLook;
import io.lancers.client.testing.Fx;
import io.lancers.sim.Rules;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names and health bars copied from their images look like the text and bars painted straight onto the screen. */
@ExtendWith(ApplicationExtension.class)
class ShipLabelsTest {
    private static final double SCALE = 800 / Camera.VIEW_HEIGHT;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 10, 10));
        stage.show();
    }

    @Test
    void aNameLooksAsWhenPaintedStraight() {
        ShipLabels labels = new ShipLabels();
        Fx.get(() -> {
            labels.zoom(SCALE, Rules.SHIP_RADIUS * SCALE);
            return null;
        });
        for (boolean own : new boolean[] {false, true}) {
            PlayerLook look = new PlayerLook("Bot 12 — Ångström", Color.web("#ff9f1c"));
            Pixels image = Fx.get(() -> labels.nameImage(look, own));
            double x = 151.7;
            double bottom = 80.2;
            // Where the copy puts the text: the image lands on whole pixels.
            double left = Math.round(x - image.width() / 2.0);
            double top = Math.round(bottom - (image.height() - ShipLabels.PAD));
            Color fill = own ? Color.WHITE : look.color().interpolate(Color.WHITE, 0.35);
            int worst = SpritesTest.compare(g -> labels.drawName(g, look, own, x, bottom),
                    g -> ShipLabels.paintName(g, look.name(), labels.font(), fill, left + image.width() / 2.0,
                            top + image.height() - ShipLabels.PAD));
            assertTrue(worst <= 2, (own ? "own" : "other") + " name: largest difference in a colour channel "
                    + worst + "/255");
        }
    }

    @Test
    void aHealthBarAtEveryHealthLooksAsWhenPaintedStraight() {
        ShipLabels labels = new ShipLabels();
        double r = Rules.SHIP_RADIUS * SCALE;
        Fx.get(() -> {
            labels.zoom(SCALE, r);
            return null;
        });
        double centre = 200.4;
        double top = 120.6;
        for (int health : new int[] {-5, 0, 1, 25, 26, 70, 99, 100, 140}) {
            int worst = SpritesTest.compare(g -> labels.drawBar(g, health, centre, top),
                    g -> labels.paintBar(g, Math.round(centre - r * 2.4 / 2), Math.round(top),
                            Math.max(0, Math.min(Rules.MAX_HEALTH, health))));
            assertTrue(worst <= 2, "health " + health + ": largest difference in a colour channel " + worst + "/255");
        }
    }
}
