package io.lancers.server.net;

import org.junit.jupiter.api.Test;

import static io.lancers.server.net.Liveness.Verdict.HEARTBEAT_TIMEOUT;
import static io.lancers.server.net.Liveness.Verdict.HELLO_TIMEOUT;
import static io.lancers.server.net.Liveness.Verdict.NOTHING;
import static io.lancers.server.net.Liveness.Verdict.SEND_HEARTBEAT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LivenessTest {
    private static final long OPENED = 1_000;

    /** hello within 5000, heartbeat every 1000, dead after 3000 of silence. */
    private final Liveness liveness = new Liveness(OPENED, 5_000, 1_000, 3_000);

    @Test
    void waitsForTheHelloUntilItsDeadlineAndSendsNoHeartbeatMeanwhile() {
        assertEquals(NOTHING, liveness.poll(OPENED));
        liveness.received(OPENED + 4_000); // frames that are not a hello do not extend the deadline
        assertEquals(NOTHING, liveness.poll(OPENED + 4_999));
        assertEquals(HELLO_TIMEOUT, liveness.poll(OPENED + 5_000));
    }

    @Test
    void heartbeatsStartWithTheHelloAndKeepTheirRhythm() {
        liveness.helloReceived(2_000);
        assertEquals(SEND_HEARTBEAT, liveness.poll(2_000));
        assertEquals(NOTHING, liveness.poll(2_500));
        liveness.received(2_600);
        assertEquals(SEND_HEARTBEAT, liveness.poll(3_100)); // a late poll...
        liveness.received(3_200);
        assertEquals(NOTHING, liveness.poll(3_900));
        assertEquals(SEND_HEARTBEAT, liveness.poll(4_000)); // ...does not shift the next one
    }

    @Test
    void afterAStallHeartbeatsRestartFromNowInsteadOfBursting() {
        liveness.helloReceived(2_000);
        assertEquals(SEND_HEARTBEAT, liveness.poll(2_000));
        liveness.received(4_900);
        assertEquals(SEND_HEARTBEAT, liveness.poll(5_000));
        assertEquals(NOTHING, liveness.poll(5_100));
        assertEquals(SEND_HEARTBEAT, liveness.poll(6_000));
    }

    @Test
    void anyReceivedFrameKeepsTheConnectionAliveAndSilenceKillsIt() {
        liveness.helloReceived(2_000);
        liveness.poll(2_000);
        liveness.received(4_500);
        assertEquals(SEND_HEARTBEAT, liveness.poll(4_999));
        liveness.poll(7_000);
        assertEquals(NOTHING, liveness.poll(7_499));
        assertEquals(HEARTBEAT_TIMEOUT, liveness.poll(7_500));
    }
}
