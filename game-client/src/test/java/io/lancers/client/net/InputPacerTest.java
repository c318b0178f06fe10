package io.lancers.client.net;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The input send rate on a stepped clock: one per tick period whatever the frame rate. */
class InputPacerTest {
    private static final long PERIOD = 1_000_000_000L / 60;

    @Test
    void fastFramesSendOncePerTickPeriod() {
        InputPacer pacer = new InputPacer(60);
        long start = 5_000_000_000L;
        int sent = 0;
        // 240 fps for one second: 60 inputs, not 240.
        for (int frame = 0; frame < 240; frame++) {
            sent += pacer.due(start + frame * (1_000_000_000L / 240));
        }
        assertEquals(60, sent);
    }

    @Test
    void slowFramesCatchUpTwoAtATime() {
        InputPacer pacer = new InputPacer(60);
        assertEquals(1, pacer.due(0));
        // 30 fps: every frame is two periods on, and sends two.
        assertEquals(2, pacer.due(2 * PERIOD));
        assertEquals(2, pacer.due(4 * PERIOD));
        // Three periods late: still two this frame, the third the next.
        assertEquals(2, pacer.due(7 * PERIOD));
        assertEquals(1, pacer.due(7 * PERIOD + 1));
    }

    @Test
    void aLongStallRestartsTheScheduleInsteadOfABurst() {
        InputPacer pacer = new InputPacer(60);
        assertEquals(1, pacer.due(0));
        assertEquals(1, pacer.due(100 * PERIOD));
        assertEquals(0, pacer.due(100 * PERIOD + PERIOD / 2));
        assertEquals(1, pacer.due(101 * PERIOD));
    }
}
