package io.lancers.server.match;

import io.lancers.sim.Input;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputQueueTest {

    @Test
    void drainKeepsTheLatestButtonsAndAimOrsFireAndAcksTheLastSeq() {
        InputQueue queue = new InputQueue(32);
        queue.offer(new Input(1, Input.UP | Input.FIRE, 0.5f));
        queue.offer(new Input(2, Input.LEFT, 1.0f));
        Input merged = queue.drain(4, Input.IDLE);
        assertEquals(new Input(2, Input.LEFT | Input.FIRE, 1.0f), merged);
    }

    @Test
    void aMergedShotIsJudgedByTheViewTickOfTheInputThatFired() {
        InputQueue queue = new InputQueue(32);
        queue.offer(new Input(1, Input.FIRE, 0.5f, 100));
        queue.offer(new Input(2, Input.LEFT, 1.0f, 101));
        assertEquals(new Input(2, Input.LEFT | Input.FIRE, 1.0f, 100), queue.drain(4, Input.IDLE));
        queue.offer(new Input(3, Input.UP, 1.0f, 102));
        assertEquals(new Input(3, Input.UP, 1.0f, 102), queue.drain(4, Input.IDLE), "no shot: the latest's");
    }

    @Test
    void drainConsumesAtMostTheCapAndLeavesTheRestForLaterTicks() {
        InputQueue queue = new InputQueue(32);
        for (int seq = 1; seq <= 6; seq++) {
            queue.offer(new Input(seq, Input.RIGHT, 0f));
        }
        assertEquals(4, queue.drain(4, Input.IDLE).seq());
        assertEquals(6, queue.drain(4, Input.IDLE).seq());
    }

    @Test
    void nothingQueuedKeepsThePreviousInput() {
        Input previous = new Input(9, Input.DOWN, 2f);
        assertSame(previous, new InputQueue(4).drain(4, previous));
    }

    @Test
    void staleAndDuplicateSeqsAreIgnoredWithoutCountingAsOverflow() {
        InputQueue queue = new InputQueue(2);
        assertTrue(queue.offer(new Input(5, Input.UP, 0f)));
        assertTrue(queue.offer(new Input(5, Input.DOWN, 0f)));
        assertTrue(queue.offer(new Input(3, Input.DOWN, 0f)));
        assertEquals(new Input(5, Input.UP, 0f), queue.drain(4, Input.IDLE));
    }

    @Test
    void overflowIsReported() {
        InputQueue queue = new InputQueue(2);
        assertTrue(queue.offer(new Input(1, 0, 0f)));
        assertTrue(queue.offer(new Input(2, 0, 0f)));
        assertFalse(queue.offer(new Input(3, 0, 0f)));
    }

    @Test
    void seqsCompareAsUnsigned32BitNumbers() {
        InputQueue queue = new InputQueue(4);
        queue.offer(new Input(Integer.MAX_VALUE, 0, 0f));
        queue.offer(new Input(Integer.MIN_VALUE, Input.UP, 0f)); // 2^31 on the wire: newer
        assertEquals(Integer.MIN_VALUE, queue.drain(4, Input.IDLE).seq());
    }
}
