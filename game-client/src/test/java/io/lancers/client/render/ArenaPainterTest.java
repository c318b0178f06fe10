package io.lancers.client.render;

import io.lancers.client.testing.Fx;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/** The painter's frames reach the screen in turn, each in a buffer of its own, and it starts again after a stop. */
@ExtendWith(ApplicationExtension.class)
class ArenaPainterTest {
    private ArenaPainter painter;

    @Start
    void start(Stage stage) {
        painter = new ArenaPainter(new ArenaRenderer(new Effects()));
        stage.setScene(new Scene(new Pane(painter.view()), 60, 50));
        stage.show();
    }

    @Test
    void eachFrameIsShownWhenDrawnAndNeverDrawnIntoWhileOnScreen() {
        shown(Color.RED);
        Image[] red = shown(Color.BLUE);
        assertEquals(Color.RED, Fx.get(() -> red[0].getPixelReader().getColor(10, 20)),
                "the picture shown before is not drawn into while the next frame goes on screen");
        Image[] blue = shown(Color.LIME);
        assertNotSame(red[0], blue[0]);
        assertEquals(Color.BLUE, Fx.get(() -> blue[0].getPixelReader().getColor(10, 20)));

        Fx.run(painter::stop);
        shown(Color.WHITE);
    }

    /**
     * Asks for frames of {@code color} until one is on screen; the image shown just before it and the one
     * showing it.
     */
    private Image[] shown(Color color) {
        Image[] images = new Image[2];
        Fx.waitFor(color + " shown", () -> {
            images[0] = painter.view().getImage();
            painter.blank(50, 40, color);
            images[1] = painter.view().getImage();
            return images[1] != null && images[1].getPixelReader().getColor(10, 20).equals(color);
        });
        assertEquals(50, images[1].getWidth());
        return images;
    }
}
