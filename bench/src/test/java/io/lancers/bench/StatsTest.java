package io.lancers.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void medianOfRunsTakesEachFigureApart() {
        Stats m = Stats.medianOf(List.of(new Stats(3, 1, 5, 10, 100, 1000), new Stats(3, 3, 1, 30, 50, 900),
                new Stats(3, 2, 3, 20, 70, 5000)));
        assertEquals(new Stats(3, 2, 3, 20, 70, 1000), m);
    }
}
