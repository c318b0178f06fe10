package io.lancers.client.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The timer's text, built without a formatter on the frame loop. */
class MatchHudTest {
    @Test
    void theClockShowsMinutesAndTwoDigitSeconds() {
        for (int s : new int[] {0, 5, 59, 60, 65, 599, 600, 3599, 3600, 7325}) {
            assertEquals(String.format("%d:%02d", s / 60, s % 60), MatchHud.clock(s), s + " s");
        }
    }
}
