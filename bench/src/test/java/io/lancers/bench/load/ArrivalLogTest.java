package io.lancers.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
        assertEquals(List.of(0L, 200L, 200L), recorded(log.jitterNanos(PERIOD, 0, Long.MAX_VALUE)));
    }

    @Test
    void onlyPairsInsideTheWindowCountAndCapacityIsAHardLimit() {
        ArrivalLog log = new ArrivalLog(3);
        log.add(1_000, 1);
        log.add(2_100, 2);
        log.add(3_000, 3);
        log.add(4_000, 4); // beyond capacity: not logged
        assertEquals(3, log.size());
        assertEquals(List.of(100L), recorded(log.jitterNanos(PERIOD, 2_000, Long.MAX_VALUE)));
        assertEquals(List.of(100L), recorded(log.jitterNanos(PERIOD, 0, 3_000)));
        assertEquals(List.of(), recorded(log.jitterNanos(PERIOD, 5_000, Long.MAX_VALUE)));
    }

    /** Every value recorded, ascending (small values have buckets of one: exact). */
    private static List<Long> recorded(Histogram histogram) {
        List<Long> values = new ArrayList<>();
        for (HistogramIterationValue v : histogram.recordedValues()) {
            for (long i = 0; i < v.getCountAtValueIteratedTo(); i++) {
                values.add(v.getValueIteratedTo());
            }
        }
        return values;
    }
}
