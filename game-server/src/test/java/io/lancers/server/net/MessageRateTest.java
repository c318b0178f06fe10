package io.lancers.server.net;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageRateTest {

    @Test
    void aBurstIsTakenAndTheNextOneIsRefused() {
        MessageRate rate = new MessageRate(10, 5, 0);
        for (int i = 0; i < 10; i++) {
            assertTrue(rate.allow(0), "message " + i);
        }
        assertFalse(rate.allow(0));
    }

    @Test
    void theBucketRefillsAtItsRateAndNoFurtherThanTheBurst() {
        MessageRate rate = new MessageRate(10, 5, 0);
        for (int i = 0; i < 10; i++) {
            rate.allow(0);
        }
        assertTrue(rate.allow(200), "5 per second: one after 200 ms");
        assertFalse(rate.allow(200));
        long later = 60_000;
        for (int i = 0; i < 10; i++) {
            assertTrue(rate.allow(later), "a minute of quiet refills the burst, message " + i);
        }
        assertFalse(rate.allow(later), "but never beyond it");
    }

    @Test
    void aSteadyHonestClientIsNeverRefused() {
        MessageRate rate = new MessageRate(MessageRate.DEFAULT_BURST, MessageRate.DEFAULT_PER_SECOND, 0);
        // Heartbeat, its answer and a chat line every second, for an hour.
        for (long ms = 0; ms < 3_600_000; ms += 1000) {
            for (int i = 0; i < 3; i++) {
                assertTrue(rate.allow(ms));
            }
        }
    }
}
