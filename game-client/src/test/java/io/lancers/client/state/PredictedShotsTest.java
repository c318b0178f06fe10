package io.lancers.client.state;

import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.map.ArenaMap;
import io.lancers.map.SpawnPoint;
import io.lancers.map.Wall;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.ShipHistory;
import io.lancers.sim.Ship;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Predicted shots against the real rules and a server stepped tick by tick behind a link of a
 * whole number of ticks each way: a frame is one tick, the client sends one input per frame.
 */
class PredictedShotsTest {
    private static final int TICK_RATE = 60;
    private static final long TICK = 1_000_000_000L / TICK_RATE;
    private static final long T0 = 5_000_000_000L;
    private static final int OWN = 1;
    /** A wide box with one wall on the right: shots fired left from the spawn fly their whole life. */
    private static final ArenaMap MAP = new ArenaMap("box", "Box", 3000, 600,
            List.of(new Wall(2900, 0, 40, 600)), List.of(new SpawnPoint(2000, 300)), List.of());
    /** The same box, the spawn 100 units left of the wall. */
    private static final ArenaMap NEAR_THE_WALL = new ArenaMap("box", "Box", 3000, 600,
            List.of(new Wall(2900, 0, 40, 600)), List.of(new SpawnPoint(2800, 300)), List.of());
    private static final MatchConfig CONFIG = new MatchConfig(TICK_RATE, 300, 0, 10, 3);
    private static final float AIM_LEFT = (float) Math.PI;

    /** The server, the link and the client, one tick per {@link #frame}. */
    private static final class Link {
        final Simulation sim;
        final ClientWorld client;
        final ShipHistory history;
        final int upTicks;
        final int downTicks;
        final ArrayDeque<Input> upstream = new ArrayDeque<>();
        final ArrayDeque<World> downstream = new ArrayDeque<>();
        World server;
        long now = T0;
        int seq;
        /** When the server refuses: it never lets this ship fire (a server-side cooldown we do not know). */
        boolean serverRefuses;
        /** Every seventh tick no input arrives, the next tick two: a link that bunches. */
        boolean bunching;
        private Input applied = Input.IDLE;

        private Input drain(int count) {
            List<Input> batch = new ArrayList<>();
            for (int i = 0; i < count && upstream.size() > upTicks - (count - 1 - i) && !upstream.isEmpty(); i++) {
                batch.add(upstream.removeFirst());
            }
            applied = merge(batch, applied);
            return applied;
        }

        Link(int upTicks, int downTicks, int capTicks, int ownId) {
            this(MAP, upTicks, downTicks, capTicks, ownId);
        }

        Link(ArenaMap map, int upTicks, int downTicks, int capTicks, int ownId) {
            sim = new Simulation(map, CONFIG);
            this.upTicks = upTicks;
            this.downTicks = downTicks;
            this.history = new ShipHistory(capTicks);
            client = ClientWorld.forMatch(new ServerMessage.Joined("m1", "p", ownId, "token", false, TICK_RATE,
                    new ServerMessage.Rules(300, 0, 10, 3), map));
            server = sim.step(sim.addShip(sim.newMatch(7L, 0, 1), OWN), Map.of());
            history.record(server);
            for (int i = 0; i < downTicks; i++) {
                downstream.add(server);
            }
            for (int i = 0; i < upTicks; i++) {
                upstream.add(Input.IDLE);
            }
        }

        /** One frame: send an input (its view tick from the last sample), step the server, deliver, sample. */
        RenderFrame frame(int buttons) {
            return frame(buttons, AIM_LEFT);
        }

        RenderFrame frame(int buttons, float aim) {
            Input input = new Input(++seq, buttons, aim, client.viewTick());
            client.onInputSent(input);
            upstream.add(input);
            Input arrived = drain(bunching && server.tick() % 7 == 3 ? 0 : bunching && server.tick() % 7 == 4 ? 2 : 1);
            if (serverRefuses) {
                arrived = new Input(arrived.seq(), arrived.buttons() & ~Input.FIRE, arrived.aim(), arrived.viewTick());
            }
            server = sim.step(server, arrived == Input.IDLE ? Map.of() : Map.of(OWN, arrived), history);
            history.record(server);
            downstream.add(server);
            client.onWorld(downstream.removeFirst(), now);
            RenderFrame f = client.sample(now).orElseThrow();
            now += TICK;
            return f;
        }
    }

    /**
     * What the server's input queue hands the tick: {@code count} inputs merged (the latest buttons and
     * aim, FIRE if any fired, the view tick of the latest that fired), none: the previous one again.
     */
    private static Input merge(List<Input> inputs, Input previous) {
        if (inputs.isEmpty()) {
            return previous;
        }
        Input latest = inputs.get(inputs.size() - 1);
        Input fired = null;
        for (Input in : inputs) {
            fired = (in.buttons() & Input.FIRE) != 0 ? in : fired;
        }
        return fired == null ? latest
                : new Input(latest.seq(), latest.buttons() | Input.FIRE, latest.aim(), fired.viewTick());
    }

    private static List<RenderProjectile> own(RenderFrame f) {
        return f.projectiles().stream().filter(p -> p.projectile().ownerId() == OWN).toList();
    }

    /** Frames until the spawn shield is gone and the world flowed both ways: a settled link. */
    private static void settle(Link link) {
        for (int i = 0; i < 150; i++) {
            link.frame(0);
        }
    }

    @Property(tries = 12)
    void theShotIsDrawnInTheFrameThatFiredItAndBecomesTheServersWithoutAJumpOrADouble(
            @ForAll @IntRange(min = 0, max = 3) int oneWayTicks) {
        // Within the cap of 9 ticks: the round trip, the interpolation delay of 2 ticks and the frame.
        Link link = new Link(oneWayTicks, oneWayTicks, 9, OWN);
        settle(link);
        link.client.drainShotReports();

        List<RenderProjectile> first = own(link.frame(Input.FIRE));
        assertEquals(1, first.size(), "drawn in the very frame whose input fired it");
        assertTrue(first.get(0).projectile().id() < 0, "a predicted shot, not yet the server's");
        RenderProjectile previous = first.get(0);
        float step = 900f / TICK_RATE;
        for (int i = 0; i < 50; i++) {
            RenderFrame fr = link.frame(0);
            List<RenderProjectile> shots = own(fr);
            assertEquals(1, shots.size(), "one projectile, never the predicted and the server's both");
            RenderProjectile now = shots.get(0);
            assertEquals(previous.projectile().id(), now.projectile().id(), "the same shot all along");
            assertEquals(previous.x() - step, now.x(), 0.2f, "flies on at its speed, no jump (frame " + i + ", one way " + oneWayTicks + ")");
            assertEquals(previous.y(), now.y(), 0.2f);
            previous = now;
        }
        List<ShotReport> reports = link.client.drainShotReports();
        assertEquals(1, reports.size());
        assertTrue(reports.get(0).confirmed());
        assertEquals(0, reports.get(0).lagTicks(), "the server started it at our view tick");
        assertEquals(0f, reports.get(0).errorUnits(), 0.2f, "where we drew it (within the position grid)");
    }

    /** The server hands the own ship lance charges (as a lance pickup would); the client learns them from the next worlds. */
    private static void arm(Link link, int charges) {
        List<Ship> ships = link.server.ships().stream().map(s -> s.id() != OWN ? s : new Ship(s.id(), s.x(), s.y(),
                s.vx(), s.vy(), s.aim(), s.health(), s.respawnTick(), s.invulnerableUntil(), s.powerUntil(),
                s.lastFireTick(), s.kills(), s.deaths(), s.lastInputSeq(), charges)).toList();
        World w = link.server;
        link.server = new World(w.tick(), w.match(), ships, w.projectiles(), w.pickups(), w.events());
        for (int i = 0; i < 10; i++) {
            link.frame(0);
        }
    }

    @Test
    void aLanceIsPredictedWhileTheShipHoldsChargesAndNotOnceTheyAreSpent() {
        Link link = new Link(2, 2, 9, OWN);
        settle(link);
        arm(link, 1);
        link.client.drainShotReports();
        List<RenderProjectile> lance = own(link.frame(Input.LANCE));
        assertEquals(1, lance.size(), "predicted in the frame that fired it");
        assertTrue(lance.get(0).projectile().lance(), "a lance, at the lance's speed");
        for (int i = 0; i < 2 * TICK_RATE; i++) {
            link.frame(Input.LANCE);
        }
        List<ShotReport> reports = link.client.drainShotReports();
        assertEquals(1, reports.size(), "one charge, one lance: held on, the spent lance predicts nothing more");
        assertTrue(reports.get(0).confirmed(), "and the server fired that very lance");
    }

    @Test
    void heldFireRepeatsWithTheServersCooldownAndEveryShotIsConfirmed() {
        Link link = new Link(5, 5, 9, OWN);
        settle(link);
        link.client.drainShotReports();
        int predictedMax = 0;
        for (int i = 0; i < 120; i++) {
            List<RenderProjectile> shots = own(link.frame(Input.FIRE));
            predictedMax = Math.max(predictedMax, shots.size());
            for (int a = 0; a < shots.size(); a++) {
                for (int b = a + 1; b < shots.size(); b++) {
                    assertTrue(Math.abs(shots.get(a).x() - shots.get(b).x()) > 100,
                            "shots a cooldown apart, never one drawn twice: " + shots);
                }
            }
        }
        for (int i = 0; i < 30; i++) {
            link.frame(0);
        }
        List<ShotReport> reports = link.client.drainShotReports();
        assertEquals(8, reports.size(), "two seconds of held fire at a 0.25 s cooldown");
        assertTrue(reports.stream().allMatch(ShotReport::confirmed), reports.toString());
        assertTrue(predictedMax >= 4, "several in flight at once");
    }

    @Test
    void inputsThatBunchOnTheWayDoNotMakeTheServerRefuseOrAddShots() {
        Link link = new Link(4, 4, 9, OWN);
        link.bunching = true;
        settle(link);
        link.client.drainShotReports();
        List<ShotReport> reports = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            List<RenderProjectile> shots = own(link.frame(Input.FIRE));
            assertTrue(shots.stream().allMatch(p -> p.projectile().id() < 0), "no server shot we did not predict: " + shots);
            reports.addAll(link.client.drainShotReports());
        }
        assertTrue(reports.size() >= 14, "four seconds of held fire: " + reports.size());
        assertTrue(reports.stream().allMatch(ShotReport::confirmed), "none refused: " + reports);
    }

    @Test
    void beyondTheCapTheFirstShotIsCorrectedAndTheNextPredictedWithTheServersLag() {
        Link link = new Link(12, 12, 9, OWN); // 400 ms round trip, a 150 ms cap
        settle(link);
        link.client.drainShotReports();
        link.frame(Input.FIRE);
        for (int i = 0; i < 120; i++) { // its whole life, and the round trip
            assertTrue(own(link.frame(0)).size() <= 1, "never two");
        }
        ShotReport first = link.client.drainShotReports().get(0);
        assertTrue(first.confirmed());
        assertTrue(first.lagTicks() > 0, "the cap left part of the delay uncompensated: " + first);
        assertTrue(first.errorUnits() > 0, "so the first prediction was ahead: " + first);

        List<RenderProjectile> shown = own(link.frame(Input.FIRE));
        assertEquals(1, shown.size(), "drawn in the frame that fired it");
        RenderProjectile previous = shown.get(0);
        for (int i = 0; i < 60; i++) {
            List<RenderProjectile> shots = own(link.frame(0));
            assertEquals(1, shots.size(), "one, all along");
            float moved = previous.x() - shots.get(0).x();
            assertTrue(moved > -0.2f && moved < 900f / TICK_RATE + 0.2f,
                    "waits at its muzzle, then flies on: no jump (" + moved + " in frame " + i + ")");
            previous = shots.get(0);
        }
        ShotReport second = link.client.drainShotReports().get(0);
        // The view tick is the render tick rounded: on a steady link it can land a tick either way.
        assertTrue(Math.abs(second.lagTicks()) <= 1, "predicted with the learnt lag: " + second);
        assertTrue(second.errorUnits() < first.errorUnits() / 4, "close to the server's: " + second + " after " + first);
    }

    @Test
    void aShotTheServerRefusesIsRemovedOnceTheServerHasAppliedInputsBeyondIt() {
        Link link = new Link(4, 4, 9, OWN);
        settle(link);
        link.client.drainShotReports();
        link.serverRefuses = true;
        assertEquals(1, own(link.frame(Input.FIRE)).size(), "predicted at once");
        int framesShown = 0;
        while (!own(link.frame(0)).isEmpty()) {
            framesShown++;
            assertTrue(framesShown < 30, "removed within a round trip and a margin");
        }
        assertTrue(framesShown >= 8, "not before the server could have answered: " + framesShown);
        List<ShotReport> reports = link.client.drainShotReports();
        assertEquals(1, reports.size());
        assertFalse(reports.get(0).confirmed());
    }

    @Test
    void aSpectatorPredictsNothing() {
        Link link = new Link(3, 3, 9, 0);
        for (int i = 0; i < 60; i++) {
            assertTrue(link.frame(Input.FIRE).projectiles().stream().allMatch(p -> p.projectile().id() > 0),
                    "only the server's projectiles");
        }
        assertTrue(link.client.drainShotReports().isEmpty());
    }

    @Test
    void aPredictedShotStopsAtAWallBeforeTheServerAnswers() {
        Link link = new Link(NEAR_THE_WALL, 8, 8, 9, OWN); // the answer takes longer than the flight
        settle(link);
        assertEquals(1, own(link.frame(Input.FIRE, 0f)).size());
        float last = 0;
        for (List<RenderProjectile> shots; !(shots = own(link.frame(0, 0f))).isEmpty(); ) {
            last = shots.get(0).x();
            assertTrue(last < 2900 + 900f / TICK_RATE, "never drawn beyond the wall's edge and a tick: " + last);
        }
        assertTrue(last > 2900 - 900f / TICK_RATE, "drawn up to the wall, then not: last at " + last);
        for (int i = 0; i < 30; i++) {
            assertTrue(own(link.frame(0, 0f)).isEmpty(), "and not again when the server's arrives");
        }
        assertTrue(link.client.drainShotReports().stream().allMatch(ShotReport::confirmed));
    }
}
