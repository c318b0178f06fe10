package io.lancers.server.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TickSchedulerTest {
    private static final long MS = 1_000_000;

    /** A clock that only moves when someone sleeps or a tick "works". */
    private static final class FakeTime {
        long now = 1_000 * MS;
        final List<Long> tickStarts = new ArrayList<>();
        /** What the scheduler told each tick: how late it started. */
        final List<Long> startLate = new ArrayList<>();
    }

    private static TickScheduler scheduler(FakeTime time, int rate, java.util.function.LongConsumer sleeper) {
        return new TickScheduler("test", rate, 5, () -> time.now, sleeper);
    }

    /** Runs {@code count} ticks, each costing {@code costs[i]} nanoseconds. */
    private static void run(FakeTime time, TickScheduler scheduler, long... costs) {
        int[] index = {0};
        scheduler.run(lateNanos -> {
            time.tickStarts.add(time.now);
            time.startLate.add(lateNanos);
            time.now += costs[index[0]++];
        }, () -> index[0] < costs.length);
    }

    @Test
    void ticksStartOnAbsoluteDeadlinesWhateverTheyCost() {
        FakeTime time = new FakeTime();
        long base = time.now;
        run(time, scheduler(time, 100, nanos -> time.now += nanos), 3 * MS, 7 * MS, 1 * MS, 9 * MS);
        assertEquals(List.of(base, base + 10 * MS, base + 20 * MS, base + 30 * MS), time.tickStarts);
        assertEquals(List.of(0L, 0L, 0L, 0L), time.startLate);
    }

    @Test
    void sleepingPastTheDeadlineDoesNotShiftTheSchedule() {
        FakeTime time = new FakeTime();
        long base = time.now;
        // every sleep overshoots by 2 ms: a relative sleep would drift by 2 ms per tick
        run(time, scheduler(time, 100, nanos -> time.now += nanos + 2 * MS), 1 * MS, 1 * MS, 1 * MS, 1 * MS);
        assertEquals(List.of(base, base + 12 * MS, base + 22 * MS, base + 32 * MS), time.tickStarts);
        assertEquals(List.of(0L, 2 * MS, 2 * MS, 2 * MS), time.startLate);
    }

    @Test
    void wakingEarlySleepsAgainUntilTheDeadline() {
        FakeTime time = new FakeTime();
        long base = time.now;
        List<Long> sleeps = new ArrayList<>();
        run(time, scheduler(time, 100, nanos -> {
            sleeps.add(nanos);
            time.now += (nanos + 1) / 2;
        }), 2 * MS, 2 * MS);
        assertEquals(base + 10 * MS, time.tickStarts.get(1));
        assertEquals(8 * MS, sleeps.get(0));
        assertEquals(4 * MS, sleeps.get(1));
    }

    @Test
    void anOverrunIsCaughtUpWithBackToBackTicks() {
        FakeTime time = new FakeTime();
        long base = time.now;
        run(time, scheduler(time, 100, nanos -> time.now += nanos), 1 * MS, 25 * MS, 1 * MS, 1 * MS, 1 * MS, 1 * MS);
        // ticks 2 and 3 were due at 20 and 30 ms: they run at once, then the grid resumes at 40 and 50
        assertEquals(List.of(base, base + 10 * MS, base + 35 * MS, base + 36 * MS, base + 40 * MS, base + 50 * MS),
                time.tickStarts);
        assertEquals(List.of(0L, 0L, 15 * MS, 6 * MS, 0L, 0L), time.startLate, "the catch-up ticks start late");
    }

    @Test
    void aColdFirstTickStartsTheScheduleWhenItEnds() {
        FakeTime time = new FakeTime();
        long base = time.now;
        TickScheduler scheduler = scheduler(time, 100, nanos -> time.now += nanos);
        run(time, scheduler, 150 * MS, 1 * MS, 1 * MS, 1 * MS);
        long warm = base + 150 * MS;
        // no burst of the 14 ticks it "missed", no reset, no lateness: start-up is not lag
        assertEquals(List.of(base, warm, warm + 10 * MS, warm + 20 * MS), time.tickStarts);
        assertEquals(0, scheduler.resets());
        assertEquals(List.of(0L, 0L, 0L, 0L), time.startLate);
    }

    @Test
    void fallingFarBehindRestartsTheScheduleInsteadOfBursting() {
        FakeTime time = new FakeTime();
        long base = time.now;
        TickScheduler scheduler = scheduler(time, 100, nanos -> time.now += nanos);
        run(time, scheduler, 1 * MS, 200 * MS, 1 * MS, 1 * MS);
        long stalledUntil = base + 10 * MS + 200 * MS;
        assertEquals(List.of(base, base + 10 * MS, stalledUntil, stalledUntil + 10 * MS), time.tickStarts);
        assertEquals(1, scheduler.resets());
        // the tick after the restart is on time by the new schedule, not 190 ms late by the old one
        assertEquals(List.of(0L, 0L, 0L, 0L), time.startLate);
    }

    @Test
    void aRateThatDoesNotDivideASecondStillLandsOnTheSecond() {
        FakeTime time = new FakeTime();
        long base = time.now;
        long[] costs = new long[61];
        run(time, scheduler(time, 60, nanos -> time.now += nanos), costs);
        assertEquals(base + 1_000 * MS, time.tickStarts.get(60));
        assertEquals(base + 16_666_666, time.tickStarts.get(1));
        assertEquals(base + 33_333_333, time.tickStarts.get(2));
    }

    @Test
    void startLatenessIsExactToTheNanosecondAtSixtyHertz() {
        FakeTime time = new FakeTime();
        run(time, scheduler(time, 60, nanos -> time.now += nanos + 1_234), 1 * MS, 1 * MS, 1 * MS);
        assertEquals(List.of(0L, 1_234L, 1_234L), time.startLate);
    }
}
