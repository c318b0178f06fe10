package io.lancers.client.state;

import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.MatchState;
import io.lancers.sim.Ship;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The client's view of one match: the last received worlds, and what to draw at any instant.
 *
 * <p>The network thread feeds {@link #onWorld}; the frame loop calls {@link #onInputSent} and
 * {@link #sample}. Both sides hold one lock for a few microseconds (no I/O inside), so a frame
 * never waits on the network.
 *
 * <p><b>Others</b> are shown in the past, at {@code now - delay}, interpolated between the two
 * received worlds around that instant. Arrival times are mapped to ticks by a timeline
 * ({@code arrival ≈ offset + tick × tickInterval}, following the earliest arrivals); the delay
 * adapts: two tick intervals plus twice the smoothed arrival jitter, growing fast and shrinking
 * slowly. When no newer world is there yet, positions run on their velocity for at most
 * {@link #MAX_EXTRAPOLATION_NANOS}, then stop.
 *
 * <p><b>The own ship</b> is predicted: the latest authoritative own ship with every input the
 * server has not acknowledged yet ({@code Ship.lastInputSeq}) replayed on it. When an
 * authoritative world disagrees with what we predicted, the difference becomes a render offset
 * that decays over about 100 ms, so corrections glide; a huge one (a respawn) snaps.
 *
 * <p><b>Own shots</b> are predicted too ({@link PredictedShots}, players only): drawn from the frame
 * whose input fired them, replaced by the server's projectile's path when it arrives, removed when
 * the server refused them.
 */
public final class ClientWorld {
    /** About two seconds of worlds at 30 Hz; enough for any sane delay. */
    static final int BUFFER_CAPACITY = 64;
    /** Unacknowledged inputs kept for replay; beyond this the oldest are forgotten. */
    static final int PENDING_CAPACITY = 256;
    static final double BASE_DELAY_TICKS = 2.0;
    static final double JITTER_FACTOR = 2.0;
    static final double MIN_DELAY_TICKS = 1.0;
    static final long MAX_DELAY_NANOS = 500_000_000L;
    /** Per arrival: the delay grows towards a larger target quickly and shrinks slowly. */
    static final double DELAY_GROW_GAIN = 0.25;
    static final double DELAY_SHRINK_GAIN = 0.02;
    /** RFC 3550's jitter smoothing. */
    static final double JITTER_GAIN = 1.0 / 16;
    /** The timeline follows a later-arriving server slowly (an earlier arrival at once). */
    static final double TIMELINE_DRIFT_GAIN = 0.02;
    static final long MAX_EXTRAPOLATION_NANOS = 100_000_000L;
    /** Correction offsets decay as exp(-t / this): about 95 % gone after 100 ms. */
    static final double CORRECTION_TIME_CONSTANT_NANOS = 35_000_000.0;

    private final long tickNanos;
    private final float tickSeconds;
    private final ShipMover mover;
    private final int ownId;
    /** Our shots before the server's arrive; null: none predicted (spectators, tests of movement alone). */
    private final PredictedShots shots;

    private final Object lock = new Object();
    private final ArrayDeque<Received> buffer = new ArrayDeque<>();
    private double timelineOffsetNanos;
    private double jitterNanos;
    private double delayNanos;
    private int viewTick; // guarded by lock
    private int lastEventTick = Integer.MIN_VALUE;

    private final ArrayDeque<Input> pending = new ArrayDeque<>();
    private Ship predicted;
    private int predictedTick;
    /** The match of the newest world: its phase says whether inputs move the ship. */
    private MatchState predictedMatch;
    private float correctionX;
    private float correctionY;
    private long correctionSetNanos;

    private record Received(World world, long receivedNanos) {
    }

    /** For a match just joined: its tick rate, its rules on its map, our ship (and shots, if we play). */
    public static ClientWorld forMatch(ServerMessage.Joined joined) {
        Simulation rules = new Simulation(joined.map(), joined.matchConfig());
        int ownId = joined.playerId();
        return new ClientWorld(joined.tickRate(), rules::moveShip, ownId,
                ownId == 0 ? null : new PredictedShots(rules, ownId));
    }

    /**
     * @param tickRate the match's ticks per second ({@code joined.tickRate})
     * @param mover    the movement rule for prediction ({@code simulation::moveShip})
     * @param ownId    our ship's id ({@code joined.playerId}), 0 when spectating: nothing is predicted
     */
    public ClientWorld(int tickRate, ShipMover mover, int ownId) {
        this(tickRate, mover, ownId, null);
    }

    private ClientWorld(int tickRate, ShipMover mover, int ownId, PredictedShots shots) {
        if (tickRate <= 0) {
            throw new IllegalArgumentException("tickRate must be positive: " + tickRate);
        }
        this.tickNanos = 1_000_000_000L / tickRate;
        this.tickSeconds = 1f / tickRate;
        this.mover = mover;
        this.ownId = ownId;
        this.shots = shots;
        this.delayNanos = BASE_DELAY_TICKS * tickNanos;
    }

    /** A new authoritative world (network thread), received at {@code receivedNanos}. */
    public void onWorld(World world, long receivedNanos) {
        synchronized (lock) {
            Received newest = buffer.peekLast();
            if (newest != null && world.tick() <= newest.world().tick()) {
                if (world.tick() == newest.world().tick()) {
                    return; // the snapshot after a resync can repeat the tick we have
                }
                // Time went backwards: another server or a restarted match. Start over.
                buffer.clear();
                lastEventTick = Integer.MIN_VALUE;
                newest = null;
                if (shots != null) {
                    shots.clear();
                }
            }
            updateTimeline(newest, world.tick(), receivedNanos);
            buffer.addLast(new Received(world, receivedNanos));
            if (buffer.size() > BUFFER_CAPACITY) {
                buffer.removeFirst();
            }
            reconcile(world, receivedNanos);
        }
    }

    /** Whether the shot that took {@code before} to {@code after} was a lance: a lance spends a charge (Simulation#moveShip). */
    private static boolean firedLance(Ship before, Ship after) {
        return after.lanceCharges() < before.lanceCharges();
    }

    /** An input we just sent (frame loop): predicted at once, replayed until the server acknowledges it. */
    public void onInputSent(Input input) {
        synchronized (lock) {
            pending.addLast(input);
            if (pending.size() > PENDING_CAPACITY) {
                pending.removeFirst();
            }
            if (predicted != null) {
                Ship before = predicted;
                predicted = mover.move(predicted, input, predictedTick, predictedMatch);
                predictedTick++;
                if (shots != null && predicted.lastFireTick() != before.lastFireTick()) {
                    shots.fire(predicted, firedLance(before, predicted), input.seq(), input.viewTick());
                }
            }
        }
    }

    /** What to draw at {@code nowNanos}; empty until the first world arrived. Cheap; never waits on I/O. */
    public Optional<RenderFrame> sample(long nowNanos) {
        synchronized (lock) {
            if (buffer.isEmpty()) {
                return Optional.empty();
            }
            double renderTick = (nowNanos - delayNanos - timelineOffsetNanos) / tickNanos;
            viewTick = (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.round(renderTick)));
            // Newest first: the render tick is a few ticks behind the newest world, so this takes a few steps
            // where a walk from the oldest took the whole buffer (64 worlds) on every pulse.
            Received from = null;
            Received to = null;
            for (Iterator<Received> it = buffer.descendingIterator(); it.hasNext(); ) {
                Received r = it.next();
                if (r.world().tick() <= renderTick) {
                    from = r;
                    break;
                }
                to = r;
            }
            if (from == null) {
                from = to; // before the oldest world: it stands still
            }
            World base = from.world();
            boolean extrapolating = false;
            List<RenderShip> ships = new ArrayList<>(base.ships().size());
            if (to == null) {
                double ahead = Math.min(renderTick - base.tick(), (double) MAX_EXTRAPOLATION_NANOS / tickNanos);
                extrapolating = ahead > 0;
                float seconds = (float) (Math.max(0, ahead) * tickSeconds);
                for (Ship s : base.ships()) {
                    ships.add(s.alive() ? new RenderShip(s, s.x() + s.vx() * seconds, s.y() + s.vy() * seconds, s.aim())
                            : Interpolation.still(s));
                }
            } else {
                ships.addAll(Interpolation.ships(base, to.world(), renderTick));
            }
            replaceOwn(ships, nowNanos);
            List<RenderProjectile> projectiles = Interpolation.projectiles(base, renderTick, tickSeconds);
            if (shots != null) {
                projectiles = shots.draw(projectiles, renderTick, nowNanos);
            }
            return Optional.of(new RenderFrame(renderTick, buffer.peekLast().world().tick(), base.match(), ships,
                    ownId, projectiles, base.pickups(), eventsUpTo(base.tick()), extrapolating));
        }
    }

    /**
     * The server tick others were last drawn at (the last {@link #sample}'s render tick, rounded);
     * 0 before the first. An input sends it so the server can judge its shot by what was on screen.
     */
    public int viewTick() {
        synchronized (lock) {
            return viewTick;
        }
    }

    /** The current interpolation delay: how far in the past others are shown. */
    public long interpolationDelayNanos() {
        synchronized (lock) {
            return (long) delayNanos;
        }
    }

    /** The smoothed arrival jitter the delay adapts to. */
    public long jitterNanos() {
        synchronized (lock) {
            return (long) jitterNanos;
        }
    }

    /** How many received worlds are buffered. */
    public int bufferedWorlds() {
        synchronized (lock) {
            return buffer.size();
        }
    }

    /**
     * How our predicted shots ended up since the last call (confirmed by the server, with the
     * distance between prediction and truth, or refused); empty when nothing is predicted.
     */
    public List<ShotReport> drainShotReports() {
        synchronized (lock) {
            return shots == null ? List.of() : shots.drainReports();
        }
    }

    /** Inputs sent but not yet acknowledged by the server. */
    public int pendingInputs() {
        synchronized (lock) {
            return pending.size();
        }
    }

    private void updateTimeline(Received previous, int tick, long receivedNanos) {
        double arrivalOffset = receivedNanos - (double) tick * tickNanos;
        if (previous == null) {
            timelineOffsetNanos = arrivalOffset;
            return;
        }
        // The tick grid shifted by the arrival: how much later or earlier than its tick spacing.
        double transitChange = (receivedNanos - previous.receivedNanos())
                - (double) (tick - previous.world().tick()) * tickNanos;
        if (transitChange > MAX_DELAY_NANOS) {
            // A stall longer than any delay (a reconnect, a paused process) is not jitter: start
            // the timeline again from this arrival instead of creeping towards it while starving.
            timelineOffsetNanos = arrivalOffset;
            return;
        }
        jitterNanos += (Math.abs(transitChange) - jitterNanos) * JITTER_GAIN;
        timelineOffsetNanos = arrivalOffset < timelineOffsetNanos ? arrivalOffset
                : timelineOffsetNanos + (arrivalOffset - timelineOffsetNanos) * TIMELINE_DRIFT_GAIN;

        double target = BASE_DELAY_TICKS * tickNanos + JITTER_FACTOR * jitterNanos;
        target = Math.max(MIN_DELAY_TICKS * tickNanos, Math.min(MAX_DELAY_NANOS, target));
        delayNanos += (target - delayNanos) * (target > delayNanos ? DELAY_GROW_GAIN : DELAY_SHRINK_GAIN);
    }

    /** Drops acknowledged inputs, predicts anew from the authoritative own ship, turns the error into a glide. */
    private void reconcile(World world, long receivedNanos) {
        Ship authoritative = ownId == 0 ? null : Interpolation.find(world.ships(), ownId);
        if (shots != null) {
            shots.onWorld(world, authoritative, receivedNanos);
        }
        if (authoritative == null) {
            predicted = null;
            return;
        }
        while (!pending.isEmpty() && pending.peekFirst().seq() <= authoritative.lastInputSeq()) {
            pending.removeFirst();
        }
        Ship replayed = authoritative;
        int tick = world.tick();
        for (Input input : pending) {
            Ship before = replayed;
            replayed = mover.move(replayed, input, tick, world.match());
            tick++;
            if (shots != null && replayed.lastFireTick() != before.lastFireTick()) {
                // The server's cooldown, replayed, can end on an input already sent: its shot too.
                shots.fire(replayed, firedLance(before, replayed), input.seq(), input.viewTick());
            }
        }
        Ship previous = predicted;
        predicted = replayed;
        predictedTick = tick;
        predictedMatch = world.match();
        if (previous == null || previous.alive() != replayed.alive()) {
            clearCorrection(receivedNanos);
            return;
        }
        float decay = correctionDecay(receivedNanos);
        float x = correctionX * decay + (previous.x() - replayed.x());
        float y = correctionY * decay + (previous.y() - replayed.y());
        if (Math.hypot(x, y) > Interpolation.TELEPORT_DISTANCE) {
            clearCorrection(receivedNanos);
        } else {
            correctionX = x;
            correctionY = y;
            correctionSetNanos = receivedNanos;
        }
    }

    private void clearCorrection(long nowNanos) {
        correctionX = 0;
        correctionY = 0;
        correctionSetNanos = nowNanos;
    }

    private float correctionDecay(long nowNanos) {
        return decayAfter(nowNanos - correctionSetNanos);
    }

    /** How much of a correction is left {@code elapsedNanos} after it was made (1 … 0). */
    static float decayAfter(long elapsedNanos) {
        return (float) Math.exp(-Math.max(0, elapsedNanos) / CORRECTION_TIME_CONSTANT_NANOS);
    }

    private void replaceOwn(List<RenderShip> ships, long nowNanos) {
        if (predicted == null) {
            return;
        }
        float decay = correctionDecay(nowNanos);
        RenderShip own = new RenderShip(predicted, predicted.x() + correctionX * decay,
                predicted.y() + correctionY * decay, predicted.aim());
        for (int i = 0; i < ships.size(); i++) {
            if (ships.get(i).ship().id() == ownId) {
                ships.set(i, own);
                return;
            }
        }
        // Not yet at the (past) render tick, but present now: the own ship lives in the present.
        ships.add(own);
    }

    private List<GameEvent> eventsUpTo(int tick) {
        List<GameEvent> events = new ArrayList<>();
        // Newest first, back to the worlds handed out before (a pulse passes a tick or two, not the buffer); each
        // older world's events go before the newer ones'.
        for (Iterator<Received> it = buffer.descendingIterator(); it.hasNext(); ) {
            World w = it.next().world();
            if (w.tick() <= lastEventTick) {
                break;
            }
            if (w.tick() <= tick) {
                events.addAll(0, w.events());
            }
        }
        lastEventTick = Math.max(lastEventTick, tick);
        return events;
    }
}
