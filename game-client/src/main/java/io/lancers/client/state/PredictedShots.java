package io.lancers.client.state;

import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.sim.Projectile;
import io.lancers.sim.Ship;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The own shots drawn before the server's arrive (docs/PROTOCOL.md §17.1). Not thread-safe:
 * {@link ClientWorld} calls it under its lock.
 *
 * <p>A shot is predicted with the shared rules ({@link Simulation#shot}) the moment an input fires
 * it, from the predicted ship, and flies in the timeline others are drawn in: it was fired at the
 * input's view tick, which is where a compensated server starts it too ({@code spawnTick}), so on a
 * healthy link the server's projectile flies the very same path. It carries a negative id
 * ({@code -1, -2, …}) so it can never be taken for a server projectile.
 *
 * <p><b>Matching.</b> Each server fire of ours (a new own projectile id, or the own ship's
 * {@code lastFireTick} moving on without one: a shot that hit during its rewind) takes the oldest
 * waiting predicted shot whose input the server may have applied by then ({@code seq ≤ ack +
 * }{@link #SEQ_SLACK}: the server merges inputs that arrive together, so its cooldown can end an
 * input earlier or later than ours). From then on the predicted shot follows the server's path,
 * any difference gliding away like the own ship's, replaces the server's projectile in the drawing
 * and ends where that one ends. Beyond the server's cap the server starts shots later than the view
 * tick; the lag of the last confirmed shot is learnt and the next shot predicted with it (it waits
 * at its muzzle until the drawn timeline reaches its start, as the server's would). A predicted shot still unmatched once the server has applied
 * {@link #SEQ_SLACK} inputs after it (a round trip and a margin) was refused: it is removed. Before
 * a match it stops at walls ({@link Simulation#flightEnd}); ships it may hit are the server's call.
 */
final class PredictedShots {
    /** Inputs by which the server's cooldown may end earlier or later than the prediction's. */
    static final int SEQ_SLACK = 6;
    /** Shots waiting or flying at once; far more than the cooldown allows in a projectile's lifetime. */
    static final int CAPACITY = 32;
    /** Match reports kept for whoever reads them ({@link #drainReports}). */
    static final int REPORT_CAPACITY = 64;

    private static final class Shot {
        final int seq;
        final Projectile predicted;
        final int predictedEnd;
        Projectile path; // what is drawn: the predicted one, then the server's
        int serverId; // 0 until matched
        int goneTick = Integer.MAX_VALUE; // first tick the server's world no longer holds it
        float offsetX;
        float offsetY;
        long offsetSetNanos;

        Shot(int seq, Projectile predicted, int predictedEnd) {
            this.seq = seq;
            this.predicted = predicted;
            this.predictedEnd = predictedEnd;
            this.path = predicted;
        }
    }

    private final Simulation rules;
    private final int ownId;
    private final float tickSeconds;
    /** One input per tick: no two shots of one timeline are fewer inputs apart. */
    private final int cooldownInputs;
    private final List<Shot> shots = new ArrayList<>();
    private final List<ShotReport> reports = new ArrayList<>();
    private int nextLocalId = -1;
    private int lastServerShotId;
    private int lastServerFireTick;
    private double lastRenderTick;
    /**
     * How many ticks after our view tick the server started our last confirmed shot: 0 when it
     * compensates the whole delay, more beyond its cap (or without compensation). Learnt, so that
     * on a steady link beyond the cap the next shot is predicted where the server will start it.
     */
    private int lagTicks;

    PredictedShots(Simulation rules, int ownId) {
        this.rules = rules;
        this.ownId = ownId;
        this.tickSeconds = rules.config().dt();
        this.cooldownInputs = rules.fireCooldownTicks();
    }

    /**
     * The input {@code seq} made the predicted ship {@code shooter} fire (a lance or the gun) at its
     * {@code lastFireTick}; {@code viewTick} is the tick others were drawn at (0: unknown, then the
     * shot starts at the fire tick). Called when an input is sent and again when a new world's
     * replay of the unacknowledged inputs fires: a shot predicted less than a cooldown of inputs
     * away is that same shot.
     */
    void fire(Ship shooter, boolean lance, int seq, int viewTick) {
        for (Shot s : shots) {
            if (Math.abs(s.seq - seq) < cooldownInputs) {
                return; // already predicted: one cooldown holds one shot, wherever a replay found it to end
            }
        }
        int now = shooter.lastFireTick();
        int spawnTick = viewTick > 0 && viewTick < now ? Math.min(now, viewTick + lagTicks) : now;
        Projectile shot = rules.shot(shooter, lance, nextLocalId, now, spawnTick);
        if (shot == null) {
            return; // the nose is in a wall: the server spends the shot on it too
        }
        nextLocalId = nextLocalId == Integer.MIN_VALUE ? -1 : nextLocalId - 1;
        if (shots.size() == CAPACITY) {
            shots.remove(0);
        }
        shots.add(new Shot(seq, shot, rules.flightEnd(shot)));
    }

    /** An authoritative world with our ship {@code own} (null: not in it) arrived at {@code nowNanos}. */
    void onWorld(World world, Ship own, long nowNanos) {
        List<Projectile> fresh = new ArrayList<>(2);
        int newestId = lastServerShotId;
        for (Projectile p : world.projectiles()) {
            if (p.ownerId() == ownId && p.id() > lastServerShotId) {
                fresh.add(p);
                newestId = Math.max(newestId, p.id());
            }
        }
        fresh.sort((a, b) -> Integer.compare(a.id(), b.id()));
        lastServerShotId = newestId;
        int ack = own == null ? Integer.MAX_VALUE : own.lastInputSeq();
        boolean fired = own != null && own.lastFireTick() != 0 && own.lastFireTick() != lastServerFireTick;
        if (own != null) {
            lastServerFireTick = own.lastFireTick();
        }
        int fires = Math.max(fresh.size(), fired ? 1 : 0);
        for (int i = 0; i < fires; i++) {
            Shot waiting = oldestWaiting(ack);
            if (waiting == null) {
                break; // fired by inputs we did not predict a shot for: drawn as the server sends it
            }
            if (i < fresh.size()) {
                confirm(waiting, fresh.get(i), world.tick(), nowNanos);
            } else {
                // The server's shot ended within its first step (a hit during its rewind).
                shots.remove(waiting);
                report(new ShotReport(waiting.predicted.id(), waiting.seq, true, 0f, 0));
            }
        }
        for (Iterator<Shot> it = shots.iterator(); it.hasNext(); ) {
            Shot s = it.next();
            if (s.serverId == 0 && ack != Integer.MAX_VALUE && ack - s.seq >= SEQ_SLACK) {
                it.remove();
                report(new ShotReport(s.predicted.id(), s.seq, false, 0f, 0));
            } else if (s.serverId != 0 && s.goneTick == Integer.MAX_VALUE && !holds(world, s.serverId)) {
                s.goneTick = world.tick();
            }
        }
    }

    /**
     * The projectiles to draw at {@code renderTick}: {@code interpolated} (the server's) without
     * those a predicted shot stands for, and the predicted shots still flying.
     */
    List<RenderProjectile> draw(List<RenderProjectile> interpolated, double renderTick, long nowNanos) {
        lastRenderTick = renderTick;
        shots.removeIf(s -> renderTick >= s.goneTick);
        if (shots.isEmpty()) {
            return interpolated;
        }
        List<RenderProjectile> drawn = new ArrayList<>(interpolated.size() + shots.size());
        for (RenderProjectile rp : interpolated) {
            if (!standsFor(rp.projectile().id())) {
                drawn.add(rp);
            }
        }
        for (Shot s : shots) {
            if (s.serverId == 0 && renderTick >= s.predictedEnd) {
                continue; // stopped at a wall; kept until the server's answer
            }
            float decay = s.serverId == 0 ? 0f : ClientWorld.decayAfter(nowNanos - s.offsetSetNanos);
            drawn.add(Interpolation.projectile(s.path, Math.max(renderTick, s.path.spawnTick()), tickSeconds,
                    s.offsetX * decay, s.offsetY * decay));
        }
        return drawn;
    }

    /** Match reports since the last call, oldest first (at most {@link #REPORT_CAPACITY}). */
    List<ShotReport> drainReports() {
        List<ShotReport> out = List.copyOf(reports);
        reports.clear();
        return out;
    }

    /** Shots predicted and not yet over. */
    int flying() {
        return shots.size();
    }

    /** Forgets everything: a new match or another server. */
    void clear() {
        shots.clear();
        lastServerShotId = 0;
        lastServerFireTick = 0;
        lagTicks = 0;
    }

    private Shot oldestWaiting(int ack) {
        for (Shot s : shots) {
            if (s.serverId == 0 && s.seq <= (long) ack + SEQ_SLACK) {
                return s;
            }
        }
        return null;
    }

    private void confirm(Shot s, Projectile server, int worldTick, long nowNanos) {
        // Where it was last drawn minus where the server's is then: the glide starts from there.
        double at = Math.max(lastRenderTick, s.predicted.spawnTick());
        RenderProjectile drawn = at(s.predicted, at);
        RenderProjectile truth = at(server, Math.max(at, server.spawnTick()));
        s.offsetX = drawn.x() - truth.x();
        s.offsetY = drawn.y() - truth.y();
        if (Math.hypot(s.offsetX, s.offsetY) > Interpolation.TELEPORT_DISTANCE) {
            s.offsetX = 0;
            s.offsetY = 0;
        }
        s.offsetSetNanos = nowNanos;
        s.serverId = server.id();
        s.path = new Projectile(s.predicted.id(), server.ownerId(), server.x0(), server.y0(), server.vx(),
                server.vy(), server.spawnTick(), server.damage());
        int lag = server.spawnTick() - s.predicted.spawnTick();
        lagTicks = Math.max(0, lagTicks + lag);
        report(new ShotReport(s.predicted.id(), s.seq, true, distance(s.predicted, server, worldTick), lag));
    }

    private boolean standsFor(int projectileId) {
        for (Shot s : shots) {
            if (s.serverId == projectileId) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(World world, int projectileId) {
        for (Projectile p : world.projectiles()) {
            if (p.id() == projectileId) {
                return true;
            }
        }
        return false;
    }

    private void report(ShotReport r) {
        if (reports.size() == REPORT_CAPACITY) {
            reports.remove(0);
        }
        reports.add(r);
    }

    private RenderProjectile at(Projectile p, double tick) {
        return Interpolation.projectile(p, tick, tickSeconds, 0f, 0f);
    }

    private float distance(Projectile a, Projectile b, double tick) {
        RenderProjectile pa = at(a, tick);
        RenderProjectile pb = at(b, tick);
        return (float) Math.hypot(pa.x() - pb.x(), pa.y() - pb.y());
    }
}
