package io.lancers.bench;

import io.lancers.protocol.StateCodec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandwidthTest {

    @Test
    void aTinyMatchGivesSaneFigures() {
        ReferenceMatch tiny = ReferenceMatch.standard().withPlayers(4).withTicks(240);
        Bandwidth.Result r = Bandwidth.measure(tiny);
        assertEquals(240, r.delta().length);
        int smallestFrame = WebSocketFrames.serverFrameBytes(StateCodec.HEADER_BYTES);
        for (int t = 0; t < r.delta().length; t++) {
            assertTrue(r.delta()[t] >= smallestFrame, "a delta has at least its header, tick " + t);
            assertTrue(r.delta()[t] <= r.snapshot()[t], "a delta never exceeds the snapshot, tick " + t);
            assertTrue(r.snapshot()[t] < r.json()[t], "binary is smaller than JSON, tick " + t);
        }
        // Moving ships change every tick, so a delta is well above an empty one.
        assertTrue(r.deltaStats().mean() > smallestFrame + 4 * 4, "delta mean " + r.deltaStats().mean());
        assertTrue(r.jsonOverDelta() > r.snapshotOverDelta() && r.snapshotOverDelta() > 1);
        assertEquals(r.deltaStats().mean() * 60, r.bytesPerSecond(r.deltaStats()), 1e-9);
    }

    @Test
    void moreBotsSendMoreBytes() {
        ReferenceMatch match = ReferenceMatch.standard().withTicks(120);
        assertTrue(Bandwidth.measure(match.withPlayers(8)).deltaStats().mean()
                > Bandwidth.measure(match.withPlayers(2)).deltaStats().mean());
    }
}
