package io.lancers.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A projectile's lance test without a branch ({@link Projectile#lances()}) says what the plain comparison says. */
class ProjectileTest {
    private static final float FAST = (Rules.PROJECTILE_SPEED + Rules.LANCE_SPEED) / 2;

    @Property
    void lancesIsOneExactlyWhenFasterThanHalfwayToALance(@ForAll @FloatRange(min = -2500, max = 2500) float vx,
                                                         @ForAll @FloatRange(min = -2500, max = 2500) float vy) {
        assertLances(vx, vy);
    }

    @Property
    void lancesAtTheThresholdItself(@ForAll @FloatRange(min = 0, max = 1) float share) {
        // Speeds on and next to the threshold, where speed² and fast² may round to the same float.
        float vx = FAST * share;
        float vy = (float) Math.sqrt(FAST * FAST - vx * vx);
        assertLances(vx, vy);
        assertLances(Math.nextUp(vx), vy);
        assertLances(vx, Math.nextDown(vy));
    }

    private static void assertLances(float vx, float vy) {
        Projectile p = new Projectile(1, 1, 0, 0, vx, vy, 0, Rules.PROJECTILE_DAMAGE);
        boolean faster = vx * vx + vy * vy > FAST * FAST;
        assertEquals(faster ? 1 : 0, p.lances(), () -> "vx " + vx + " vy " + vy);
        assertEquals(faster, p.lance());
    }
}
