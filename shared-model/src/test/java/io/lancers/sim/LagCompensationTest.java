package io.lancers.sim;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static io.lancers.sim.TestArenas.ship;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lag compensation in stepped ticks: a stationary shooter (ship 1) fires along +x at a target
 * (ship 2) that flies down across the line of fire. Every "client" here is a view tick: what the
 * shooter was looking at.
 */
class LagCompensationTest {
    private static final int SHOOTER = 1;
    private static final int TARGET = 2;
    private static final int BEHIND = 9; // 150 ms at 60 ticks/s

    private final MatchConfig config = MatchConfig.defaults();
    private final Simulation sim = new Simulation(TestArenas.open(), config);
    /** The match without any shot: the target's path, tick by tick. */
    private final List<World> timeline = new ArrayList<>();

    @BeforeEach
    void flyTheTarget() {
        World w = TestArenas.withShips(sim.newMatch(42, 1000, 1), ship(SHOOTER, 100, 300), ship(TARGET, 240, 150));
        timeline.add(w);
        for (int i = 0; i < 90; i++) {
            w = sim.step(w, targetFlies(Input.IDLE));
            timeline.add(w);
        }
    }

    @Test
    void aShotFromAClientNineTicksBehindHitsTheTargetWhereThatClientSawIt() {
        int seen = lastTickAShotHitsFrom(); // the shooter's view: a shot fired right then hits
        int now = seen + BEHIND;             // when the server gets it
        assertFalse(hitTick(fire(now, 0, ShipHistory.NONE)).isPresent(),
                "uncompensated, the target has flown on by the time the input arrives");

        OptionalInt compensated = hitTick(fire(now, seen, historyBefore(now, BEHIND)));
        OptionalInt atTheClientsTime = hitTick(fire(seen, 0, ShipHistory.NONE));
        assertTrue(compensated.isPresent(), "the rewound shot hits");
        assertEquals(Math.max(now, atTheClientsTime.getAsInt()), compensated.getAsInt(),
                "the same hit as a shot the server got at once: applied when the input arrives, not earlier");
    }

    @Test
    void theRewoundShotIsTheSameProjectileAsOneFiredAtTheClientsTime() {
        int seen = firstTickAShotHitsFrom() - 8; // misses: the shot flies on past the target
        int now = seen + BEHIND;
        World compensated = sim.step(timeline.get(now - 1), fireInputs(seen), historyBefore(now, BEHIND));
        World direct = sim.step(timeline.get(seen - 1), fireInputs(0));
        Projectile rewound = compensated.projectiles().get(0);
        Projectile original = direct.projectiles().get(0);
        assertEquals(seen, index(rewound.spawnTick()), "spawned at the shooter's time, so already " + BEHIND + " ticks along");
        assertEquals(original.x0(), rewound.x0());
        assertEquals(original.vx(), rewound.vx());
        assertEquals(original.xAt(now, config.dt()), rewound.xAt(now, config.dt()));
    }

    @Test
    void nothingIsRewoundBeyondTheCap() {
        int seen = lastTickAShotHitsFrom();
        int now = seen + BEHIND;
        int cap = 5;
        World capped = fire(now, seen, historyBefore(now, cap)).get(0);
        assertEquals(now - cap, index(capped.projectiles().get(0).spawnTick()), "rewound by the cap, not by " + BEHIND);
        assertEquals(hitTick(fire(now - cap, 0, ShipHistory.NONE)).isPresent(),
                hitTick(fire(now, seen, historyBefore(now, cap))).isPresent(),
                "decided like a shot fired " + cap + " ticks ago");
        assertFalse(hitTick(fire(now, seen, historyBefore(now, cap))).isPresent(), "so the target, 9 ticks back, is safe");
    }

    @Test
    void aViewTickOlderThanTheHistoryRewindsOnlyAsFarAsItGoes() {
        int seen = firstTickAShotHitsFrom() - 8; // a miss: the projectile stays to be looked at
        int now = seen + BEHIND;
        ShipHistory shortOne = new ShipHistory(BEHIND);
        shortOne.record(timeline.get(now - 5));
        shortOne.record(timeline.get(now - 2)); // a gap before the last two ticks
        shortOne.record(timeline.get(now - 1));
        World w = sim.step(timeline.get(now - 1), fireInputs(seen), shortOne);
        assertEquals(now - 3, index(w.projectiles().get(0).spawnTick()), "back to the first tick after the gap");
    }

    @Test
    void aViewTickFromTheFutureOrNoneIsNotCompensated() {
        int now = 40;
        for (int viewTick : new int[] {0, now, now + 5}) {
            World w = sim.step(timeline.get(now - 1), fireInputs(viewTick), historyBefore(now, BEHIND));
            assertEquals(now, index(w.projectiles().get(0).spawnTick()), "view tick " + viewTick);
        }
    }

    @Test
    void theHistoryForgetsBeyondItsCapacityAndKeepsOnlyTheLiving() {
        ShipHistory history = new ShipHistory(3);
        for (int i = 1; i <= 5; i++) {
            history.record(timeline.get(i));
        }
        assertFalse(history.holds(timeline.get(2).tick()));
        assertTrue(history.holds(timeline.get(3).tick()));
        int at = history.indexOf(timeline.get(4).tick(), TARGET);
        assertEquals(timeline.get(4).ships().get(1).y(), history.y(timeline.get(4).tick(), at));
        assertEquals(-1, history.indexOf(timeline.get(4).tick(), 99));
        assertThrows(IllegalArgumentException.class, () -> history.record(timeline.get(5)));
    }

    // ------------------------------------------------------------------ helpers

    /** Ticks are numbered from the timeline's start: tick {@code i} is {@code timeline.get(i)}. */
    private Map<Integer, Input> targetFlies(Input shooter) {
        Map<Integer, Input> inputs = new HashMap<>();
        inputs.put(SHOOTER, shooter);
        inputs.put(TARGET, new Input(1, Input.DOWN, 0f));
        return inputs;
    }

    private Map<Integer, Input> fireInputs(int viewTick) {
        int absoluteView = viewTick == 0 ? 0 : timeline.get(0).tick() + viewTick;
        return targetFlies(new Input(2, Input.FIRE, 0f, absoluteView));
    }

    /** The shooter fires on the step to tick {@code at} with this view tick (0: none), then 30 quiet ticks. */
    private List<World> fire(int at, int viewTick, ShipHistory history) {
        List<World> after = new ArrayList<>();
        World w = sim.step(timeline.get(at - 1), fireInputs(viewTick), history);
        after.add(w);
        for (int i = 0; i < 30; i++) {
            w = sim.step(w, targetFlies(Input.IDLE));
            after.add(w);
        }
        return after;
    }

    /** A history of {@code capacity} ticks holding the timeline up to the tick before {@code now}. */
    private ShipHistory historyBefore(int now, int capacity) {
        ShipHistory history = new ShipHistory(capacity);
        for (int i = 0; i < now; i++) {
            history.record(timeline.get(i));
        }
        return history;
    }

    private int index(int tick) {
        return tick - timeline.get(0).tick();
    }

    /** The timeline index of the tick of the first hit on the target, if any. */
    private OptionalInt hitTick(List<World> worlds) {
        for (World w : worlds) {
            for (GameEvent e : w.events()) {
                if (e instanceof GameEvent.Hit hit && hit.targetId() == TARGET) {
                    return OptionalInt.of(index(w.tick()));
                }
            }
        }
        return OptionalInt.empty();
    }

    private int firstTickAShotHitsFrom() {
        for (int at = BEHIND + 1; at < 60; at++) {
            if (hitTick(fire(at, 0, ShipHistory.NONE)).isPresent()) {
                return at;
            }
        }
        throw new AssertionError("the target never crosses the line of fire");
    }

    /** The last tick of the first run of ticks from which an uncompensated shot hits. */
    private int lastTickAShotHitsFrom() {
        int at = firstTickAShotHitsFrom();
        while (hitTick(fire(at + 1, 0, ShipHistory.NONE)).isPresent()) {
            at++;
        }
        return at;
    }
}
