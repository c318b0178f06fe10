package io.lancers.sim;

import io.lancers.map.ArenaMap;
import io.lancers.map.PickupSpot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.lancers.sim.TestArenas.ship;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The charged lance: taken from a lance pickup as charges; with one, the gun must rest, then one fast,
 * heavy shot spends it; without, LANCE is as if not held; the client predicts it with the same code.
 */
class LanceTest {
    private final MatchConfig config = MatchConfig.defaults();
    private final Simulation sim = new Simulation(TestArenas.open(), config);
    private final int charge = config.ticks(Rules.LANCE_CHARGE_SECONDS);

    private World world(Ship... ships) {
        return TestArenas.withShips(sim.newMatch(9, 1000, 1), ships);
    }

    private static Ship withLastShot(Ship s, int lastFireTick) {
        return new Ship(s.id(), s.x(), s.y(), 0, 0, 0, s.health(), 0, 0, s.powerUntil(), lastFireTick, 0, 0, 0,
                s.lanceCharges());
    }

    /** A ship at rest at (x, y) holding {@code charges} lance charges. */
    private static Ship armed(int id, float x, float y, int charges) {
        return new Ship(id, x, y, 0, 0, 0, Rules.MAX_HEALTH, 0, 0, 0, 0, 0, 0, 0, charges);
    }

    /** Steps with nobody pressing anything until no projectile flies (at most 60 ticks). */
    private World flyOut(World w) {
        for (int i = 0; i < 60 && !w.projectiles().isEmpty(); i++) {
            w = sim.step(w, Map.of());
        }
        return w;
    }

    @Test
    void aRestedGunFiresOneFastHeavyLance() {
        World w = sim.step(world(armed(1, 100, 300, 2)), Map.of(1, new Input(1, Input.LANCE, 0f)));
        Projectile lance = w.projectiles().get(0);
        assertTrue(lance.lance());
        assertEquals(1, w.ships().get(0).lanceCharges(), "it spent one charge");
        assertEquals(Rules.LANCE_DAMAGE, lance.damage());
        assertEquals(Quantum.velocity(Rules.LANCE_SPEED), lance.vx());
        assertTrue(lance.vx() > 1.9f * Rules.PROJECTILE_SPEED, "twice as fast as the gun's shots");
        w = sim.step(w, Map.of(1, new Input(2, Input.LANCE, 0f)));
        assertEquals(1, w.projectiles().size(), "held on, the lance charges again: no second shot");
    }

    @Test
    void theLanceNeedsTheGunToRestAndHoldingItFiresNothingElse() {
        int now = 1001;
        Ship justFired = withLastShot(armed(1, 100, 300, 1), now - charge + 1);
        World w = sim.step(world(justFired), Map.of(1, new Input(1, Input.LANCE | Input.FIRE, 0f)));
        assertEquals(List.of(), w.projectiles(), "one tick short of the charge: nothing, not even the gun");
        w = sim.step(w, Map.of(1, new Input(2, Input.LANCE | Input.FIRE, 0f)));
        assertEquals(Rules.LANCE_DAMAGE, w.projectiles().get(0).damage(), "charged");
        assertEquals(now + 1, w.ships().get(0).lastFireTick());
    }

    @Test
    void theGunsCooldownFollowsALanceAndThePowerUpDoublesIt() {
        Ship powered = new Ship(1, 100, 300, 0, 0, 0, 100, 0, 0, 5000, 0, 0, 0, 0, 1);
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
        World w = sim.step(world(armed(1, 100, 300, 1), ship(2, 700, 300)), Map.of(1, new Input(1, Input.LANCE, 0f)));
        w = flyOut(w);
        assertEquals(Rules.MAX_HEALTH - Rules.LANCE_DAMAGE, w.ships().get(1).health());
    }

    @Test
    void predictionFiresTheLanceWhenTheServerDoes() {
        Ship s = withLastShot(armed(1, 100, 300, 1), 1001 - charge);
        World w = world(s);
        Input lance = new Input(5, Input.LANCE, 0.3f);
        Ship predicted = sim.moveShip(s, lance, w.tick(), w.match());
        World stepped = sim.step(w, Map.of(1, lance));
        assertEquals(stepped.ships().get(0), predicted);
        assertEquals(0, predicted.lanceCharges(), "the prediction spends the charge as the server does");
        assertEquals(stepped.projectiles().get(0), sim.shot(predicted, true, stepped.projectiles().get(0).id(),
                stepped.tick(), stepped.tick()));
    }

    @Test
    void withoutAChargeLanceIsAsIfNotHeld() {
        World w = sim.step(world(ship(1, 100, 300)), Map.of(1, new Input(1, Input.LANCE, 0f)));
        assertEquals(List.of(), w.projectiles(), "nothing to fire, nothing to charge");
        w = sim.step(w, Map.of(1, new Input(2, Input.LANCE | Input.FIRE, 0f)));
        assertEquals(Rules.PROJECTILE_DAMAGE, w.projectiles().get(0).damage(), "FIRE held beside it shoots the gun");
        Ship unarmed = ship(1, 100, 300);
        assertEquals(sim.step(world(unarmed), Map.of(1, new Input(1, Input.LANCE, 0f))).ships().get(0),
                sim.moveShip(unarmed, new Input(1, Input.LANCE, 0f), 1000, world(unarmed).match()),
                "and the prediction agrees");
    }

    @Test
    void theLastChargeSpentTheLanceFiresNoMore() {
        World w = sim.step(world(armed(1, 100, 300, 1)), Map.of(1, new Input(1, Input.LANCE, 0f)));
        assertEquals(0, w.ships().get(0).lanceCharges());
        w = flyOut(w);
        for (int i = 0; i < 2 * charge; i++) {
            w = sim.step(w, Map.of(1, new Input(2 + i, Input.LANCE, 0f)));
        }
        assertEquals(List.of(), w.projectiles(), "rested long enough, but nothing left to fire");
    }

    @Test
    void aLancePickupGivesChargesUpToTheCapAndComesBackLater() {
        ArenaMap lanceSpot = new ArenaMap("lance", "Lance", 1000, 600, List.of(), TestArenas.box().spawns(),
                List.of(new PickupSpot(300, 300, PickupKind.LANCE)));
        Simulation s = new Simulation(lanceSpot, config);
        World w = TestArenas.withShips(s.newMatch(9, 1000, 1), armed(1, 300, 300, 0));
        w = s.step(w, Map.of());
        assertEquals(Rules.LANCE_PICKUP_CHARGES, w.ships().get(0).lanceCharges());
        assertEquals(List.of(new GameEvent.PickupTaken(1, 0, PickupKind.LANCE)), w.events());
        assertEquals(w.tick() + config.ticks(Rules.LANCE_RESPAWN_SECONDS), w.pickups().get(0).availableAt());

        World full = TestArenas.withShips(s.newMatch(9, 1000, 1), armed(1, 300, 300, Rules.LANCE_MAX_CHARGES));
        full = s.step(full, Map.of());
        assertEquals(List.of(), full.events(), "a ship holding the most charges leaves it lying");
        assertEquals(1000, full.pickups().get(0).availableAt());

        World some = TestArenas.withShips(s.newMatch(9, 1000, 1), armed(1, 300, 300, Rules.LANCE_MAX_CHARGES - 1));
        assertEquals(Rules.LANCE_MAX_CHARGES, s.step(some, Map.of()).ships().get(0).lanceCharges(), "capped");
    }

    @Test
    void chargesAreLostOnDeath() {
        Ship weakArmed = new Ship(2, 300, 300, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 3);
        World w = sim.step(world(ship(1, 100, 300), weakArmed), Map.of(1, new Input(1, Input.FIRE, 0f)));
        w = flyOut(w);
        Ship dead = w.ships().get(1);
        assertEquals(0, dead.health());
        assertEquals(0, dead.lanceCharges());
    }
}
