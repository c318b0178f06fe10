package io.lancers.client.render;

import io.lancers.client.testing.Fx;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A glow copied from its sheet looks like the gradient it replaces, painted straight onto the screen. */
@ExtendWith(ApplicationExtension.class)
class SpritesTest {
    private static final int W = 400;
    private static final int H = 300;
    private static final Stop[] FIREBALL = {new Stop(0, Color.WHITE), new Stop(0.25, Color.web("#ffe08a")),
            new Stop(0.55, Palette.POWER), new Stop(1, Color.TRANSPARENT)};

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 10, 10));
        stage.show();
    }

    @Test
    void aGlowAtEachRadiusHasThePixelsOfItsGradient() {
        Sprites sprites = new Sprites();
        // The explosion's range at 1280x800: more than one row of the sheet.
        Sprites.Glow glow = Fx.get(() -> sprites.glow(25, 112.5, FIREBALL));
        for (int radius : new int[] {25, 26, 60, 97, 112, 113}) {
            // A growing fireball at a radius between two whole pixels shows the nearer one.
            double asked = radius == 60 ? 60.4 : radius;
            int worst = compare(g -> glow.draw(g, 200.3, 150, asked), g -> {
                g.setFill(new RadialGradient(0, 0, 200, 150, radius, false, CycleMethod.NO_CYCLE, FIREBALL));
                g.fillOval(200 - radius, 150 - radius, radius * 2, radius * 2);
            });
            assertTrue(worst <= 2, "radius " + radius + ": largest difference in a colour channel " + worst + "/255");
        }
    }

    @Test
    void aGlowPastItsRangeShowsItsLargestSizeAndNothingBelowHalfAPixel() {
        Sprites.Glow glow = Fx.get(() -> new Sprites().glow(1, 10, FIREBALL));
        assertTrue(compare(g -> glow.draw(g, 100, 100, 30), g -> {
            g.setFill(new RadialGradient(0, 0, 100, 100, 10, false, CycleMethod.NO_CYCLE, FIREBALL));
            g.fillOval(90, 90, 20, 20);
        }) <= 2);
        assertTrue(compare(g -> glow.draw(g, 100, 100, 0.4), g -> { }) == 0);
    }

    /** Both painters over the same busy background; the largest difference in a channel. */
    static int compare(Consumer<FrameBuffer> cached, Consumer<GraphicsContext> direct) {
        WritableImage[] both = paintBoth(cached, direct);
        return PixelDiff.worst(both[0], both[1]);
    }

    /**
     * The frame buffer's picture and the canvas's, each painter over the same busy background (copied into
     * the frame buffer from a canvas).
     */
    static WritableImage[] paintBoth(Consumer<FrameBuffer> cached, Consumer<GraphicsContext> direct) {
        AtomicReference<WritableImage> a = new AtomicReference<>();
        AtomicReference<WritableImage> b = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            FrameBuffer frame = new FrameBuffer(W, H);
            frame.copy(Pixels.of(paint(g -> { })), 0, 0);
            cached.accept(frame);
            a.set(PixelDiff.image(frame));
            b.set(paint(direct));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return new WritableImage[] {a.get(), b.get()};
    }

    private static WritableImage paint(Consumer<GraphicsContext> painter) {
        Canvas canvas = new Canvas(W, H);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Palette.FLOOR);
        g.fillRect(0, 0, W, H);
        g.setStroke(Palette.FLOOR_GRID_MAJOR);
        for (int x = 5; x < W; x += 25) {
            g.strokeLine(x + 0.5, 0, x + 0.5, H);
        }
        painter.accept(g);
        return canvas.snapshot(null, null);
    }
}
