package io.lancers.client.playback;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The playhead against a stepped clock: nothing here sleeps or reads real time. */
class PlaybackClockTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void startsPausedAndPlaysAtTheTickRateTimesTheSpeed() {
        PlaybackClock clock = new PlaybackClock(60, 1000, 10_000, 0);
        assertEquals(1000, clock.tickAt(5 * SECOND), "paused until played");
        clock.play(5 * SECOND);
        assertEquals(1060, clock.tickAt(6 * SECOND), 1e-9);
        assertEquals(1030, clock.tickAt(5 * SECOND + SECOND / 2), 1e-9);
        clock.setSpeed(4, 6 * SECOND);
        assertEquals(1060 + 240, clock.tickAt(7 * SECOND), 1e-9, "4x from the instant of the change");
        clock.setSpeed(0.25, 7 * SECOND);
        assertEquals(1300 + 15, clock.tickAt(8 * SECOND), 1e-9);
        assertTrue(clock.playing(8 * SECOND));
    }

    @Test
    void speedIsClampedToAQuarterAndFourTimes() {
        PlaybackClock clock = new PlaybackClock(60, 0, 10_000, 0);
        clock.setSpeed(100, 0);
        assertEquals(PlaybackClock.MAX_SPEED, clock.speed());
        clock.setSpeed(0.01, 0);
        assertEquals(PlaybackClock.MIN_SPEED, clock.speed());
    }

    @Test
    void pauseHoldsThePlayheadAndPlayGoesOnFromThere() {
        PlaybackClock clock = new PlaybackClock(60, 0, 10_000, 0);
        clock.play(0);
        clock.pause(2 * SECOND);
        assertEquals(120, clock.tickAt(2 * SECOND), 1e-9);
        assertEquals(120, clock.tickAt(9 * SECOND), 1e-9, "time passing while paused moves nothing");
        assertFalse(clock.playing(9 * SECOND));
        clock.toggle(9 * SECOND);
        assertEquals(180, clock.tickAt(10 * SECOND), 1e-9);
    }

    @Test
    void seekMovesThePlayheadAndKeepsPlayingOrPausedAndClampsToTheRange() {
        PlaybackClock clock = new PlaybackClock(60, 100, 1000, 0);
        clock.seek(500, 0);
        assertEquals(500, clock.tickAt(SECOND), 1e-9, "still paused");
        clock.play(SECOND);
        clock.seek(200, 2 * SECOND);
        assertEquals(260, clock.tickAt(3 * SECOND), 1e-9, "still playing, from the new place");
        clock.seek(-50, 3 * SECOND);
        assertEquals(100, clock.tickAt(3 * SECOND), 1e-9);
        clock.seek(5000, 3 * SECOND);
        assertEquals(1000, clock.tickAt(3 * SECOND), 1e-9);
    }

    @Test
    void playbackStopsAtTheEndUntilMoreArrives() {
        PlaybackClock clock = new PlaybackClock(60, 0, 120, 0);
        clock.play(0);
        assertEquals(120, clock.tickAt(10 * SECOND), 1e-9);
        assertFalse(clock.playing(10 * SECOND), "at the end");
        clock.extendTo(300, 10 * SECOND);
        assertEquals(120, clock.tickAt(10 * SECOND), 1e-9, "more to play does not move the playhead");
        assertTrue(clock.playing(10 * SECOND));
        assertEquals(180, clock.tickAt(11 * SECOND), 1e-9, "and it plays on from where it stood");
    }
}
