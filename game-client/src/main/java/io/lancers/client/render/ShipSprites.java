package io.lancers.client.render;

import io.lancers.assets.Assets;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.util.HashMap;
import java.util.Map;

/**
 * The ship sprite from the assets: a grey hull multiplied by each player's colour with the white
 * accent layer over it, made once per colour and cached as one image (one rotated image per ship and
 * frame instead of two). Both point right (+x).
 */
final class ShipSprites {
    private final Image hull;
    private final Image accent;
    private final Map<Color, Image> tinted = new HashMap<>();
    private final Map<Color, Image> lit = new HashMap<>();
    private final Map<Color, Turnable> shadowed = new HashMap<>();
    /** The clear border around {@link #shadowedShip}'s pixels, for turning it with filtering. */
    static final int BORDER = 1;

    ShipSprites() {
        hull = new Image(Assets.url(Assets.Sprites.SHIP_HULL).toExternalForm());
        accent = new Image(Assets.url(Assets.Sprites.SHIP_ACCENT).toExternalForm());
    }

    /** The hull in {@code color}, without lights (the drop shadow is the black one). */
    Image hull(Color color) {
        return tinted.computeIfAbsent(color, this::tint);
    }

    /** The hull in {@code color} with the accent layer drawn over it. */
    Image ship(Color color) {
        return lit.computeIfAbsent(color, c -> light(hull(c)));
    }

    /** An image to turn, and the point in it (its pixels) it turns about: the hull's centre. */
    record Turnable(Pixels pixels, double centreX, double centreY) {
    }

    /**
     * The lit hull over its drop shadow (the black hull at 45 %, {@code shadowOffset} of the sprite's
     * width down and right in the ship's own frame, so it turns with the ship): one rotated image per
     * ship and frame. The image is cut to what is not clear (a turned image visits every screen pixel over
     * it, clear or not: about 30 % fewer), inside a clear border of {@link #BORDER} pixels.
     */
    Turnable shadowedShip(Color color, double shadowOffset) {
        return shadowed.computeIfAbsent(color, c -> {
            Image ship = ship(c);
            double w = ship.getWidth();
            double h = ship.getHeight();
            double dx = shadowOffset * w;
            Canvas canvas = new Canvas(Math.ceil(w + dx), Math.ceil(h + dx));
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.setGlobalAlpha(0.45);
            g.drawImage(hull(Color.BLACK), dx, dx);
            g.setGlobalAlpha(1);
            g.drawImage(ship, 0, 0);
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            Pixels whole = Pixels.of(canvas.snapshot(params, null));
            Pixels.Box box = whole.opaqueBounds();
            return new Turnable(whole.crop(box).padded(BORDER), w / 2 - box.x() + BORDER, h / 2 - box.y() + BORDER);
        });
    }

    /** The width of the hull image, in its own pixels. */
    double hullWidth() {
        return hull.getWidth();
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

    /** The accent over the hull: "source over" per pixel, as drawing one on the other does. */
    private Image light(Image base) {
        int w = (int) base.getWidth();
        int h = (int) base.getHeight();
        WritableImage out = new WritableImage(w, h);
        PixelReader under = base.getPixelReader();
        PixelReader over = accent.getPixelReader();
        PixelWriter px = out.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Color b = under.getColor(x, y);
                Color a = x < accent.getWidth() && y < accent.getHeight() ? over.getColor(x, y) : Color.TRANSPARENT;
                double alpha = a.getOpacity() + b.getOpacity() * (1 - a.getOpacity());
                if (alpha == 0) {
                    continue;
                }
                double keep = b.getOpacity() * (1 - a.getOpacity());
                px.setColor(x, y, new Color(
                        (a.getRed() * a.getOpacity() + b.getRed() * keep) / alpha,
                        (a.getGreen() * a.getOpacity() + b.getGreen() * keep) / alpha,
                        (a.getBlue() * a.getOpacity() + b.getBlue() * keep) / alpha, alpha));
            }
        }
        return out;
    }
}
