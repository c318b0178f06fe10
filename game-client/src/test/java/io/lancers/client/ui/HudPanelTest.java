package io.lancers.client.ui;

import io.lancers.client.render.PixelDiff;
import io.lancers.client.testing.Fx;
import io.lancers.sim.Team;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A HUD panel (its fill and border cached apart inside it) looks like the box it replaced: a region
 * with the same style classes holding the same content, cached as one image; over a busy backdrop, so a
 * translucent background in the wrong place or blended twice shows. With its fill left to the arena under it,
 * it adds nothing there but its border and text.
 */
@ExtendWith(ApplicationExtension.class)
class HudPanelTest {

    @Test
    void theScoreboardOnAPanelLooksLikeTheScoreboardBox() {
        assertLooksTheSame(() -> {
            Scoreboard table = new Scoreboard();
            table.show(List.of(new Scoreboard.Row(1, "You", false, 3, 1, 12, true, Team.NONE),
                    new Scoreboard.Row(2, "Bot 2", true, 2, 0, -1, true, Team.RED),
                    new Scoreboard.Row(3, "Cara", false, 0, 4, 80, false, Team.BLUE)), 1);
            return table;
        }, "scoreboard-plate", "scoreboard");
    }

    @Test
    void withItsFillLeftToTheArenaTheTableShowsTheArenaAsItIs() {
        WritableImage[] pictures = Fx.get(() -> {
            HudPanel own = new HudPanel(blank(), "scoreboard-plate", "scoreboard");
            HudPanel left = new HudPanel(blank(), "scoreboard-plate", "scoreboard");
            left.showOwnPlate(false);
            return new WritableImage[] {snapshot(own), snapshot(left), snapshot(new StackPane())};
        });
        int filled = 0;
        int asItIs = 0;
        // The middle of the table: inside the rounded border.
        for (int y = 270; y < 330; y++) {
            for (int x = 320; x < 380; x++) {
                int arena = pictures[2].getPixelReader().getArgb(x, y);
                filled += pictures[0].getPixelReader().getArgb(x, y) != arena ? 1 : 0;
                asItIs += pictures[1].getPixelReader().getArgb(x, y) == arena ? 1 : 0;
            }
        }
        assertEquals(60 * 60, filled, "with its own fill the table darkens what is under it");
        assertEquals(60 * 60, asItIs, "without it, what is under it (the painter's fill, in a match) shows unchanged");
    }

    @Test
    void thePanelItsFillAndItsBorderAreCachedApart() {
        Fx.run(() -> {
            Label text = new Label("9:41");
            HudPanel panel = new HudPanel(text, "scoreboard-plate", "hud-box");
            Node plate = panel.getChildrenUnmodifiable().get(0);
            Node back = panel.getChildrenUnmodifiable().get(1);
            assertTrue(plate.isCache() && back.isCache(), "the fill and the border have images of their own");
            assertTrue(panel.isCache(), "the whole box is copied on every frame");
            assertFalse(text.isCache());
            assertEquals(List.of(plate, back, text), panel.getChildrenUnmodifiable(), "the text over the border over the fill");
            assertTrue(panel.ownPlateShown(), "its own fill until told that the arena has it");
        });
    }

    /**
     * {@code content} on a panel with {@code plateClass} and {@code styleClass}, against it in a cached region with
     * both classes.
     */
    private static void assertLooksTheSame(Supplier<Region> content, String plateClass, String styleClass) {
        WritableImage[] pictures = Fx.get(() -> {
            HudPanel panel = new HudPanel(content.get(), plateClass, styleClass);
            VBox box = new VBox(content.get());
            box.getStyleClass().addAll(plateClass, styleClass);
            box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            box.setCache(true);
            WritableImage a = snapshot(panel);
            WritableImage b = snapshot(box);
            return new WritableImage[] {a, b};
        });
        assertEquals(pictures[1].getWidth(), pictures[0].getWidth());
        assertEquals(pictures[1].getHeight(), pictures[0].getHeight());
        int worst = PixelDiff.worst(pictures[0], pictures[1]);
        assertTrue(worst <= 2, "differs by " + worst + "/255");
    }

    /** Content with no text: 200 by 200 of nothing. */
    private static Region blank() {
        Region r = new Region();
        r.setPrefSize(200, 200);
        return r;
    }

    /** The box centred over stripes of colour, as the scene shows it. */
    private static WritableImage snapshot(Parent box) {
        Rectangle busy = new Rectangle(700, 600, new LinearGradient(0, 0, 40, 40, false, CycleMethod.REPEAT,
                new Stop(0, Color.web("#f0525a")), new Stop(0.5, Color.web("#3fd0ff")), new Stop(1, Color.web("#ffd166"))));
        Scene scene = new Scene(new StackPane(busy, box), 700, 600, Color.web("#070b16"));
        scene.getStylesheets().add(ClientWindow.class.getResource("lancers.css").toExternalForm());
        return scene.snapshot(null);
    }
}
