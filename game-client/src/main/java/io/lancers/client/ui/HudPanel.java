package io.lancers.client.ui;

import io.lancers.client.render.Backplate;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A cached box over the arena whose background is cached apart inside it, and whose translucent fill the
 * arena painter can draw instead, under it: for a large box whose text changes often (the scoreboard, on
 * every kill).
 *
 * <p>A cached box is painted again whenever any of its text changes, and on the software pipeline most of
 * that repaint is its rounded background, an anti-aliased shape the size of the box, filled
 * again each time; with the background's own image, a repaint copies that image and draws the text
 * (for the scoreboard 2.2 → 1.4 ms of the render thread per change, and nothing more per frame). Drawing
 * the text directly over a cached background, with no cache for the whole, made a change nearly free
 * but cost 0.2-0.5 ms on every frame (BENCHMARKS §7).
 *
 * <p>The fill ({@code plateClass}) is a region of its own, the plate, under the border and insets
 * ({@code styleClasses}). The box's own fill and border are bound empty (CSS leaves a bound property alone).
 * While the arena under the box has the fill drawn in ({@link #backplate}), the plate is hidden
 * ({@link #showOwnPlate}): Prism then composites no translucent fill over the arena on every frame.
 */
final class HudPanel extends StackPane {
    private final Region plate = new Region();
    private final Region back = new Region();
    private Backplate backplate;

    HudPanel(Node content, String plateClass, String... styleClasses) {
        getStyleClass().addAll(styleClasses);
        Overlays.noBackground(this);
        borderProperty().bind(new SimpleObjectProperty<Border>(null));
        // Its content keeps the place the classes give it: inside their padding and border.
        paddingProperty().bind(back.insetsProperty());
        plate.getStyleClass().add(plateClass);
        back.getStyleClass().addAll(styleClasses);
        for (Region r : new Region[] {plate, back}) {
            r.setManaged(false);
            r.setCache(true);
        }
        getChildren().addAll(plate, back, content);
        setCache(true);
        MatchHud.hugContent(this);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        plate.resizeRelocate(0, 0, getWidth(), getHeight());
        back.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** Shows the panel's own fill (true until told otherwise), or leaves it to the arena under it. */
    void showOwnPlate(boolean shown) {
        if (plate.isVisible() != shown) {
            plate.setVisible(shown);
        }
    }

    boolean ownPlateShown() {
        return plate.isVisible();
    }

    /**
     * The fill for the painter, under the panel laid out at {@code (x, y)} in the arena's pixels; null before
     * CSS gave it a fill, or if the panel is too small for its corners or not at whole pixels.
     */
    Backplate.Placed backplate(double x, double y) {
        Backplate made = backplate();
        int w = (int) getWidth();
        int h = (int) getHeight();
        boolean whole = x == Math.rint(x) && y == Math.rint(y) && w == getWidth() && h == getHeight();
        return made == null || !whole || !made.fits(w, h) ? null : made.at((int) x, (int) y, w, h);
    }

    /** Whether {@code plate}, laid under the panel at {@code (x, y)}, lies under all of its content. */
    boolean contentOn(Backplate.Placed plate, double x, double y) {
        Insets in = getPadding();
        return plate.covers(x + in.getLeft(), y + in.getTop(), getWidth() - in.getLeft() - in.getRight(),
                getHeight() - in.getTop() - in.getBottom());
    }

    /** The plate's fill as JavaFX paints it, made once CSS has given it one. */
    private Backplate backplate() {
        Background fill = plate.getBackground();
        if (backplate == null && fill != null && !fill.getFills().isEmpty()) {
            backplate = Backplate.of(fill);
        }
        return backplate;
    }
}
