package io.lancers.server.match;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TickPriorityTest {

    @Property
    void everyChoiceReadsBackFromItsFlag(@ForAll("priorities") TickPriority priority) {
        assertEquals(priority, TickPriority.parse(priority.flag()));
        assertEquals(priority, TickPriority.parse(" " + priority.flag().toUpperCase() + " "), "case and spaces aside");
        assertEquals(priority.flag(), priority.toString(), "what --help shows as the default");
    }

    @Property
    void niceValuesOutsideTheKernelsRangeAreRefused(@ForAll @IntRange(min = 20, max = 1000) int beyond) {
        for (int value : new int[] {beyond, -beyond - 1}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> TickPriority.parse("nice:" + value));
            assertEquals("a nice value is -20 to 19, was " + value, refused.getMessage());
        }
    }

    @Property
    void anythingElseIsRefusedNamingTheThreeForms(@ForAll("notAFlag") String flag) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TickPriority.parse(flag));
        assertEquals("expected realtime, nice:N (N from -20 to 19) or normal, was '" + flag + "'", refused.getMessage());
    }

    @Example
    void theDefaultIsRealTimeFallingBackToNiceMinus10() {
        assertEquals(new TickPriority.RealTime(), TickPriority.DEFAULT);
        assertEquals(new TickPriority.Nice(-10), TickPriority.RealTime.FALLBACK);
        TickPriority.Outcome refusedTwice = new TickPriority.Outcome(new TickPriority.Normal(), List.of())
                .after(TickPriority.RealTime.FALLBACK, "no")
                .after(TickPriority.DEFAULT, "not allowed");
        assertEquals("tick thread at normal priority; real-time priority (SCHED_FIFO 1) refused: not allowed; "
                + "nice -10 refused: no", refusedTwice.describe());
        assertEquals("tick thread at real-time priority (SCHED_FIFO 1)",
                new TickPriority.Outcome(TickPriority.DEFAULT, List.of()).describe());
    }

    @Provide
    Arbitrary<TickPriority> priorities() {
        return Arbitraries.oneOf(Arbitraries.just(new TickPriority.RealTime()), Arbitraries.just(new TickPriority.Normal()),
                Arbitraries.integers().between(TickPriority.Nice.MIN, TickPriority.Nice.MAX).map(TickPriority.Nice::new));
    }

    @Provide
    Arbitrary<String> notAFlag() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).filter(s -> !List.of("realtime", "normal").contains(s.trim().toLowerCase())
                        && !s.trim().toLowerCase().startsWith("nice:")),
                Arbitraries.of("nice:", "nice:-", "nice:ten", "nice:1.5", "nice: 5", "real-time", "fifo", "nice-10"));
    }
}
