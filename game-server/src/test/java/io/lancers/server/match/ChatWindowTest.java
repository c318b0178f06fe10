package io.lancers.server.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatWindowTest {

    @Test
    void allowsTheLimitPerWindowAndSlides() {
        ChatWindow window = new ChatWindow(2, 100);
        assertTrue(window.tryAcquire(0));
        assertTrue(window.tryAcquire(50));
        assertFalse(window.tryAcquire(99));
        assertTrue(window.tryAcquire(100)); // the message at 0 left the window
        assertFalse(window.tryAcquire(149));
        assertTrue(window.tryAcquire(150));
    }
}
