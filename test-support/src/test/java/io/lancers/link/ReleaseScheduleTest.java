package io.lancers.link;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule with arrivals as plain numbers: no clock, no sockets. */
class ReleaseScheduleTest {
    private static final long MS = 1_000_000L;

    @Test
    void aFixedDelayShiftsEveryChunkByIt() {
        ReleaseSchedule schedule = new ReleaseSchedule(LinkProfile.delay(75), 1);
        assertEquals(75 * MS, schedule.release(0));
        assertEquals(1_075 * MS, schedule.release(1_000 * MS));
    }

    @Test
    void jitterStaysWithinItsBoundAndNeverReorders() {
        ReleaseSchedule schedule = new ReleaseSchedule(new LinkProfile(50, 40, 0), 7);
        long previous = Long.MIN_VALUE;
        boolean heldBack = false;
        for (int i = 0; i < 10_000; i++) {
            long arrival = i * MS; // one chunk a millisecond: jitter of 40 ms would reorder them if allowed
            long release = schedule.release(arrival);
            assertTrue(release >= previous, "chunk " + i + " released before the one ahead of it");
            assertTrue(release >= arrival + 50 * MS, "never earlier than the fixed delay");
            assertTrue(release <= Math.max(previous, arrival + 90 * MS), "never later than delay + jitter, unless held");
            heldBack |= release == previous;
            previous = release;
        }
        assertTrue(heldBack, "with chunks closer than the jitter some wait for the one ahead");
    }

    @Test
    void theSameSeedGivesTheSameReleasesAndDrops() {
        assertEquals(run(42), run(42));
        assertNotEquals(run(42), run(43));
    }

    @Test
    void dropsHappenAtAboutTheirChanceAndNeverWithoutOne() {
        ReleaseSchedule lossy = new ReleaseSchedule(new LinkProfile(0, 0, 0.25), 3);
        ReleaseSchedule clean = new ReleaseSchedule(LinkProfile.CLEAN, 3);
        int drops = 0;
        for (int i = 0; i < 4_000; i++) {
            drops += lossy.drops() ? 1 : 0;
            assertFalse(clean.drops());
        }
        assertTrue(drops > 800 && drops < 1_200, "about a quarter of 4000, got " + drops);
    }

    private static List<Long> run(long seed) {
        ReleaseSchedule schedule = new ReleaseSchedule(new LinkProfile(10, 30, 0.1), seed);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            out.add(schedule.release(i * 5 * MS));
            out.add(schedule.drops() ? 1L : 0L);
        }
        return out;
    }
}
