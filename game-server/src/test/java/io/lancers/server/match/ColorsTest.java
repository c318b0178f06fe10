package io.lancers.server.match;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColorsTest {

    @Test
    void everyParticipantOfAFullRoomGetsItsOwnColor() {
        Set<Integer> inUse = new HashSet<>();
        for (int i = 0; i < MatchSettings.MAX_PLAYERS; i++) {
            int color = Colors.firstFree(inUse);
            assertFalse(inUse.contains(color));
            assertTrue(color >= 0 && color <= 0xFFFFFF);
            inUse.add(color);
        }
        assertEquals(MatchSettings.MAX_PLAYERS, inUse.size());
    }

    @Test
    void aFreedColorIsHandedOutAgain() {
        Set<Integer> inUse = new HashSet<>(Set.of(Colors.color(1), Colors.color(2)));
        assertEquals(Colors.color(0), Colors.firstFree(inUse));
    }
}
