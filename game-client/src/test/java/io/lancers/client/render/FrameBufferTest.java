package io.lancers.client.render;

import io.lancers.client.testing.Fx;
import io.lancers.client.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frame buffer's shapes and rotated sprites against the same drawn by a JavaFX canvas, over the same
 * background. Anti-aliased edges are computed differently (distance to the edge here, Pisces' sub-pixel
 * coverage there), so edge pixels may differ by a few tens of levels; what is asserted is a bound on the
 * worst pixel and on the mean over the shape's box, both printed.
 */
@ExtendWith(ApplicationExtension.class)
class FrameBufferTest {
    private static final Color RED = Color.web("#ff2020");

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 10, 10));
        stage.show();
    }

    @Test
    void aTrailLooksLikeTheCanvasStrokeWithRoundCaps() {
        for (double[] s : new double[][] {{50.3, 60.7, 140.2, 95.1}, {200, 40.5, 200, 120.5}, {250.6, 200.2, 320.1, 200.2},
                {330, 250, 331, 251}}) {
            int[] box = {(int) Math.min(s[0], s[2]) - 5, (int) Math.min(s[1], s[3]) - 5,
                    (int) Math.abs(s[2] - s[0]) + 10, (int) Math.abs(s[3] - s[1]) + 10};
            check("segment " + java.util.Arrays.toString(s), box, 40, 1.0,
                    f -> f.strokeSegment(s[0], s[1], s[2], s[3], 7.5, PixelMath.premultiplied(RED, 0.45)),
                    g -> {
                        g.setLineCap(StrokeLineCap.ROUND);
                        g.setLineWidth(7.5);
                        g.setStroke(RED.deriveColor(0, 1, 1, 0.45));
                        g.strokeLine(s[0], s[1], s[2], s[3]);
                    });
        }
    }

    @Test
    void ringsAndDiscsLookLikeTheCanvasOvals() {
        check("ring", new int[] {68, 58, 166, 166}, 40, 1.0, f -> f.strokeCircle(150.4, 140.6, 80.3, 3.75, PixelMath.premultiplied(RED, 0.8)), g -> {
            g.setLineWidth(3.75);
            g.setStroke(RED.deriveColor(0, 1, 1, 0.8));
            g.strokeOval(150.4 - 80.3, 140.6 - 80.3, 160.6, 160.6);
        });
        check("thin ring", new int[] {256, 106, 88, 88}, 60, 1.0, f -> f.strokeCircle(300, 150, 42.75, 1.5, PixelMath.premultiplied(Color.WHITE, 0.35)),
                g -> {
                    g.setLineWidth(1.5);
                    g.setStroke(Color.WHITE.deriveColor(0, 1, 1, 0.35));
                    g.strokeOval(300 - 42.75, 150 - 42.75, 85.5, 85.5);
                });
        check("disc", new int[] {94, 224, 13, 13}, 60, 3.0, f -> f.fillCircle(100.2, 230.7, 4.375, PixelMath.premultiplied(Color.WHITE, 1)), g -> {
            g.setFill(Color.WHITE);
            g.fillOval(100.2 - 4.375, 230.7 - 4.375, 8.75, 8.75);
        });
    }

    @Test
    void aTurnedShipLooksLikeTheCanvasDrawingIt() {
        ShipSprites ships = new ShipSprites();
        ShipSprites.Turnable turnable = Fx.get(() -> ships.shadowedShip(Color.web("#4cc9f0"), 0.25 / 2.7));
        Pixels ship = turnable.pixels();
        Image image = Fx.get(() -> {
            WritableImage w = new WritableImage(ship.width(), ship.height());
            w.getPixelWriter().setPixels(0, 0, ship.width(), ship.height(),
                    javafx.scene.image.PixelFormat.getIntArgbPreInstance(), ship.argb(), 0, ship.width());
            return w;
        });
        double hull = ships.hullWidth();
        double scale = 22.5 * 2.7 / hull;
        for (double angle : new double[] {0, 0.4, 2.2, -1.3}) {
            double pivotX = turnable.centreX();
            double pivotY = turnable.centreY();
            check("ship at " + angle, new int[] {160, 110, 80, 80}, 128, 1.0,
                    f -> f.blendRotated(ship, pivotX, pivotY, 200.4, 150.7, angle, scale, 255),
                    g -> {
                        g.save();
                        g.translate(200.4, 150.7);
                        g.rotate(Math.toDegrees(angle));
                        g.drawImage(image, -pivotX * scale, -pivotY * scale, image.getWidth() * scale,
                                image.getHeight() * scale);
                        g.restore();
                    });
        }
    }

    /** A backdrop stretched for a window too large for it: filtered between source pixels, clamped at its edges. */
    @Test
    void aStretchedCopyBlendsNeighboursAndClampsItsEdges() {
        FrameBuffer frame = new FrameBuffer(10, 3);
        frame.fill(0xff102030);
        frame.copyScaled(new Pixels(new int[] {0xff000000, 0xffffffff}, 2, 1), 1, 0, 4, new int[10]);
        int[] expected = {0x30, 0, 0, 31, 95, 159, 223, 255, 255, 0x30};
        for (int x = 0; x < 10; x++) {
            assertEquals(expected[x], frame.pixel(x, 1) & 0xff, "blue at column " + x);
        }
        assertEquals(0xff102030, frame.pixel(0, 2), "outside the stretched image: untouched");
    }

    /**
     * Both painted; the worst pixel of the picture and the mean over the shape's box {@code (x, y, w, h)}
     * within the bounds given.
     */
    private static void check(String what, int[] box, int worstAllowed, double meanAllowed, Consumer<FrameBuffer> ours,
                              Consumer<GraphicsContext> canvas) {
        WritableImage[] both = SpritesTest.paintBoth(ours, canvas);
        Screenshots.save(both[0], "frame buffer " + what);
        Screenshots.save(both[1], "frame buffer " + what + " canvas");
        int worst = PixelDiff.worst(both[0], both[1]);
        double mean = PixelDiff.mean(both[0], both[1], box[0], box[1], box[2], box[3]);
        System.out.printf("%s: worst %d/255, mean %.3f/255%n", what, worst, mean);
        assertTrue(worst <= worstAllowed, what + ": worst " + worst);
        assertTrue(mean <= meanAllowed, what + ": mean " + mean);
    }
}
