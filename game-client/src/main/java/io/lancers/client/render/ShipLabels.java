package io.lancers.client.render;

import io.lancers.client.render.SceneView.PlayerLook;
import io.lancers.sim.Rules;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The name over each ship and the health bar under it, painted once into images and blended at
 * whole pixels. Drawn on every frame they were two text draws (a text layout and a glyph run each)
 * and two rounded rectangles (a path each) per ship. A name is painted when a player first shows
 * up; the bar at every health from 0 to {@link Rules#MAX_HEALTH} at once, when the zoom changes.
 */
final class ShipLabels {
    private static final Color NAME_SHADOW = Color.web("#000000", 0.6);
    private static final Color BAR_BACK = Color.web("#000000", 0.55);
    /** Room around a painted name: the shadow is 1 px down and right, glyphs may overhang a little. */
    static final int PAD = 2;

    private final Map<PlayerLook, Pixels> names = new HashMap<>();
    private final Map<PlayerLook, Pixels> ownNames = new HashMap<>();
    private double scale = Double.NaN;
    private Font font;
    private Pixels[] bars;
    private double barWidth;
    private double barHeight;

    /** Paints the bars for this zoom and forgets the names painted at another. */
    void zoom(double pixelsPerUnit, double shipRadius) {
        if (pixelsPerUnit == scale) {
            return;
        }
        scale = pixelsPerUnit;
        font = Font.font("System", FontWeight.BOLD, Math.max(11, 13 * Math.min(1.3, pixelsPerUnit)));
        names.clear();
        ownNames.clear();
        barWidth = shipRadius * 2.4;
        barHeight = Math.max(3, 4 * pixelsPerUnit);
        int[] widths = new int[Rules.MAX_HEALTH + 1];
        int[] heights = new int[widths.length];
        Arrays.fill(widths, (int) Math.ceil(barWidth) + 4);
        Arrays.fill(heights, (int) Math.ceil(barHeight) + 4);
        bars = Sprites.sheet(widths, heights, (g, health) -> paintBar(g, 2, 2, health));
    }

    /**
     * The name centred on {@code x} with its bottom at {@code bottom}, in the player's colour made
     * lighter, or white for the own ship, over a shadow.
     */
    void drawName(FrameBuffer frame, PlayerLook look, boolean own, double x, double bottom) {
        Pixels image = nameImage(look, own);
        frame.blend(image, (int) Math.round(x - image.width() / 2.0),
                (int) Math.round(bottom - (image.height() - PAD)), 255);
    }

    /** The painted name (made on first use). */
    Pixels nameImage(PlayerLook look, boolean own) {
        return (own ? ownNames : names).computeIfAbsent(look, l -> paintName(l, own));
    }

    /** The health bar centred on {@code centreX} with its top at {@code top}; {@code health} clamped to the bar. */
    void drawBar(FrameBuffer frame, int health, double centreX, double top) {
        Pixels image = bars[Math.max(0, Math.min(Rules.MAX_HEALTH, health))];
        frame.blend(image, (int) Math.round(centreX - barWidth / 2) - 2, (int) Math.round(top) - 2, 255);
    }

    private Pixels paintName(PlayerLook look, boolean own) {
        Text measure = new Text(look.name());
        measure.setFont(font);
        double w = measure.getLayoutBounds().getWidth();
        double h = measure.getLayoutBounds().getHeight();
        int width = (int) Math.ceil(w) + 2 * PAD + 2;
        int height = (int) Math.ceil(h) + 2 * PAD;
        Color fill = own ? Color.WHITE : look.color().interpolate(Color.WHITE, 0.35);
        return Sprites.sheet(new int[] {width}, new int[] {height},
                (g, i) -> paintName(g, look.name(), font, fill, width / 2.0, height - PAD))[0];
    }

    /** What {@link #drawName} copies: the name over its shadow, centred on {@code x}, bottom at {@code bottom}. */
    static void paintName(GraphicsContext g, String name, Font font, Color fill, double x, double bottom) {
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(NAME_SHADOW);
        g.fillText(name, x + 1, bottom + 1);
        g.setFill(fill);
        g.fillText(name, x, bottom);
    }

    /** What {@link #drawBar} copies: the bar's dark back and its fill, in red through green, at {@code (x, y)}. */
    void paintBar(GraphicsContext g, double x, double y, int health) {
        double frac = Math.max(0, Math.min(1, health / (double) Rules.MAX_HEALTH));
        g.setFill(BAR_BACK);
        g.fillRoundRect(x - 1, y - 1, barWidth + 2, barHeight + 2, barHeight, barHeight);
        g.setFill(Palette.HEALTH_LOW.interpolate(Palette.HEALTH, frac));
        g.fillRoundRect(x, y, barWidth * frac, barHeight, barHeight, barHeight);
    }

    /** The names' font at the current zoom. */
    Font font() {
        return font;
    }
}
