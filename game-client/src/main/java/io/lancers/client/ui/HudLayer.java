package io.lancers.client.ui;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The HUD's boxes over the arena, in the places a {@code BorderPane} of two {@code BorderPane} rows gave them: the
 * status box, the timer and the kill feed along the top (left, centred between the two, right), the centre banner
 * between the rows, the chat and the net stats along the bottom (left, right); the top row as tall as its tallest
 * box, the bottom row likewise.
 *
 * <p>Why not the {@code BorderPane}s: a kill changes the status box's "(N alive)" and the kill feed, so each kill laid
 * out the whole layer, and a {@code BorderPane} asks its boxes for their preferred sizes at a given width or height,
 * which JavaFX does not cache: boxes a kill had not changed measured their text again. Here each box is asked for
 * its preferred size alone, cached until its content changes (a kill's layout pass 0.77 → 0.68 ms of the FX thread,
 * BENCHMARKS §7 step 8). The places are the same to the pixel ({@code HudLayerTest}).
 */
final class HudLayer extends Region {
    private final Node status;
    private final Node timer;
    private final Node feed;
    private final Node banner;
    private final Node chat;
    private final Node net;

    HudLayer(Node status, Node timer, Node feed, Node banner, Node chat, Node net) {
        this.status = status;
        this.timer = timer;
        this.feed = feed;
        this.banner = banner;
        this.chat = chat;
        this.net = net;
        getChildren().addAll(status, timer, feed, banner, chat, net);
        setPickOnBounds(false);
        setPadding(new Insets(14));
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double statusWidth = prefWidth(status);
        double feedWidth = prefWidth(feed);
        double chatWidth = prefWidth(chat);
        double netWidth = prefWidth(net);
        double topHeight = snapSizeY(Math.max(prefHeight(status), Math.max(prefHeight(timer), prefHeight(feed))));
        double bottomHeight = snapSizeY(Math.max(prefHeight(chat), prefHeight(net)));
        // A window smaller than the boxes need: laid out at that minimum, past the window's right and bottom edges,
        // as the BorderPanes were.
        double minWidth = Math.max(statusWidth + minWidth(timer) + feedWidth, Math.max(chatWidth + netWidth, minWidth(banner)));
        double width = Math.max(getWidth() - x - snappedRightInset(), minWidth);
        double height = Math.max(getHeight() - y - snappedBottomInset(), topHeight + minHeight(banner) + bottomHeight);
        topHeight = Math.min(topHeight, height);
        bottomHeight = Math.min(bottomHeight, height - topHeight);
        double bottomY = y + height - bottomHeight;

        layoutInArea(status, x, y, statusWidth, topHeight, 0, HPos.LEFT, VPos.TOP);
        layoutInArea(feed, x + width - feedWidth, y, feedWidth, topHeight, 0, HPos.RIGHT, VPos.TOP);
        layoutInArea(timer, x + statusWidth, y, width - statusWidth - feedWidth, topHeight, 0, HPos.CENTER, VPos.TOP);
        layoutInArea(banner, x, y + topHeight, width, height - topHeight - bottomHeight, 0, HPos.CENTER, VPos.CENTER);
        layoutInArea(chat, x, bottomY, chatWidth, bottomHeight, 0, HPos.LEFT, VPos.BOTTOM);
        layoutInArea(net, x + width - netWidth, bottomY, netWidth, bottomHeight, 0, HPos.RIGHT, VPos.BOTTOM);
    }

    private double minWidth(Node box) {
        return box.isManaged() ? snapSizeX(box.minWidth(-1)) : 0;
    }

    private double minHeight(Node box) {
        return box.isManaged() ? snapSizeY(box.minHeight(-1)) : 0;
    }

    /** A managed box's preferred height, 0 for one left out of layout (as {@code BorderPane} does). */
    private double prefHeight(Node box) {
        return box.isManaged() ? box.prefHeight(-1) : 0;
    }

    private double prefWidth(Node box) {
        return box.isManaged() ? snapSizeX(box.prefWidth(-1)) : 0;
    }
}
