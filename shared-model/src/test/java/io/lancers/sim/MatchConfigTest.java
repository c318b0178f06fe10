package io.lancers.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MatchConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals(new MatchConfig(60, 300, 20, 10, 3), MatchConfig.defaults());
    }

    @Test
    void convertsSecondsToTicks() {
        MatchConfig c = new MatchConfig(30, 60, 0, 5, 2);
        assertEquals(1f / 30, c.dt());
        assertEquals(90, c.ticks(3));
        assertEquals(8, c.ticks(0.25), "rounded to the nearest tick");
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new MatchConfig(0, 300, 20, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new MatchConfig(60, 0, 20, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new MatchConfig(60, 300, -1, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new MatchConfig(60, 300, 20, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> new MatchConfig(60, 300, 20, 10, -1));
    }
}
