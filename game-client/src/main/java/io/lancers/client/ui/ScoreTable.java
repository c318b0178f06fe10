package io.lancers.client.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scoreboard's cells in five fixed columns, each as wide as its widest cell, the first left-aligned and the
 * others right-aligned, each row as high as its highest cell: the places a {@code GridPane} with those column
 * constraints gives them (and the same pixels, {@code ScoreTableTest}), without its general metrics.
 *
 * <p>A kill changes two numbers and reorders lines; a {@code GridPane} then worked out every cell's minimum,
 * preferred and maximum sizes, spans, baselines and grow priorities again, most of what a kill cost the FX
 * thread (and the largest code the JIT compiled for it). Here a layout reads the cells' preferred sizes, which
 * a label keeps until its text changes, and places them.
 */
final class ScoreTable extends Region {
    static final int COLUMNS = 5;
    /** The columns' gap and the rows' (the table's former {@code -fx-hgap} and {@code -fx-vgap}). */
    private static final double HGAP = 28;
    private static final double VGAP = 6;

    /** The lines shown, top to bottom, the heads first. */
    private final List<Label[]> lines = new ArrayList<>();
    private final double[] widths = new double[COLUMNS];
    private double[] heights = new double[0];
    /** Whether {@link #widths} and {@link #heights} are those of the cells as they are. */
    private boolean measured;

    ScoreTable(Label[] heads) {
        getStyleClass().add("score-table");
        lines.add(heads);
        getChildren().addAll(heads);
    }

    /** A new line of cells, shown last until {@link #order} places it. */
    void add(Label[] line) {
        lines.add(line);
        getChildren().addAll(line);
    }

    void remove(Label[] line) {
        lines.remove(line);
        getChildren().removeAll(line);
    }

    /** Shows the lines (those added and not removed) under the heads in this order. */
    void order(List<Label[]> shown) {
        List<Label[]> below = lines.subList(1, lines.size());
        if (!below.equals(shown)) {
            below.clear();
            below.addAll(shown);
            requestLayout();
        }
    }

    /** The lines' first cells, top to bottom, the heads' first (tests). */
    List<Label> firstColumn() {
        return lines.stream().map(line -> line[0]).toList();
    }

    /** A child's text changed, or a line was added, removed or moved: the sizes are worked out again. */
    @Override
    public void requestLayout() {
        measured = false;
        super.requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        measure();
        double width = snappedLeftInset() + snappedRightInset() + snapSpaceX(HGAP) * (COLUMNS - 1);
        for (double column : widths) {
            width += column;
        }
        return width;
    }

    @Override
    protected double computePrefHeight(double width) {
        measure();
        double height = snappedTopInset() + snappedBottomInset() + snapSpaceY(VGAP) * (lines.size() - 1);
        for (int r = 0; r < lines.size(); r++) {
            height += heights[r];
        }
        return height;
    }

    /**
     * Each cell at its preferred size (a label's maximum), in its column's area by the column's alignment and
     * centred in its row's height: what {@code layoutInArea} gives a label, without asking it for its minimum and
     * maximum sizes, which a label with a new text works out anew.
     */
    @Override
    protected void layoutChildren() {
        measure();
        double hgap = snapSpaceX(HGAP);
        double vgap = snapSpaceY(VGAP);
        double y = snappedTopInset();
        for (int r = 0; r < lines.size(); r++) {
            Label[] line = lines.get(r);
            double x = snappedLeftInset();
            for (int c = 0; c < COLUMNS; c++) {
                Label cell = line[c];
                double w = snapSizeX(cell.prefWidth(-1));
                double h = snapSizeY(cell.prefHeight(-1));
                // The names left-aligned, the other columns right-aligned.
                double left = c == 0 ? x : x + widths[c] - w;
                cell.resizeRelocate(snapPositionX(left), snapPositionY(y + (heights[r] - h) / 2), w, h);
                x += widths[c] + hgap;
            }
            y += heights[r] + vgap;
        }
    }

    /** The columns' widths and the lines' heights, from the cells' preferred sizes, unless known since the last change. */
    private void measure() {
        if (measured) {
            return;
        }
        Arrays.fill(widths, 0);
        if (heights.length < lines.size()) {
            heights = new double[lines.size() * 2];
        }
        for (int r = 0; r < lines.size(); r++) {
            Label[] line = lines.get(r);
            heights[r] = 0;
            for (int c = 0; c < COLUMNS; c++) {
                widths[c] = Math.max(widths[c], snapSizeX(line[c].prefWidth(-1)));
                heights[r] = Math.max(heights[r], snapSizeY(line[c].prefHeight(-1)));
            }
        }
        measured = true;
    }
}
