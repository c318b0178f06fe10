package io.lancers.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebSocketFramesTest {

    @Test
    void headerGrowsWithTheLengthField() {
        assertEquals(2, WebSocketFrames.serverHeaderBytes(0));
        assertEquals(2, WebSocketFrames.serverHeaderBytes(125));
        assertEquals(4, WebSocketFrames.serverHeaderBytes(126));
        assertEquals(4, WebSocketFrames.serverHeaderBytes(65_535));
        assertEquals(10, WebSocketFrames.serverHeaderBytes(65_536));
        assertEquals(130, WebSocketFrames.serverFrameBytes(126));
        assertThrows(IllegalArgumentException.class, () -> WebSocketFrames.serverHeaderBytes(-1));
    }
}
