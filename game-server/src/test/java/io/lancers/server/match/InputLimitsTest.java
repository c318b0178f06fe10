package io.lancers.server.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How far back a shot may be rewound: the round-trip cap plus the interpolation allowance, in whole ticks. */
class InputLimitsTest {

    @Test
    void theDefaultCapCoversA150msRoundTripAndTheInterpolationDelayOnTop() {
        MatchSettings.InputLimits limits = new MatchSettings.InputLimits(4, 32, MatchSettings.DEFAULT_MAX_UNLAG_MILLIS);
        assertEquals(15, limits.rewindTicks(60), "(150 + 100) ms at 60 Hz");
        assertEquals(7, limits.rewindTicks(30), "250 ms at 30 Hz, rounded down");
    }

    @Test
    void noCapMeansNoRewindAtAll() {
        assertEquals(0, new MatchSettings.InputLimits(4, 32, 0).rewindTicks(60),
                "the allowance never turns compensation on by itself");
    }

    @Test
    void theLargestCapStaysBounded() {
        assertEquals(66, new MatchSettings.InputLimits(4, 32, MatchSettings.MAX_UNLAG_MILLIS).rewindTicks(60));
    }
}
