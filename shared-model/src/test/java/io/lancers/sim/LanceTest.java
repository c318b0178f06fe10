package io.lancers.sim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.lancers.sim.TestArenas.ship;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charged lance: the gun must rest, then one fast, heavy shot; the client predicts it with the same code. */
class LanceTest {
    private final MatchConfig config = MatchConfig.defaults();
    private final Simulation sim = new Simulation(TestArenas.open(), config);
    private final int charge = config.ticks(Rules.LANCE_CHARGE_SECONDS);

    private World world(Ship... ships) {
        return TestArenas.withShips(sim.newMatch(9, 1000, 1), ships);
    }

    private static Ship withLastShot(Ship s, int lastFireTick) {
        return new Ship(s.id(), s.x(), s.y(), 0, 0, 0, s.health(), 0, 0, s.powerUntil(), lastFireTick, 0, 0, 0);
    }

    @Test
    void aRestedGunFiresOneFastHeavyLance() {
        World w = sim.step(world(ship(1, 100, 300)), Map.of(1, new Input(1, Input.LANCE, 0f)));
        Projectile lance = w.projectiles().get(0);
        assertEquals(Rules.LANCE_DAMAGE, lance.damage());
        assertEquals(Quantum.velocity(Rules.LANCE_SPEED), lance.vx());
        assertTrue(lance.vx() > 1.9f * Rules.PROJECTILE_SPEED, "twice as fast as the gun's shots");
        w = sim.step(w, Map.of(1, new Input(2, Input.LANCE, 0f)));
        assertEquals(1, w.projectiles().size(), "held on, the lance charges again: no second shot");
    }

    @Test
    void theLanceNeedsTheGunToRestAndHoldingItFiresNothingElse() {
        int now = 1001;
        Ship justFired = withLastShot(ship(1, 100, 300), now - charge + 1);
        World w = sim.step(world(justFired), Map.of(1, new Input(1, Input.LANCE | Input.FIRE, 0f)));
        assertEquals(List.of(), w.projectiles(), "one tick short of the charge: nothing, not even the gun");
        w = sim.step(w, Map.of(1, new Input(2, Input.LANCE | Input.FIRE, 0f)));
        assertEquals(Rules.LANCE_DAMAGE, w.projectiles().get(0).damage(), "charged");
        assertEquals(now + 1, w.ships().get(0).lastFireTick());
    }

    @Test
    void theGunsCooldownFollowsALanceAndThePowerUpDoublesIt() {
        Ship powered = new Ship(1, 100, 300, 0, 0, 0, 100, 0, 0, 5000, 0, 0, 0, 0);
        World w = sim.step(world(powered), Map.of(1, new Input(1, Input.LANCE, 0f)));
        assertEquals(Rules.LANCE_DAMAGE * Rules.POWER_DAMAGE_FACTOR, w.projectiles().get(0).damage());
        int fired = w.tick();
        int cooldown = config.ticks(Rules.FIRE_COOLDOWN_SECONDS);
        for (int i = 1; i < cooldown; i++) {
            w = sim.step(w, Map.of(1, new Input(1 + i, Input.FIRE, 0f)));
        }
        assertEquals(fired, w.ships().get(0).lastFireTick(), "the gun waits its cooldown after a lance");
        w = sim.step(w, Map.of(1, new Input(99, Input.FIRE, 0f)));
        assertEquals(fired + cooldown, w.ships().get(0).lastFireTick());
    }

    @Test
    void aLanceHitsHard() {
        World w = sim.step(world(ship(1, 100, 300), ship(2, 700, 300)), Map.of(1, new Input(1, Input.LANCE, 0f)));
        for (int i = 0; i < 30 && !w.projectiles().isEmpty(); i++) {
            w = sim.step(w, Map.of());
        }
        assertEquals(Rules.MAX_HEALTH - Rules.LANCE_DAMAGE, w.ships().get(1).health());
    }

    @Test
    void predictionFiresTheLanceWhenTheServerDoes() {
        Ship s = withLastShot(ship(1, 100, 300), 1001 - charge);
        World w = world(s);
        Input lance = new Input(5, Input.LANCE, 0.3f);
        Ship predicted = sim.moveShip(s, lance, w.tick(), w.match());
        World stepped = sim.step(w, Map.of(1, lance));
        assertEquals(stepped.ships().get(0), predicted);
        assertEquals(stepped.projectiles().get(0), sim.shot(predicted, true, stepped.projectiles().get(0).id(),
                stepped.tick(), stepped.tick()));
    }
}
