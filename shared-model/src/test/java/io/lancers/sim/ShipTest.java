package io.lancers.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A ship's life without a branch ({@link Ship#deadBit()}) says what {@link Ship#alive()} says. */
class ShipTest {
    @Property
    void deadBitIsOneExactlyWhenNotAlive(@ForAll @IntRange(min = -Rules.MAX_HEALTH, max = Rules.MAX_HEALTH) int health) {
        Ship ship = new Ship(1, 0, 0, 0, 0, 0, health, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(ship.alive() ? 0 : 1, ship.deadBit(), () -> "health " + health);
    }
}
