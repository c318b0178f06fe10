package io.lancers.server.net;

import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.SharedFrame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class HeartbeatFramesTest {
    private final HeartbeatFrames frames = new HeartbeatFrames();

    @Test
    void connectionsAtOneTickShareTheRoundsFrame() {
        SharedFrame first = frames.at(1_000, 42);
        assertSame(first, frames.at(1_000, 42));
        assertEquals(new ServerMessage.Heartbeat(1_000, 42), decode(first));
    }

    @Test
    void eachTickAndEachRoundHasItsOwn() {
        SharedFrame tick42 = frames.at(1_000, 42);
        SharedFrame tick43 = frames.at(1_000, 43);
        assertEquals(new ServerMessage.Heartbeat(1_000, 43), decode(tick43));
        assertSame(tick42, frames.at(1_000, 42));
        SharedFrame nextRound = frames.at(1_250, 42);
        assertNotSame(tick42, nextRound);
        assertEquals(new ServerMessage.Heartbeat(1_250, 42), decode(nextRound));
    }

    private static ServerMessage decode(SharedFrame frame) {
        try {
            return ControlCodec.decodeServer(StandardCharsets.UTF_8.decode(frame.payload()).toString());
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
