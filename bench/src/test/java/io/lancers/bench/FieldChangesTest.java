package io.lancers.bench;

import io.lancers.sim.Ship;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldChangesTest {

    @Test
    void sharesCoverEveryShipFieldAndReflectPlay() {
        Map<String, Double> shares = FieldChanges.ofShips(ReferenceMatch.standard().withPlayers(4).withTicks(300));
        assertEquals(Ship.class.getRecordComponents().length, shares.size());
        assertEquals(0.0, shares.get("id"));
        // Bots send an input every tick, and every applied input is acknowledged.
        assertEquals(1.0, shares.get("lastInputSeq"), 1e-9);
        assertTrue(shares.get("x") > 0.3, "bots move: " + shares);
        shares.values().forEach(v -> assertTrue(v >= 0 && v <= 1));
    }
}
