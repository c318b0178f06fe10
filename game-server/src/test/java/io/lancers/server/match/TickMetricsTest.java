package io.lancers.server.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TickMetricsTest {

    @Test
    void percentilesAreNearestRankOverTheRecordedTicks() {
        TickMetrics metrics = new TickMetrics(10);
        assertEquals(0, metrics.tickMillis(50));
        for (int i = 1; i <= 100; i++) {
            metrics.record(i * 1_000_000L, 0);
        }
        assertEquals(50, metrics.tickMillis(50));
        assertEquals(99, metrics.tickMillis(99));
    }

    @Test
    void percentilesForgetTicksOlderThanTheWindow() {
        TickMetrics metrics = new TickMetrics(10);
        metrics.record(1_000_000_000L, 0);
        for (int i = 0; i < TickMetrics.WINDOW; i++) {
            metrics.record(2_000_000L, 0);
        }
        assertEquals(2, metrics.tickMillis(99));
    }

    @Test
    void bytesPerSecondSumsTheLastTickRateTicks() {
        TickMetrics metrics = new TickMetrics(4);
        metrics.record(0, 100);
        metrics.record(0, 10);
        metrics.record(0, 10);
        metrics.record(0, 10);
        assertEquals(130, metrics.bytesPerSecond());
        metrics.record(0, 20); // the 100 falls out of the one-second window
        assertEquals(50, metrics.bytesPerSecond());
    }
}
