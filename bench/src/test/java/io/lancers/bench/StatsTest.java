package io.lancers.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] values = new long[100];
        for (int i = 0; i < values.length; i++) {
            values[values.length - 1 - i] = i + 1;
        }
        Stats s = Stats.of(values);
        assertEquals(new Stats(100, 50.5, 1, 50, 99, 100), s);
    }

    /** Large values: the percentiles are within HdrHistogram's 3 significant digits, never below the sample's. */
    @Test
    void percentilesOfLargeValuesKeepThreeSignificantDigits() {
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 18_000_000L + 1_000L * i; // 18.000 … 18.999 ms in ns
        }
        Stats s = Stats.of(values);
        assertEquals(18_000_000L, s.min());
        assertEquals(18_999_000L, s.max());
        assertEquals(18_499_500.0, s.mean(), 1e-6);
        assertTrue(s.p50() >= 18_499_000L && s.p50() <= 18_499_000L * 1.001, "p50 " + s.p50());
        assertTrue(s.p99() >= 18_989_000L && s.p99() <= 18_989_000L * 1.001, "p99 " + s.p99());
    }

    @Test
    void medianOfRunsTakesEachFigureApart() {
        Stats m = Stats.medianOf(List.of(new Stats(3, 1, 5, 10, 100, 1000), new Stats(3, 3, 1, 30, 50, 900),
                new Stats(3, 2, 3, 20, 70, 5000)));
        assertEquals(new Stats(3, 2, 3, 20, 70, 1000), m);
    }
}
