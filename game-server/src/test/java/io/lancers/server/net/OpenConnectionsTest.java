package io.lancers.server.net;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenConnectionsTest {

    @Test
    void eachAddressHoldsAtMostItsCapAndAClosedOneFreesASlot() {
        OpenConnections open = new OpenConnections(2);
        assertTrue(open.tryOpen("10.0.0.1"));
        assertTrue(open.tryOpen("10.0.0.1"));
        assertFalse(open.tryOpen("10.0.0.1"));
        assertTrue(open.tryOpen("10.0.0.2"), "another address has its own cap");
        assertEquals(3, open.total());
        assertEquals(2, open.of("10.0.0.1"));

        open.closed("10.0.0.1");
        assertTrue(open.tryOpen("10.0.0.1"));
        open.closed("10.0.0.1");
        open.closed("10.0.0.1");
        open.closed("10.0.0.2");
        assertEquals(0, open.total());
        assertEquals(0, open.of("10.0.0.1"));
    }

    @Test
    void racingOpensNeverAdmitMoreThanTheCap() throws Exception {
        OpenConnections open = new OpenConnections(16);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            attempts.add(threads.submit(() -> open.tryOpen("127.0.0.1")));
        }
        int admitted = 0;
        for (Future<Boolean> attempt : attempts) {
            admitted += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();
        assertEquals(16, admitted);
        assertEquals(16, open.total());
    }

    @Test
    void aCapBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new OpenConnections(0));
    }
}
