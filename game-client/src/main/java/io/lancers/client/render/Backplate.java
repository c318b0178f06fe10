package io.lancers.client.render;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A HUD box's translucent rounded background, drawn by the painter into the arena's frame under the box
 * instead of by Prism over the arena. Prism's software pipeline blends every translucent pixel of a box with
 * the arena on every frame (the scoreboard's 230 000 pixels at 91 %: 0.4-0.5 ms of its render thread a
 * frame, BENCHMARKS §7); the painter blends them in a loop the JIT vectorizes.
 *
 * <p>Made from JavaFX's own picture of the background on a square just large enough for its four corners
 * ({@link #of}). A box at whole pixels is those corners and the one colour between them, which is what
 * Prism draws for it, so any size looks as the background drawn by Prism does. The square is painted at
 * scale 1: on a HiDPI screen the arena's frame, and so the background in it, is scaled up with the arena.
 */
public final class Backplate {
    private final Pixels topLeft;
    private final Pixels topRight;
    private final Pixels bottomLeft;
    private final Pixels bottomRight;
    /** A corner's side, pixels. */
    private final int corner;
    /** The colour between the corners, premultiplied. */
    private final int fill;

    private Backplate(Pixels square) {
        corner = square.width() / 2;
        topLeft = square.crop(new Pixels.Box(0, 0, corner, corner));
        topRight = square.crop(new Pixels.Box(corner, 0, corner, corner));
        bottomLeft = square.crop(new Pixels.Box(0, corner, corner, corner));
        bottomRight = square.crop(new Pixels.Box(corner, corner, corner, corner));
        fill = square.argb()[corner * square.width() + corner];
    }

    /**
     * {@code background} (a region's, as CSS made it: fills with rounded corners of at most half a box's side) as
     * JavaFX paints it; on the JavaFX thread.
     */
    public static Backplate of(Background background) {
        double radius = 0;
        for (BackgroundFill f : background.getFills()) {
            CornerRadii r = f.getRadii();
            for (double v : new double[] {r.getTopLeftHorizontalRadius(), r.getTopLeftVerticalRadius(),
                    r.getTopRightHorizontalRadius(), r.getTopRightVerticalRadius(), r.getBottomLeftHorizontalRadius(),
                    r.getBottomLeftVerticalRadius(), r.getBottomRightHorizontalRadius(), r.getBottomRightVerticalRadius()}) {
                radius = Math.max(radius, v);
            }
        }
        // The square just large enough for the corners, with a whole pixel of the plain colour inside them.
        int side = 2 * ((int) Math.ceil(radius) + 1);
        Region square = new Region();
        square.backgroundProperty().bind(new SimpleObjectProperty<>(background));
        square.setMinSize(side, side);
        square.setPrefSize(side, side);
        square.setMaxSize(side, side);
        square.resize(side, side);
        SnapshotParameters clear = new SnapshotParameters();
        clear.setFill(Color.TRANSPARENT);
        return of(square.snapshot(clear, null));
    }

    /** From {@code square}: a background as JavaFX paints it on a square of an even side, its corners in its quarters. */
    static Backplate of(Image square) {
        Pixels pixels = Pixels.of(square);
        if (pixels.width() != pixels.height() || pixels.width() % 2 != 0 || pixels.width() < 2) {
            throw new IllegalArgumentException("not a square of an even side: " + pixels.width() + "x" + pixels.height());
        }
        return new Backplate(pixels);
    }

    /** Whether a box of this size has room for the four corners. */
    public boolean fits(int width, int height) {
        return width >= 2 * corner && height >= 2 * corner;
    }

    /** This background under a box at {@code (x, y)}, {@code width} by {@code height}, in the arena's pixels. */
    public Placed at(int x, int y, int width, int height) {
        if (!fits(width, height)) {
            throw new IllegalArgumentException(width + "x" + height + " has no room for corners of " + corner);
        }
        return new Placed(this, x, y, width, height);
    }

    /** A background and where it goes; equal when it is the same background at the same place. */
    public record Placed(Backplate plate, int x, int y, int width, int height) {

        /** Whether it lies under all of the box at {@code (x, y)}, {@code width} by {@code height}. */
        public boolean covers(double x, double y, double width, double height) {
            return x >= this.x && y >= this.y && x + width <= this.x + this.width && y + height <= this.y + this.height;
        }

        void draw(FrameBuffer frame) {
            Backplate p = plate;
            int c = p.corner;
            int right = x + width - c;
            int bottom = y + height - c;
            frame.blend(p.topLeft, x, y, 255);
            frame.blend(p.topRight, right, y, 255);
            frame.blend(p.bottomLeft, x, bottom, 255);
            frame.blend(p.bottomRight, right, bottom, 255);
            frame.overRect(x + c, y, right, y + c, p.fill);
            frame.overRect(x, y + c, x + width, bottom, p.fill);
            frame.overRect(x + c, bottom, right, y + height, p.fill);
        }
    }
}
