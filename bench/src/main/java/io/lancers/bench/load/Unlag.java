package io.lancers.bench.load;

import io.lancers.client.state.ClientWorld;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.client.state.ShotReport;
import io.lancers.link.LatencyRelay;
import io.lancers.load.LoadClient;
import io.lancers.load.Pilot;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import io.lancers.sim.World;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A duel at a fixed spot, {@value #PAIRS} times over in rooms of their own on {@value #MAP}: a
 * perfect-aim shooter behind a {@link LatencyRelay} and a strafing target on a direct link, the
 * server in this JVM on loopback (60 ticks/s, no bots). Both fly to their spots first (the spawn
 * points are the server's choice): the shooter to {@link #SHOOTER_X}, {@link #SHOOTER_Y}, the
 * target to its lane {@value #LANE} units below, where it strafes across it,
 * {@value #LEG_TICKS} ticks each way by the server's ticks (the first leg half that), about 150
 * units either side of its middle. After a death it flies back. Counting starts once every shooter
 * has seen its target in the lane from its spot (at most 30 s).
 *
 * <p>The shooter is the desktop client's own state code without JavaFX: a {@link ClientWorld}
 * (interpolation, own ship and shot prediction) sampled by a 60 frames/s loop that, like the match
 * view, sends one input per frame and then samples. At its spot, it aims at the target as its last
 * frame showed it (drawn position and velocity, leading for the projectile's flight from its drawn
 * nose) and holds FIRE while the target is drawn alive, unshielded and in its lane. Counted per
 * server shot: whether it hit the target; per predicted shot: the frames from the input that fired it
 * to the first frame drawing it, and to the frame the server's projectile arrived; the distance
 * between the predicted and the server's projectile then.
 */
public final class Unlag {
    private static final String MAP = "crossfire";
    /** The one spot on the built-in maps with a clear 400-unit line of fire over a clear 400-unit lane. */
    private static final float SHOOTER_X = 750;
    private static final float SHOOTER_Y = 560;
    private static final float LANE = 400;
    /** The middle of the target's lane, the line it strafes across. */
    private static final float LANE_X = 775;
    /** Where the target's lane is in the shooter's clear view. */
    private static final float LANE_MIN_X = 555;
    private static final float LANE_MAX_X = 995;
    /**
     * The target flies each way this long (the first leg half as long, so it swings about the middle
     * of its lane). Prime, so the shooter's cooldown of 15 ticks does not lock its shots to a few
     * phases of the swing: over a run they sample all of it.
     */
    private static final int LEG_TICKS = 67;
    /** At the spot: within this of it (units); the lane: the target within this of the lane line. */
    private static final float AT_SPOT = 12;
    private static final float IN_LANE = 40;
    private static final int PAIRS = 4;
    private static final int FPS = 60;

    private Unlag() {
    }

    /**
     * @param rttMillis          round trip the relay adds to the shooter's link
     * @param unlagMillis        the server's {@code --max-unlag-ms}
     * @param shots              the server's shots of the shooters in the window
     * @param hits               of those, hits on their target
     * @param predicted          predicted shots the server confirmed
     * @param refused            predicted shots the server refused
     * @param framesToDrawn      per confirmed predicted shot: frames from the input that fired it to the first frame
     *                           drawing it (0: the same frame); -1: never drawn (it met a wall before a frame)
     * @param framesToServer     per confirmed predicted shot: frames from that input to the frame the server's
     *                           projectile arrived (when a client without prediction could first draw it)
     * @param errorUnits         per confirmed predicted shot: distance between the prediction and the server's
     *                           projectile at the tick of the world that brought it
     * @param lagTicks           per confirmed predicted shot: the server's spawn tick minus the predicted one
     */
    public record Result(int rttMillis, int unlagMillis, int shots, int hits, int predicted, int refused,
                         int[] framesToDrawn, int[] framesToServer, float[] errorUnits, int[] lagTicks) {
        public double hitRate() {
            return shots == 0 ? 0 : (double) hits / shots;
        }
    }

    public static Result run(int rttMillis, int unlagMillis, int seconds, long seed) throws IOException, InterruptedException {
        ServerOptions config = ServerOptions.defaults().onLoopback().with(o -> {
            o.bots = 0;
            o.matches = PAIRS;
            o.mapId = MAP;
            o.matchMinutes = 60;
            o.killLimit = 0;
            o.maxUnlagMs = unlagMillis;
        });
        ExecutorService executor = Executors.newFixedThreadPool(4, Fanout.daemon());
        ScheduledExecutorService frames = Executors.newSingleThreadScheduledExecutor(Fanout.daemon());
        HttpClient http = HttpClient.newBuilder().executor(executor).build();
        List<LoadClient> clients = new ArrayList<>();
        try (GameServer server = GameServer.start(config);
             LatencyRelay relay = LatencyRelay.roundTrip(server.port(), rttMillis, rttMillis / 20, seed)) {
            URI relayed = URI.create("ws://127.0.0.1:" + relay.port() + ProtocolVersion.ENDPOINT_PATH);
            List<Shooter> shooters = new ArrayList<>();
            for (int pair = 1; pair <= PAIRS; pair++) {
                LoadClient target = LoadClient.open(http, server.uri(), "target", LoadClient.Entry.join("m" + pair), true, null);
                clients.add(target);
                ServerMessage.Joined targetJoined = target.joined().get(30, TimeUnit.SECONDS);
                target.onWorld(new Target(target, targetJoined)::onWorld);
                LoadClient shooterLink = LoadClient.open(http, relayed, "shooter", LoadClient.Entry.join("m" + pair), true, null);
                clients.add(shooterLink);
                Shooter shooter = new Shooter(shooterLink, shooterLink.joined().get(30, TimeUnit.SECONDS), targetJoined.playerId());
                shooterLink.onWorld(shooter::onWorld);
                shooters.add(shooter);
            }
            frames.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                shooters.forEach(s -> s.frame(now));
            }, 0, 1_000_000_000L / FPS, TimeUnit.NANOSECONDS);
            long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < readyBy && !shooters.stream().allMatch(Shooter::dueling)) {
                TimeUnit.MILLISECONDS.sleep(100); // to the spots, past the spawn shields
            }
            shooters.forEach(Shooter::startCounting);
            TimeUnit.SECONDS.sleep(seconds);
            Tally all = new Tally();
            shooters.forEach(s -> s.addTo(all));
            return all.result(rttMillis, unlagMillis);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("a player could not join: " + e, e);
        } finally {
            frames.shutdownNow();
            frames.awaitTermination(5, TimeUnit.SECONDS);
            clients.forEach(LoadClient::abort);
            executor.shutdownNow();
        }
    }

    /** The target, on its client's thread: one input per world. */
    private static final class Target {
        private final LoadClient client;
        private final int ownId;
        private final Pilot pilot;
        private int seq;
        private int strafingSince = -1; // the tick it reached its spot, -1: not there

        Target(LoadClient client, ServerMessage.Joined joined) {
            this.client = client;
            this.ownId = joined.playerId();
            this.pilot = new Pilot(joined.map());
        }

        void onWorld(World w, long arrivedNanos) {
            Ship own = find(w, ownId);
            int buttons = 0;
            if (own == null || !own.alive()) {
                strafingSince = -1;
            } else if (strafingSince < 0) {
                buttons = pilot.toward(own.x(), own.y(), own.vx(), own.vy(), LANE_X, SHOOTER_Y + LANE);
                if (Math.hypot(own.x() - LANE_X, own.y() - SHOOTER_Y - LANE) < AT_SPOT) {
                    strafingSince = w.tick();
                }
            } else {
                boolean left = ((w.tick() - strafingSince + LEG_TICKS / 2) / LEG_TICKS) % 2 == 0;
                buttons = (left ? Input.LEFT : Input.RIGHT) | Pilot.axis(SHOOTER_Y + LANE - own.y(), own.vy(), Input.UP, Input.DOWN);
            }
            client.sendInput(new Input(++seq, buttons, 0f));
        }
    }

    /** The shooter: worlds on its client's thread into its {@link ClientWorld}, frames on the frame thread. */
    private static final class Shooter {
        private final LoadClient client;
        private final ClientWorld world;
        private final int ownId;
        private final int targetId;
        private final Pilot pilot;
        // Frame thread only.
        private int seq;
        private int frame;
        private float aim = (float) (Math.PI / 2);
        private RenderFrame last;
        private volatile boolean dueling;
        private int lowestDrawnShotId;
        private final Map<Integer, Integer> sentFrameBySeq = new HashMap<>();
        private final Map<Integer, Integer> firstFrameByShotId = new HashMap<>();
        // Guarded by this: the frame thread, the client's thread and the bench thread.
        private boolean counting;
        private int lastServerFireTick = -1;
        private final Tally tally = new Tally();

        Shooter(LoadClient client, ServerMessage.Joined joined, int targetId) {
            this.client = client;
            this.world = ClientWorld.forMatch(joined);
            this.ownId = joined.playerId();
            this.targetId = targetId;
            this.pilot = new Pilot(joined.map());
        }

        /** It has seen its target in the lane from its spot. */
        boolean dueling() {
            return dueling;
        }

        synchronized void startCounting() {
            counting = true;
        }

        synchronized void addTo(Tally all) {
            counting = false;
            all.add(tally);
        }

        void onWorld(World w, long arrivedNanos) {
            world.onWorld(w, arrivedNanos);
            Ship own = find(w, ownId);
            synchronized (this) {
                if (own != null && lastServerFireTick >= 0 && own.lastFireTick() != lastServerFireTick && counting) {
                    tally.shots++;
                }
                if (own != null) {
                    lastServerFireTick = own.lastFireTick();
                }
                for (GameEvent e : w.events()) {
                    if (counting && e instanceof GameEvent.Hit hit && hit.shooterId() == ownId && hit.targetId() == targetId) {
                        tally.hits++;
                    }
                }
            }
        }

        /** As the match view does: one input from what the last frame showed, then the frame. */
        void frame(long now) {
            Input input = new Input(++seq, decide(), aim, world.viewTick());
            client.sendInput(input);
            world.onInputSent(input);
            sentFrameBySeq.put(input.seq(), frame);
            last = world.sample(now).orElse(null);
            if (last != null) {
                for (RenderProjectile p : last.projectiles()) {
                    int id = p.projectile().id();
                    if (id < lowestDrawnShotId) {
                        lowestDrawnShotId = id;
                        firstFrameByShotId.put(id, frame);
                    }
                }
            }
            List<ShotReport> reports = world.drainShotReports();
            synchronized (this) {
                for (ShotReport r : reports) {
                    Integer sent = sentFrameBySeq.get(r.seq());
                    if (!counting || sent == null) {
                        continue;
                    }
                    if (!r.confirmed()) {
                        tally.refused++;
                        continue;
                    }
                    Integer drawn = firstFrameByShotId.get(r.shotId());
                    tally.framesToDrawn.add(drawn == null ? -1 : drawn - sent);
                    tally.framesToServer.add(frame - sent);
                    tally.errorUnits.add(r.errorUnits());
                    tally.lagTicks.add(r.lagTicks());
                }
            }
            sentFrameBySeq.keySet().removeIf(s -> s < seq - 10 * FPS);
            firstFrameByShotId.keySet().removeIf(id -> id > lowestDrawnShotId + 1000);
            frame++;
        }

        private int decide() {
            RenderShip own = last == null ? null : last.own();
            if (own == null || !own.ship().alive()) {
                return 0;
            }
            if (Math.hypot(own.x() - SHOOTER_X, own.y() - SHOOTER_Y) > AT_SPOT) {
                return pilot.toward(own.x(), own.y(), own.ship().vx(), own.ship().vy(), SHOOTER_X, SHOOTER_Y);
            }
            RenderShip target = last.ship(targetId);
            if (target == null || !target.ship().alive() || target.ship().invulnerableUntil() > last.renderTick()
                    || Math.abs(target.y() - SHOOTER_Y - LANE) > IN_LANE || target.x() < LANE_MIN_X
                    || target.x() > LANE_MAX_X) {
                return 0;
            }
            dueling = true;
            aim = lead(own, target);
            return Input.FIRE;
        }

        /**
         * The aim at which a shot from the nose meets the target if it keeps its velocity:
         * |d + v·t| = nose + speed·t, the earliest t > 0; straight at it if there is none.
         */
        private static float lead(RenderShip own, RenderShip target) {
            double dx = target.x() - own.x();
            double dy = target.y() - own.y();
            float tvx = target.ship().vx();
            float tvy = target.ship().vy();
            double a = tvx * tvx + tvy * tvy - (double) Rules.PROJECTILE_SPEED * Rules.PROJECTILE_SPEED;
            double b = 2 * (dx * tvx + dy * tvy - Rules.NOSE_DISTANCE * Rules.PROJECTILE_SPEED);
            double c = dx * dx + dy * dy - Rules.NOSE_DISTANCE * Rules.NOSE_DISTANCE;
            double disc = b * b - 4 * a * c;
            double t = disc < 0 ? 0 : Math.max(0, (-b - Math.sqrt(disc)) / (2 * a)); // a < 0: this root is > 0
            return (float) Math.atan2(dy + tvy * t, dx + tvx * t);
        }
    }

    /** What the shooters counted. */
    private static final class Tally {
        int shots;
        int hits;
        int refused;
        final List<Integer> framesToDrawn = new ArrayList<>();
        final List<Integer> framesToServer = new ArrayList<>();
        final List<Float> errorUnits = new ArrayList<>();
        final List<Integer> lagTicks = new ArrayList<>();

        void add(Tally other) {
            shots += other.shots;
            hits += other.hits;
            refused += other.refused;
            framesToDrawn.addAll(other.framesToDrawn);
            framesToServer.addAll(other.framesToServer);
            errorUnits.addAll(other.errorUnits);
            lagTicks.addAll(other.lagTicks);
        }

        Result result(int rttMillis, int unlagMillis) {
            float[] errors = new float[errorUnits.size()];
            for (int i = 0; i < errors.length; i++) {
                errors[i] = errorUnits.get(i);
            }
            return new Result(rttMillis, unlagMillis, shots, hits, framesToDrawn.size(), refused,
                    framesToDrawn.stream().mapToInt(Integer::intValue).toArray(),
                    framesToServer.stream().mapToInt(Integer::intValue).toArray(), errors,
                    lagTicks.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static Ship find(World w, int id) {
        for (Ship s : w.ships()) {
            if (s.id() == id) {
                return s;
            }
        }
        return null;
    }
}
