package io.lancers.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ArrivalLogTest {
    private static final long PERIOD = 1000;

    @Test
    void jitterIsTheDistanceOfEachIntervalFromItsTicksAtThePeriod() {
        ArrivalLog log = new ArrivalLog(10);
        log.add(10_000, 1);
        log.add(11_200, 2);   // 200 late
        log.add(12_000, 3);   // 200 early
        log.add(14_000, 5);   // a skipped tick: two periods, on time
        assertArrayEquals(new long[] {200, 200, 0}, log.jitterNanos(PERIOD, 0, Long.MAX_VALUE));
    }

    @Test
    void onlyPairsInsideTheWindowCountAndCapacityIsAHardLimit() {
        ArrivalLog log = new ArrivalLog(3);
        log.add(1_000, 1);
        log.add(2_100, 2);
        log.add(3_000, 3);
        log.add(4_000, 4); // beyond capacity: not logged
        assertEquals(3, log.size());
        assertArrayEquals(new long[] {100}, log.jitterNanos(PERIOD, 2_000, Long.MAX_VALUE));
        assertArrayEquals(new long[] {100}, log.jitterNanos(PERIOD, 0, 3_000));
    }
}
