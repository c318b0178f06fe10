package io.lancers.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartTest {

    @Test
    void drawsOneLineAndLegendEntryPerSeries() {
        String svg = new SvgChart("t <1>", "x", "y", true)
                .add(new SvgChart.Series("a", new double[] {1, 2, 3}, new double[] {10, 200, 3000}, true))
                .add(new SvgChart.Series("b", new double[] {1, 3}, new double[] {5, 50}, false))
                .render();
        assertTrue(svg.startsWith("<svg"), svg);
        assertEquals(2, svg.split("<polyline").length - 1);
        assertEquals(3, svg.split("<circle").length - 1);
        assertTrue(svg.contains("t &lt;1&gt;"));
        assertTrue(svg.contains(">10000<"), "log axis runs to the next power of ten: " + svg);
        assertTrue(svg.contains(">3</text>") && !svg.contains(">1.40<"), "x ticks sit at the marked points: " + svg);
    }

    @Test
    void niceCeilingIsOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(500, SvgChart.niceCeiling(420));
        assertEquals(2, SvgChart.niceCeiling(1.5));
        assertEquals(1000, SvgChart.niceCeiling(1000));
        assertThrows(IllegalArgumentException.class,
                () -> new SvgChart.Series("x", new double[] {1}, new double[] {}, false));
    }
}
