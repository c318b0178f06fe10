package io.lancers.client.state;

import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.map.ArenaMap;
import io.lancers.map.SpawnPoint;
import io.lancers.map.Wall;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.MatchState;
import io.lancers.sim.Projectile;
import io.lancers.sim.Ship;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientWorldTest {
    private static final int TICK_RATE = 20;
    private static final long TICK = 1_000_000_000L / TICK_RATE;
    private static final long MS = 1_000_000L;
    private static final long T0 = 5_000_000_000L;
    private static final MatchState MATCH = new MatchState(MatchPhase.PLAYING, 100_000, 0, 7L, 1, 1);

    /** Four units per pressed direction per input: enough physics to tell inputs apart. */
    private static final ShipMover STEPPER = (ship, input, tick, match) -> {
        float dx = (pressed(input, Input.RIGHT) ? 4 : 0) - (pressed(input, Input.LEFT) ? 4 : 0);
        float dy = (pressed(input, Input.DOWN) ? 4 : 0) - (pressed(input, Input.UP) ? 4 : 0);
        return withPosition(ship, ship.x() + dx, ship.y() + dy, input.seq());
    };

    private static boolean pressed(Input input, int button) {
        return (input.buttons() & button) != 0;
    }

    @Test
    void midwayBetweenTwoTicksShowsTheMidpoint() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        cw.onWorld(world(100, ship(2, 0, 0, 0)), T0);
        cw.onWorld(world(101, ship(2, 10, 20, 0)), T0 + TICK);

        long delay = cw.interpolationDelayNanos();
        assertEquals(2 * TICK, delay, "steady arrivals keep the base delay of two ticks");
        RenderFrame frame = cw.sample(T0 + TICK / 2 + delay).orElseThrow();

        assertEquals(100.5, frame.renderTick(), 1e-6);
        RenderShip s = frame.ships().get(0);
        assertEquals(5f, s.x(), 1e-4);
        assertEquals(10f, s.y(), 1e-4);
        assertFalse(frame.extrapolating());
        assertNull(frame.own(), "a spectator has no own ship");
    }

    @Test
    void theViewTickIsTheTickOthersWereLastDrawnAtRounded() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        assertEquals(0, cw.viewTick(), "nothing drawn yet");
        cw.onWorld(world(100, ship(2, 0, 0, 0)), T0);
        cw.onWorld(world(101, ship(2, 10, 20, 0)), T0 + TICK);
        long delay = cw.interpolationDelayNanos();
        cw.sample(T0 + TICK / 4 + delay);
        assertEquals(100, cw.viewTick(), "100.25 on screen");
        cw.sample(T0 + 3 * TICK / 4 + delay);
        assertEquals(101, cw.viewTick(), "100.75 on screen");
    }

    @Test
    void nothingToDrawBeforeTheFirstWorld() {
        assertTrue(new ClientWorld(TICK_RATE, STEPPER, 1).sample(T0).isEmpty());
    }

    @Test
    void delayGrowsWithJitterAndShrinksBack() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        int tick = 0;
        for (; tick < 200; tick++) {
            long lateness = (tick % 2 == 0) ? 0 : 40 * MS;
            cw.onWorld(world(tick, ship(1, 0, 0, 0)), T0 + tick * TICK + lateness);
        }
        long jittered = cw.interpolationDelayNanos();
        assertTrue(jittered > 3 * TICK, "40 ms of jitter must push the delay well past 2 ticks: " + jittered);
        assertTrue(jittered <= ClientWorld.MAX_DELAY_NANOS);

        for (; tick < 800; tick++) {
            cw.onWorld(world(tick, ship(1, 0, 0, 0)), T0 + tick * TICK);
        }
        long calm = cw.interpolationDelayNanos();
        assertTrue(calm < jittered, "the delay shrinks when the jitter is gone");
        assertTrue(calm < 2.2 * TICK, "back to about two ticks: " + calm);
    }

    @Test
    void delayIsClampedUnderWildJitter() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        for (int tick = 0; tick < 300; tick++) {
            long lateness = (tick % 2 == 0) ? 0 : 2_000 * MS;
            cw.onWorld(world(tick, ship(1, 0, 0, 0)), T0 + tick * TICK + lateness);
        }
        assertTrue(cw.interpolationDelayNanos() <= ClientWorld.MAX_DELAY_NANOS);
    }

    @Test
    void aLongStallRestartsTheTimelineInsteadOfStarving() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        for (int tick = 0; tick < 20; tick++) {
            cw.onWorld(world(tick, ship(1, tick, 0, 0)), T0 + tick * TICK);
        }
        long delay = cw.interpolationDelayNanos();
        long resumedAt = T0 + 20 * TICK + 3_000 * MS; // three seconds of nothing, then ticks go on
        cw.onWorld(world(20, ship(1, 20, 0, 0)), resumedAt);
        cw.onWorld(world(21, ship(1, 21, 0, 0)), resumedAt + TICK);

        assertEquals(delay, cw.interpolationDelayNanos(), "a stall is not jitter");
        RenderFrame frame = cw.sample(resumedAt + TICK + delay).orElseThrow();
        assertEquals(21.0, frame.renderTick(), 1e-6);
        assertFalse(frame.extrapolating());
    }

    @Test
    void starvedOthersRunOnBrieflyThenStop() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        Ship moving = new Ship(3, 0, 0, 100, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        cw.onWorld(world(50, moving), T0);
        long delay = cw.interpolationDelayNanos();

        RenderFrame soon = cw.sample(T0 + delay + TICK).orElseThrow();
        assertTrue(soon.extrapolating());
        assertEquals(100f / TICK_RATE, soon.ships().get(0).x(), 1e-3, "one tick ahead on velocity");

        RenderFrame late = cw.sample(T0 + delay + 10 * TICK).orElseThrow();
        float cap = 100f * ClientWorld.MAX_EXTRAPOLATION_NANOS / 1e9f;
        assertEquals(cap, late.ships().get(0).x(), 1e-3, "extrapolation stops at its cap");
    }

    @Test
    void projectilesAreAtTheFractionalRenderTick() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        Projectile p = new Projectile(9, 1, 10, 10, 200, -100, 98, 10);
        cw.onWorld(new World(100, MATCH, List.of(), List.of(p), List.of(), List.of()), T0);
        cw.onWorld(new World(101, MATCH, List.of(), List.of(p), List.of(), List.of()), T0 + TICK);
        RenderFrame frame = cw.sample(T0 + TICK / 4 + cw.interpolationDelayNanos()).orElseThrow();
        var rp = frame.projectiles().get(0);
        float seconds = 2.25f / TICK_RATE;
        assertEquals(10 + 200 * seconds, rp.x(), 1e-3);
        assertEquals(10 - 100 * seconds, rp.y(), 1e-3);
    }

    @Test
    void eventsAreDeliveredOnceWhenTheirTickIsPassed() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        GameEvent kill = new GameEvent.Kill(1, 2);
        cw.onWorld(world(10, ship(1, 0, 0, 0)), T0);
        cw.onWorld(new World(11, MATCH, List.of(ship(1, 0, 0, 0)), List.of(), List.of(), List.of(kill)), T0 + TICK);
        long delay = cw.interpolationDelayNanos();

        cw.sample(T0 + delay);  // render tick 10: consumes tick 10's (empty) events
        assertEquals(List.of(), cw.sample(T0 + delay + TICK / 2).orElseThrow().events());
        assertEquals(List.of(kill), cw.sample(T0 + delay + TICK).orElseThrow().events());
        assertEquals(List.of(), cw.sample(T0 + delay + TICK + TICK / 2).orElseThrow().events());
    }

    /** A pulse that passes several ticks at once hands out their events oldest first, none of a later tick. */
    @Test
    void eventsOfSeveralTicksPassedAtOnceComeOldestFirst() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        List<GameEvent> kills = new ArrayList<>();
        for (int tick = 10; tick <= 16; tick++) {
            GameEvent kill = new GameEvent.Kill(tick, 2);
            kills.add(kill);
            cw.onWorld(new World(tick, MATCH, List.of(ship(1, 0, 0, 0)), List.of(), List.of(), List.of(kill)),
                    T0 + (tick - 10) * TICK);
        }
        long delay = cw.interpolationDelayNanos();

        assertEquals(kills.subList(0, 1), cw.sample(T0 + delay).orElseThrow().events());
        assertEquals(kills.subList(1, 4), cw.sample(T0 + delay + 3 * TICK).orElseThrow().events());
        assertEquals(List.of(), cw.sample(T0 + delay + 3 * TICK).orElseThrow().events());
        assertEquals(kills.subList(4, 6), cw.sample(T0 + delay + 5 * TICK).orElseThrow().events());
    }

    @Test
    void predictionWithoutLatencyEqualsTheServer() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 1);
        Ship server = ship(1, 0, 0, 0);
        cw.onWorld(world(10, server), T0);
        Input right = new Input(1, Input.RIGHT, 0f);
        cw.onInputSent(right);
        server = STEPPER.move(server, right, 11, MATCH);
        cw.onWorld(world(11, server), T0 + TICK);

        RenderShip own = cw.sample(T0 + TICK).orElseThrow().own();
        assertEquals(server, own.ship());
        assertEquals(server.x(), own.x());
        assertEquals(server.y(), own.y());
        assertEquals(0, cw.pendingInputs());
    }

    @Test
    void ownShipIsDrawnAheadOfTheServerByTheUnacknowledgedInputs() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 1);
        cw.onWorld(world(10, ship(1, 0, 0, 0)), T0);
        for (int seq = 1; seq <= 5; seq++) {
            cw.onInputSent(new Input(seq, Input.DOWN, 0f));
        }
        assertEquals(20f, cw.sample(T0).orElseThrow().own().y(), 1e-4);

        cw.onWorld(world(11, ship(1, 0, 12, 3)), T0 + TICK);
        assertEquals(2, cw.pendingInputs(), "inputs 1..3 are acknowledged and dropped");
        assertEquals(20f, cw.sample(T0 + TICK).orElseThrow().own().y(), 1e-4);
    }

    @Test
    void correctionGlidesAndConverges() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 1);
        cw.onWorld(world(10, ship(1, 0, 0, 0)), T0);
        cw.onInputSent(new Input(1, Input.RIGHT, 0f));
        assertEquals(4f, cw.sample(T0).orElseThrow().own().x(), 1e-4);

        // The server disagrees by 20 units (we were pushed by something we could not predict).
        long corrected = T0 + TICK;
        cw.onWorld(world(11, ship(1, -16, 0, 1)), corrected);

        float previous = 4f;
        long frame = 16 * MS;
        for (long t = corrected; t <= corrected + 400 * MS; t += frame) {
            float x = cw.sample(t).orElseThrow().own().x();
            assertTrue(Math.abs(x - previous) <= 8f, "no jump larger than 8 units per frame: " + previous + " -> " + x);
            previous = x;
        }
        assertEquals(-16f, previous, 0.01f, "converged on the server's position");
    }

    @Test
    void hugeCorrectionSnaps() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 1);
        cw.onWorld(world(10, ship(1, 0, 0, 0)), T0);
        cw.onInputSent(new Input(1, Input.RIGHT, 0f));
        cw.onWorld(world(11, ship(1, 500, 300, 1)), T0 + TICK);
        RenderShip own = cw.sample(T0 + TICK).orElseThrow().own();
        assertEquals(500f, own.x());
        assertEquals(300f, own.y());
    }

    @Test
    void aRestartedTimelineStartsOver() {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 0);
        cw.onWorld(world(500, ship(1, 0, 0, 0)), T0);
        cw.onWorld(world(501, ship(1, 0, 0, 0)), T0 + TICK);
        cw.onWorld(world(3, ship(1, 7, 0, 0)), T0 + 2 * TICK);
        assertEquals(1, cw.bufferedWorlds());
        assertEquals(3, cw.sample(T0 + 3 * TICK).orElseThrow().latestTick());
    }

    @Test
    void anglesInterpolateAlongTheShorterArc() {
        float a = Interpolation.lerpAngle((float) (2 * Math.PI - 0.1), 0.1f, 0.5f);
        assertTrue(a < 1e-4 || a > 2 * Math.PI - 1e-4, "half way across 0 is 0: " + a);
        assertEquals(0.75f, Interpolation.lerpAngle(0.5f, 1.0f, 0.5f), 1e-6);
    }

    /**
     * Whatever the inputs and however late the server acknowledges them, when the server moves
     * ships by the same rule the prediction equals the server's state once everything is acked,
     * and no correction is ever needed on the way.
     */
    @Property(tries = 200)
    void predictionAgreesWithAServerThatAppliesTheSameInputs(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 31) Integer> buttons,
            @ForAll @IntRange(min = 0, max = 6) int latencyTicks) {
        ClientWorld cw = new ClientWorld(TICK_RATE, STEPPER, 1);
        Ship server = ship(1, 100, 100, 0);
        int tick = 0;
        cw.onWorld(world(tick, server), T0);
        List<Input> sent = new ArrayList<>();
        Ship expected = server;
        for (int i = 0; i < buttons.size() + latencyTicks; i++) {
            if (i < buttons.size()) {
                Input input = new Input(i + 1, buttons.get(i), 0f);
                sent.add(input);
                cw.onInputSent(input);
                expected = STEPPER.move(expected, input, 0, MATCH);
            }
            int arrived = i - latencyTicks;
            if (arrived >= 0 && arrived < sent.size()) {
                server = STEPPER.move(server, sent.get(arrived), tick + 1, MATCH);
            }
            tick++;
            long now = T0 + tick * TICK;
            cw.onWorld(world(tick, server), now);
            RenderShip own = cw.sample(now).orElseThrow().own();
            assertEquals(expected.x(), own.x(), 1e-3);
            assertEquals(expected.y(), own.y(), 1e-3);
        }
        assertEquals(0, cw.pendingInputs());
    }

    /**
     * With the real rules: the server steps its world with our inputs arriving {@code latencyTicks}
     * late; what we draw for our ship is always where the server will have it once it has applied
     * every input we sent so far, and at the end both agree exactly.
     */
    @Property(tries = 60)
    void predictionWithTheRealRulesMatchesTheServerStep(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 31) Integer> buttons,
            @ForAll @IntRange(min = 0, max = 5) int latencyTicks) {
        ArenaMap map = new ArenaMap("box", "Box", 1000, 600, List.of(new Wall(480, 200, 40, 200)),
                List.of(new SpawnPoint(400, 300)), List.of());
        MatchConfig config = new MatchConfig(60, 300, 0, 10, 3);
        Simulation sim = new Simulation(map, config);
        ClientWorld cw = ClientWorld.forMatch(new ServerMessage.Joined("m1", "player", 1, "token", false, 60,
                new ServerMessage.Rules(300, 0, 10, 3), map));

        World server = sim.step(sim.addShip(sim.newMatch(42L, 0, 1), 1), Map.of()); // the step spawns it
        assertTrue(server.ships().get(0).alive(), "a living ship, or nothing would move");
        long now = T0;
        cw.onWorld(server, now);
        List<Input> sent = new ArrayList<>();
        Ship expected = server.ships().get(0);
        for (int i = 0; i < buttons.size() + latencyTicks; i++) {
            if (i < buttons.size()) {
                Input input = new Input(i + 1, buttons.get(i), i * 0.3f);
                sent.add(input);
                cw.onInputSent(input);
                expected = sim.moveShip(expected, input, server.tick() + latencyTicks, server.match());
            }
            int arrived = i - latencyTicks;
            server = sim.step(server, arrived >= 0 ? Map.of(1, sent.get(arrived)) : Map.of());
            now += 1_000_000_000L / 60;
            cw.onWorld(server, now);
            RenderShip own = cw.sample(now).orElseThrow().own();
            assertEquals(expected.x(), own.x(), 1e-3);
            assertEquals(expected.y(), own.y(), 1e-3);
        }
        assertEquals(server.ships().get(0).x(), expected.x());
        assertEquals(server.ships().get(0).y(), expected.y());
    }

    /** The server freezes every ship at the intermission: so must our prediction, or the ship drifts and snaps back. */
    @Test
    void duringAnIntermissionInputsDoNotMoveTheOwnShip() {
        ArenaMap map = new ArenaMap("box", "Box", 1000, 600, List.of(), List.of(new SpawnPoint(400, 300)), List.of());
        Simulation sim = new Simulation(map, new MatchConfig(60, 300, 0, 10, 3));
        ClientWorld cw = new ClientWorld(TICK_RATE, sim::moveShip, 1);
        MatchState intermission = new MatchState(MatchPhase.INTERMISSION, 100_000, 0, 7L, 1, 1);
        cw.onWorld(new World(100, intermission, List.of(ship(1, 400, 300, 0)), List.of(), List.of(), List.of()), T0);
        for (int seq = 1; seq <= 5; seq++) {
            cw.onInputSent(new Input(seq, Input.RIGHT | Input.DOWN, 0f));
        }
        RenderShip own = cw.sample(T0 + TICK).orElseThrow().own();
        assertEquals(400f, own.x(), 1e-4);
        assertEquals(300f, own.y(), 1e-4);
    }

    private static World world(int tick, Ship... ships) {
        return new World(tick, MATCH, List.of(ships), List.of(), List.of(), List.of());
    }

    private static Ship ship(int id, float x, float y, int lastInputSeq) {
        return new Ship(id, x, y, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, lastInputSeq);
    }

    private static Ship withPosition(Ship s, float x, float y, int lastInputSeq) {
        return new Ship(s.id(), x, y, s.vx(), s.vy(), s.aim(), s.health(), s.respawnTick(), s.invulnerableUntil(),
                s.powerUntil(), s.lastFireTick(), s.kills(), s.deaths(), lastInputSeq);
    }
}
