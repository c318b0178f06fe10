package io.lancers.client.ui;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A cached box over the arena whose background (fill and border, from its style classes) is a cached
 * image of its own inside it: for a large box whose text changes often (the scoreboard, on every kill).
 *
 * <p>A cached box is painted again whenever any of its text changes, and on the software pipeline most of
 * that repaint is its rounded background, an anti-aliased shape the size of the box, filled
 * again each time; with the background's own image, a repaint copies that image and draws the text
 * (for the scoreboard 2.2 → 1.4 ms of the render thread per change, and nothing more per frame). Drawing
 * the text directly over a cached background, with no cache for the whole, made a change nearly free
 * but cost 0.2-0.5 ms on every frame (BENCHMARKS §7).
 *
 * <p>The box keeps the style classes' size and insets; its own fill and border are bound empty (CSS
 * leaves a bound property alone), and a region behind the content, with the same classes, paints them.
 */
final class HudPanel extends StackPane {
    private final Region back = new Region();

    HudPanel(Node content, String... styleClasses) {
        getStyleClass().addAll(styleClasses);
        Overlays.noBackground(this);
        borderProperty().bind(new SimpleObjectProperty<Border>(null));
        // Its content keeps the place the classes give it: inside their padding and border.
        paddingProperty().bind(back.insetsProperty());
        back.getStyleClass().addAll(styleClasses);
        back.setManaged(false);
        back.setCache(true);
        getChildren().addAll(back, content);
        setCache(true);
        MatchHud.hugContent(this);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        back.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}
