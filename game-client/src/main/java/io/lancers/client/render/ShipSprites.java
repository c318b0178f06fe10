package io.lancers.client.render;

import io.lancers.assets.Assets;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.util.HashMap;
import java.util.Map;

/**
 * The ship sprite from the assets: a grey hull multiplied by each player's colour (made once per
 * colour, then cached) with the white accent layer drawn over it. Both point right (+x).
 */
final class ShipSprites {
    private final Image hull;
    private final Image accent;
    private final Map<Color, Image> tinted = new HashMap<>();

    ShipSprites() {
        hull = new Image(Assets.url(Assets.Sprites.SHIP_HULL).toExternalForm());
        accent = new Image(Assets.url(Assets.Sprites.SHIP_ACCENT).toExternalForm());
    }

    Image accent() {
        return accent;
    }

    /** The hull in {@code color}: every pixel's RGB multiplied by it, alpha kept. */
    Image hull(Color color) {
        return tinted.computeIfAbsent(color, this::tint);
    }

    private Image tint(Color color) {
        int w = (int) hull.getWidth();
        int h = (int) hull.getHeight();
        WritableImage out = new WritableImage(w, h);
        PixelReader in = hull.getPixelReader();
        PixelWriter px = out.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Color c = in.getColor(x, y);
                px.setColor(x, y, new Color(c.getRed() * color.getRed(), c.getGreen() * color.getGreen(),
                        c.getBlue() * color.getBlue(), c.getOpacity()));
            }
        }
        return out;
    }
}
