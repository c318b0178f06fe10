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
    void startLatenessHasNearestRankPercentilesAndTheMaxOverTheWindow() {
        TickMetrics metrics = new TickMetrics(10);
        assertEquals(0, metrics.startLateMillis(99));
        assertEquals(0, metrics.maxStartLateMillis());
        metrics.recordStartLateness(40_000_000L); // falls out of the window below
        for (int i = 1; i <= TickMetrics.WINDOW; i++) {
            metrics.recordStartLateness(i * 10_000L);
        }
        assertEquals(1.28, metrics.startLateMillis(50), 1e-9);
        assertEquals(2.54, metrics.startLateMillis(99), 1e-9);
        assertEquals(2.56, metrics.maxStartLateMillis(), 1e-9);
        metrics.recordStartLateness(7_000_000L);
        assertEquals(7, metrics.maxStartLateMillis(), 1e-9);
    }

    @Test
    void startLatenessAndTickDurationsAreKeptApart() {
        TickMetrics metrics = new TickMetrics(10);
        metrics.record(3_000_000L, 0);
        metrics.recordStartLateness(5_000_000L);
        assertEquals(3, metrics.tickMillis(99));
        assertEquals(5, metrics.startLateMillis(99));
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
