package io.lancers.client.render;

import io.lancers.client.testing.Fx;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A HUD box's fill drawn by the painter into a busy arena looks as Prism's composite of the same CSS fill
 * over that arena: the scoreboard's fill from the stylesheet, at the table's size and others, at the frame's
 * edges too.
 */
@ExtendWith(ApplicationExtension.class)
class BackplateTest {
    private static final int W = 640;
    private static final int H = 600;

    @Test
    void theScoreboardsFillDrawnByThePainterLooksAsPrismDrawsItOverTheArena() {
        Background fill = Fx.get(() -> cssBackground("scoreboard-plate"));
        // The table's size in the render bench, a small box, a wide one, and boxes over the frame's edges.
        for (int[] box : List.of(new int[] {97, 41, 446, 517}, new int[] {10, 20, 31, 30}, new int[] {300, 400, 200, 60},
                new int[] {-12, 560, 100, 70}, new int[] {590, -9, 80, 50})) {
            Image[] pictures = Fx.get(() -> {
                Image arena = busyArena();
                FrameBuffer frame = new FrameBuffer(W, H);
                frame.copy(Pixels.of(arena), 0, 0);
                Backplate.of(fill).at(box[0], box[1], box[2], box[3]).draw(frame);
                return new Image[] {PixelDiff.image(frame), prismOver(arena, fill, box)};
            });
            int worst = PixelDiff.worst(pictures[0], pictures[1]);
            int x = Math.max(0, box[0]);
            int y = Math.max(0, box[1]);
            double mean = PixelDiff.mean(pictures[0], pictures[1], x, y,
                    Math.min(W, box[0] + box[2]) - x, Math.min(H, box[1] + box[3]) - y);
            System.out.printf("backplate %dx%d at (%d, %d): worst %d/255, mean %.3f/255 over the box%n",
                    box[2], box[3], box[0], box[1], worst, mean);
            assertTrue(worst <= 1, box[2] + "x" + box[3] + " differs by " + worst + "/255");
        }
    }

    @Test
    void aBoxTooSmallForItsCornersIsRefused() {
        Background fill = Fx.get(() -> cssBackground("scoreboard-plate"));
        Backplate plate = Fx.get(() -> Backplate.of(fill));
        assertTrue(plate.fits(30, 30));
        assertFalse(plate.fits(29, 100), "radius 14: 15 pixels a corner");
        assertThrows(IllegalArgumentException.class, () -> plate.at(0, 0, 100, 29));
    }

    @Test
    void aPlateCoversTheBoxesInsideIt() {
        Backplate plate = Fx.get(() -> Backplate.of(cssBackground("scoreboard-plate")));
        Backplate.Placed placed = plate.at(10, 20, 100, 50);
        assertTrue(placed.covers(10, 20, 100, 50));
        assertTrue(placed.covers(36, 38, 48, 14));
        assertFalse(placed.covers(9, 20, 100, 50));
        assertFalse(placed.covers(36, 38, 48, 33));
    }

    /** A region's background as the game's stylesheet gives it to {@code styleClass}. */
    static Background cssBackground(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        Scene scene = new Scene(new StackPane(r));
        scene.getStylesheets().add(Backplate.class.getResource("/io/lancers/client/ui/lancers.css").toExternalForm());
        r.applyCss();
        return r.getBackground();
    }

    /** Stripes of the players' colours and the dark floor, in every direction: an arena with something everywhere. */
    private static Image busyArena() {
        Canvas canvas = new Canvas(W, H);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(new LinearGradient(0, 0, 37, 23, false, CycleMethod.REPEAT, new Stop(0, Color.web("#f0525a")),
                new Stop(0.4, Color.web("#3fd0ff")), new Stop(0.7, Color.web("#101830")), new Stop(1, Color.web("#ffd166"))));
        g.fillRect(0, 0, W, H);
        return canvas.snapshot(null, null);
    }

    /** {@code fill} on a region at {@code box} over {@code arena}, as Prism composites the scene. */
    private static WritableImage prismOver(Image arena, Background fill, int[] box) {
        Region region = new Region();
        region.setBackground(fill);
        region.setManaged(false);
        region.resizeRelocate(box[0], box[1], box[2], box[3]);
        Scene scene = new Scene(new Pane(new ImageView(arena), region), W, H);
        return scene.snapshot(null);
    }
}
