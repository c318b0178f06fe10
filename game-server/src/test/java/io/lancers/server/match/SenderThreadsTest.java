package io.lancers.server.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SenderThreadsTest {
    @Test
    void oneSenderPerCoreBetweenOneAndFour() {
        assertEquals(List.of(1, 1, 2, 3, 4, 4, 4), List.of(0, 1, 2, 3, 4, 5, 16).stream().map(SenderThreads::count).toList());
    }

    @Test
    void eachLaneRunsItsBatchesInOrderOnItsOwnNamedThreadAndStopFinishesThem() throws InterruptedException {
        SenderThreads senders = SenderThreads.start("r1", 2);
        List<String> ran = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        Executor first = senders.lanes().get(0);
        first.execute(() -> awaitQuietly(gate));
        for (int i = 0; i < 50; i++) {
            int batch = i;
            first.execute(() -> ran.add(Thread.currentThread().getName() + " " + batch));
        }
        gate.countDown();
        senders.stop(10_000);

        assertEquals(50, ran.size(), "stop lets a lane finish what it was given");
        for (int i = 0; i < 50; i++) {
            assertEquals("match-r1-send-1 " + i, ran.get(i));
        }
    }

    @Test
    void inlineLanesAreTheCallers() {
        List<String> ran = new ArrayList<>();
        SenderThreads inline = SenderThreads.of(Runnable::run);
        inline.lanes().get(0).execute(() -> ran.add(Thread.currentThread().getName()));
        inline.stop(0);
        inline.abandon();
        assertEquals(List.of(Thread.currentThread().getName()), ran);
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            assertTrue(gate.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
