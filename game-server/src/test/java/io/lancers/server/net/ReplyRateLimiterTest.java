package io.lancers.server.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyRateLimiterTest {
    private final ReplyRateLimiter limiter = new ReplyRateLimiter(100);

    @Test
    void oneReplyPerSourcePerSpacing() throws UnknownHostException {
        InetAddress a = InetAddress.getByName("127.0.0.1");
        InetAddress b = InetAddress.getByName("127.0.0.2");
        assertTrue(limiter.allow(a, 1_000));
        assertFalse(limiter.allow(a, 1_099));
        assertTrue(limiter.allow(b, 1_099));
        assertTrue(limiter.allow(a, 1_100));
    }

    @Test
    void aFloodOfFreshSourcesIsRefusedOnceTheTableIsFullAndForgottenLater() throws UnknownHostException {
        for (int i = 0; i < 1024; i++) {
            assertTrue(limiter.allow(source(i), 0));
        }
        assertFalse(limiter.allow(source(5000), 50));
        assertTrue(limiter.allow(source(5000), 100));
    }

    private static InetAddress source(int i) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {127, 1, (byte) (i >> 8), (byte) i});
    }
}
