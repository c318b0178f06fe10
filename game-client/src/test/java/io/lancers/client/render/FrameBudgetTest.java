package io.lancers.client.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget on a stepped clock: frames are reported at chosen instants, nothing waits. */
class FrameBudgetTest {
    private long now = 5_000_000_000L;

    /** {@code seconds} seconds of frames {@code intervalMs} apart, with a long frame every 20 frames. */
    private void run(FrameBudget budget, double seconds, double intervalMs, double spikeMs) {
        long interval = (long) (intervalMs * 1e6);
        long end = now + (long) (seconds * 1e9);
        int n = 0;
        while (now < end) {
            now += n++ % 20 == 19 && spikeMs > 0 ? (long) (spikeMs * 1e6) : interval;
            budget.frame(now);
        }
    }

    @Test
    void reportsFramesPerSecondAndTheP99OfTheLastSecond() {
        FrameBudget budget = new FrameBudget(true);
        budget.frame(now);
        assertEquals(0, budget.fps());
        run(budget, 1.01, 10, 0);
        assertEquals(100, budget.fps(), 1.5);
        assertEquals(10, budget.p99Millis(), 1e-9);
    }

    @Test
    void effectsGoLowAfterThreeSlowSecondsInARowAndStayLow() {
        FrameBudget budget = new FrameBudget(true);
        budget.frame(now);
        run(budget, 2.5, 16.7, 30); // two slow seconds: not yet
        assertFalse(budget.lowEffects());
        assertTrue(budget.p99Millis() >= 30);
        run(budget, 1, 16.7, 30);
        assertTrue(budget.lowEffects(), "three seconds with a p99 of 30 ms");
        run(budget, 5, 16.7, 0); // fast again: stays low for the match
        assertTrue(budget.lowEffects());
    }

    @Test
    void aFastSecondInBetweenStartsTheCountAgain() {
        FrameBudget budget = new FrameBudget(true);
        budget.frame(now);
        run(budget, 2.01, 16.7, 30);
        run(budget, 1.01, 16.7, 0);
        run(budget, 2.01, 16.7, 30);
        assertFalse(budget.lowEffects());
        run(budget, 1.01, 16.7, 30);
        assertTrue(budget.lowEffects());
    }

    @Test
    void withoutTheSettingEffectsStayFullAndTurningItOffRestoresThem() {
        FrameBudget off = new FrameBudget(false);
        off.frame(now);
        run(off, 6, 40, 0);
        assertFalse(off.lowEffects());
        assertEquals(25, off.fps(), 1);

        FrameBudget on = new FrameBudget(true);
        on.frame(now);
        run(on, 4.1, 40, 0);
        assertTrue(on.lowEffects());
        on.setAuto(false);
        assertFalse(on.lowEffects());
    }
}
