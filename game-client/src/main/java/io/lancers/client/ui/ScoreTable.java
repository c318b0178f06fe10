package io.lancers.client.ui;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import java.util.ArrayList;
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
    private static final HPos[] ALIGNMENT = {HPos.LEFT, HPos.RIGHT, HPos.RIGHT, HPos.RIGHT, HPos.RIGHT};

    /** The lines shown, top to bottom, the heads first. */
    private final List<Label[]> lines = new ArrayList<>();
    private final double[] widths = new double[COLUMNS];

    ScoreTable(Label[] heads) {
        getStyleClass().add("score-table");
        lines.add(heads);
        getChildren().addAll(heads);
    }

    /**
     * Shows these lines under the heads, in this order; a line not shown before is added, one no longer shown
     * removed. Lines that keep their place are not laid out again unless their text changed.
     */
    void show(List<Label[]> shown) {
        if (lines.subList(1, lines.size()).equals(shown)) {
            return;
        }
        for (Label[] line : lines.subList(1, lines.size())) {
            if (!shown.contains(line)) {
                getChildren().removeAll(line);
            }
        }
        for (Label[] line : shown) {
            if (!lines.contains(line)) {
                getChildren().addAll(line);
            }
        }
        lines.subList(1, lines.size()).clear();
        lines.addAll(shown);
        requestLayout();
    }

    /** The lines' first cells, top to bottom, the heads' first (tests). */
    List<Label> firstColumn() {
        return lines.stream().map(line -> line[0]).toList();
    }

    @Override
    protected double computePrefWidth(double height) {
        double width = snappedLeftInset() + snappedRightInset() + snapSpaceX(HGAP) * (COLUMNS - 1);
        for (int c = 0; c < COLUMNS; c++) {
            width += columnWidth(c);
        }
        return width;
    }

    @Override
    protected double computePrefHeight(double width) {
        double height = snappedTopInset() + snappedBottomInset() + snapSpaceY(VGAP) * (lines.size() - 1);
        for (Label[] line : lines) {
            height += rowHeight(line);
        }
        return height;
    }

    @Override
    protected void layoutChildren() {
        for (int c = 0; c < COLUMNS; c++) {
            widths[c] = columnWidth(c);
        }
        double hgap = snapSpaceX(HGAP);
        double vgap = snapSpaceY(VGAP);
        double y = snappedTopInset();
        for (Label[] line : lines) {
            double height = rowHeight(line);
            double x = snappedLeftInset();
            for (int c = 0; c < COLUMNS; c++) {
                layoutInArea(line[c], x, y, widths[c], height, 0, Insets.EMPTY, true, true, ALIGNMENT[c], VPos.CENTER);
                x += widths[c] + hgap;
            }
            y += height + vgap;
        }
    }

    private double columnWidth(int column) {
        double width = 0;
        for (Label[] line : lines) {
            width = Math.max(width, snapSizeX(line[column].prefWidth(-1)));
        }
        return width;
    }

    private double rowHeight(Label[] line) {
        double height = 0;
        for (Label cell : line) {
            height = Math.max(height, snapSizeY(cell.prefHeight(-1)));
        }
        return height;
    }
}
