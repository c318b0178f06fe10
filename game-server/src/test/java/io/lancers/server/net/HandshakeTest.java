package io.lancers.server.net;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeTest {
    private final Handshake strict = new Handshake(List.of(), new Tally(), () -> null);

    @Test
    void originAbsentOrOfTheSameHostIsAccepted() {
        assertTrue(strict.originAccepted(null, "game.example:8025"));
        assertTrue(strict.originAccepted("http://game.example:8025", "game.example:8025"));
        assertTrue(strict.originAccepted("http://GAME.example", "game.example:8025"));
        assertTrue(strict.originAccepted("http://[::1]:8025", "[::1]:8025"));
    }

    @Test
    void foreignOrUnparsableOriginsAreRefusedUnlessAllowListed() {
        assertFalse(strict.originAccepted("http://evil.example", "game.example:8025"));
        assertFalse(strict.originAccepted("null", "game.example:8025"));
        assertFalse(strict.originAccepted("http://evil.example", null));
        Handshake listed = new Handshake(List.of("http://Friends.example:3000"), new Tally(), () -> null);
        assertTrue(listed.originAccepted("http://friends.example:3000", "game.example:8025"));
        assertFalse(listed.originAccepted("http://friends.example:3001", "game.example:8025"));
        assertTrue(new Handshake(List.of("*"), new Tally(), () -> null).originAccepted("http://any.example", "x"));
    }

    @Test
    void offeredSubprotocolsAreSplitOnCommasAcrossHeaderLines() {
        assertEquals(List.of("lancers.v3", "lancers.v2", "x"),
                Handshake.offeredSubprotocols(List.of("lancers.v3, lancers.v2", " x ,")));
        assertEquals(List.of(), Handshake.offeredSubprotocols(List.of()));
    }

    @Test
    void theServerPicksV5WheneverItIsOfferedElseTheNewestRetiredOneToRefuseIt() {
        assertEquals("lancers.v5", Handshake.chosen(List.of("lancers.v2", "lancers.v5", "lancers.v4")).orElseThrow());
        assertEquals("lancers.v4", Handshake.chosen(List.of("lancers.v3", "lancers.v4")).orElseThrow());
        assertEquals("lancers.v2", Handshake.chosen(List.of("x", "lancers.v2")).orElseThrow());
        assertTrue(Handshake.chosen(List.of("lancers.v1")).isEmpty());
    }
}
