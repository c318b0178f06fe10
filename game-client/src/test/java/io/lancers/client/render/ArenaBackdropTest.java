package io.lancers.client.render;

import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cached backdrop looks like the backdrop painted straight onto the screen. */
@ExtendWith(ApplicationExtension.class)
class ArenaBackdropTest {
    private static final int W = 1280;
    private static final int H = 800;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 10, 10));
        stage.show();
    }

    @Test
    void theCopiedImageHasThePixelsOfThePaintedBackdrop() {
        ArenaMap map = MapLoader.load("crossfire");
        // Looking at the top-left corner, at the edge margin; world (0, 0) on a whole pixel.
        double scale = H / Camera.VIEW_HEIGHT;
        Camera cam = new Camera(W / 2.0 / scale - 40, H / 2.0 / scale - 40, scale, W, H);
        AtomicReference<WritableImage> painted = new AtomicReference<>();
        AtomicReference<WritableImage> copied = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Canvas direct = new Canvas(W, H);
            GraphicsContext g = direct.getGraphicsContext2D();
            g.setFill(Palette.SPACE);
            g.fillRect(0, 0, W, H);
            ArenaBackdrop.paintFloor(g, cam, map);
            ArenaBackdrop.paintWalls(g, cam, map);
            painted.set(direct.snapshot(null, null));
            FrameBuffer cached = new FrameBuffer(W, H);
            ArenaBackdrop backdrop = new ArenaBackdrop();
            backdrop.prepare(map, cam.scale());
            backdrop.draw(cached, cam);
            copied.set(PixelDiff.image(cached));
        });
        WaitForAsyncUtils.waitForFxEvents();

        int worst = PixelDiff.worst(painted.get(), copied.get());
        assertTrue(worst <= 2, "largest difference in a colour channel: " + worst + "/255");
    }
}
