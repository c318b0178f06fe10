package io.lancers.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart written as SVG: a few series over a shared numeric x axis, linear or
 * logarithmic y. Enough for the charts in BENCHMARKS.md; no dependency to keep up.
 */
public final class SvgChart {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

    /** One line: points {@code (xs[i], ys[i])}, drawn with markers when {@code markers}. */
    public record Series(String name, double[] xs, double[] ys, boolean markers) {
        public Series {
            if (xs.length != ys.length || xs.length == 0) {
                throw new IllegalArgumentException(name + ": need as many x as y values, and some");
            }
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();

    public SvgChart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    public SvgChart add(Series line) {
        series.add(line);
        return this;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    public String render() {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMin = Double.MAX_VALUE;
        double yMax = -Double.MAX_VALUE;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                xMin = Math.min(xMin, s.xs()[i]);
                xMax = Math.max(xMax, s.xs()[i]);
                yMin = Math.min(yMin, s.ys()[i]);
                yMax = Math.max(yMax, s.ys()[i]);
            }
        }
        if (logY) {
            yMin = Math.pow(10, Math.floor(Math.log10(Math.max(yMin, 1e-9))));
            yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(yMax, yMin * 10))));
        } else {
            yMin = 0;
            yMax = niceCeiling(yMax);
        }
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        Frame f = new Frame(xMin, xMax, yMin, yMax);
        StringBuilder svg = new StringBuilder();
        svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append(fmt("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(fmt("<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        axes(svg, f);
        for (int i = 0; i < series.size(); i++) {
            line(svg, f, series.get(i), COLORS[i % COLORS.length], i);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void axes(StringBuilder svg, Frame f) {
        int plotRight = WIDTH - RIGHT;
        int plotBottom = HEIGHT - BOTTOM;
        svg.append(fmt("<path d=\"M%d %d V%d H%d\" stroke=\"black\" fill=\"none\"/>%n", LEFT, TOP, plotBottom,
                plotRight));
        List<Double> yTicks = new ArrayList<>();
        if (logY) {
            for (double v = f.yMin; v <= f.yMax * 1.0001; v *= 10) {
                yTicks.add(v);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                yTicks.add(f.yMin + (f.yMax - f.yMin) * i / 5);
            }
        }
        for (double v : yTicks) {
            double y = f.y(v);
            svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, plotRight, y));
            svg.append(fmt("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4, number(v)));
        }
        for (double v : xTicks(f)) {
            double x = f.x(v);
            svg.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, plotBottom + 18, number(v)));
        }
        svg.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", (LEFT + plotRight) / 2,
                HEIGHT - 12, escape(xLabel)));
        svg.append(fmt("<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + plotBottom) / 2, escape(yLabel + (logY ? " (log)" : ""))));
    }

    /** At the data points when the first series is a few marked points (players, N); else six even steps. */
    private List<Double> xTicks(Frame f) {
        List<Double> ticks = new ArrayList<>();
        Series first = series.isEmpty() ? null : series.get(0);
        if (first != null && first.markers() && first.xs().length <= 10) {
            for (double x : first.xs()) {
                ticks.add(x);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                ticks.add(f.xMin + (f.xMax - f.xMin) * i / 5);
            }
        }
        return ticks;
    }

    private void line(StringBuilder svg, Frame f, Series s, String color, int index) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < s.xs().length; i++) {
            points.append(fmt("%.1f,%.1f ", f.x(s.xs()[i]), f.y(s.ys()[i])));
        }
        svg.append(fmt("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                points.toString().trim(), color));
        if (s.markers()) {
            for (int i = 0; i < s.xs().length; i++) {
                svg.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", f.x(s.xs()[i]),
                        f.y(s.ys()[i]), color));
            }
        }
        int legendY = TOP + 10 + index * 20;
        int legendX = WIDTH - RIGHT + 12;
        svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                legendX, legendY, legendX + 18, legendY, color));
        svg.append(fmt("<text x=\"%d\" y=\"%d\">%s</text>%n", legendX + 24, legendY + 4, escape(s.name())));
    }

    /** Maps data to pixels. */
    private final class Frame {
        final double xMin;
        final double xMax;
        final double yMin;
        final double yMax;

        Frame(double xMin, double xMax, double yMin, double yMax) {
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
        }

        double x(double v) {
            return LEFT + (v - xMin) / (xMax - xMin) * (WIDTH - RIGHT - LEFT);
        }

        double y(double v) {
            double share = logY
                    ? (Math.log10(Math.max(v, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))
                    : (v - yMin) / (yMax - yMin);
            return HEIGHT - BOTTOM - share * (HEIGHT - BOTTOM - TOP);
        }
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.valueOf((long) v) : fmt("%.2f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
