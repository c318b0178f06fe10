package io.lancers.client.net;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The connection's figures on a stepped clock: rates over the last full second, totals, counts. */
class TrafficTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void ratesAreOfTheLastFullSecondAndTotalsOfAll() {
        Traffic t = new Traffic();
        t.received(0, 100);
        t.sent(0, 10);
        t.frameApplied(0);
        t.received(SECOND / 2, 300);
        t.frameApplied(SECOND / 2);
        NetStats during = t.stats(SECOND / 2);
        assertEquals(0, during.bytesInPerSecond(), "no full second yet");
        assertEquals(400, during.bytesReceived());
        NetStats after = t.stats(SECOND + 1);
        assertEquals(400, after.bytesInPerSecond());
        assertEquals(10, after.bytesOutPerSecond());
        assertEquals(2.0, after.framesPerSecond(), 1e-6);
        assertEquals(2, after.framesReceived());
        assertEquals(10, after.bytesSent());
    }

    @Test
    void pingAndLinkTroublesAreCounted() {
        Traffic t = new Traffic();
        assertEquals(-1, t.stats(0).pingMs(), "no ping before the first");
        t.pinged(42);
        t.gap();
        t.gap();
        t.resyncRequested();
        t.reconnected();
        t.resumed();
        NetStats s = t.stats(0);
        assertEquals(new NetStats(42, 0, 0, 0, 0, 0, 0, 2, 1, 1, 1), s);
    }
}
