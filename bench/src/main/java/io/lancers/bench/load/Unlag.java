package io.lancers.bench.load;

import io.lancers.link.LatencyRelay;
import io.lancers.load.LoadClient;
import io.lancers.bot.BotBrain;
import io.lancers.map.ArenaMap;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Geometry;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import io.lancers.sim.World;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A perfect-aim shooter against a strafing target ({@value #PAIRS} such pairs, each in a room of its
 * own), the shooter behind a {@link LatencyRelay}: the
 * server in this JVM on loopback, both players headless {@link LoadClient}s ({@code lancers.v3}).
 * Until the target is in range and in sight the shooter flies like a bot ({@link BotBrain}); then
 * it stops and, once its world shows it at rest (so where it sees itself is where it is: this
 * client does not predict), leads the target as that world shows it (position and velocity, the
 * projectile's speed and nose offset) and holds FIRE while the target is alive and unshielded. Its
 * inputs carry that world's tick as their view tick. The target, on a direct link, flies left for 1 s, right for 1 s, and so on.
 */
public final class Unlag {
    /** Shots only at targets closer than this: a hit must be a question of aim, not of reach. */
    private static final float RANGE = 700f;
    /** Shooter–target pairs, each alone in its own room: four times the shots per second of one. */
    private static final int PAIRS = 4;
    private static final int STRAFE_TICKS = 60;

    private Unlag() {
    }

    /**
     * @param rttMillis   round trip the relay adds to the shooter's link
     * @param unlagMillis the server's {@code --max-unlag-ms}
     * @param shots       shots fired in the measured window (the shooter's own ship's lastFireTick changes)
     * @param hits        of those, hits on the target (Hit events of the shooter)
     * @param shotNanos   for shots that began with a fresh press (FIRE not held before, the cooldown over as the
     *                    shooter saw it): from that input's send to the first world showing the shot (own
     *                    ship's lastFireTick); held fire and releases before the shot are not sampled
     */
    public record Result(int rttMillis, int unlagMillis, int shots, int hits, long[] shotNanos) {
        public double hitRate() {
            return shots == 0 ? 0 : (double) hits / shots;
        }
    }

    public static Result run(int rttMillis, int unlagMillis, int seconds, long seed) throws IOException, InterruptedException {
        ServerOptions config = ServerOptions.defaults().onLoopback().with(o -> {
            o.bots = 0;
            o.matches = 1;
            o.matchMinutes = 60;
            o.killLimit = 0;
            o.maxUnlagMs = unlagMillis;
        });
        ExecutorService executor = Executors.newFixedThreadPool(4, Fanout.daemon());
        ScheduledExecutorService strafer = Executors.newSingleThreadScheduledExecutor(Fanout.daemon());
        HttpClient http = HttpClient.newBuilder().executor(executor).build();
        List<LoadClient> clients = new ArrayList<>();
        try (GameServer server = GameServer.start(config.with(o -> o.matches = PAIRS));
             LatencyRelay relay = LatencyRelay.roundTrip(server.port(), rttMillis, rttMillis / 20, seed)) {
            URI relayed = URI.create("ws://127.0.0.1:" + relay.port() + ProtocolVersion.ENDPOINT_PATH);
            List<Aim> aims = new ArrayList<>();
            List<LoadClient> targets = new ArrayList<>();
            for (int pair = 1; pair <= PAIRS; pair++) {
                LoadClient target = LoadClient.open(http, server.uri(), "target", LoadClient.Entry.join("m" + pair), false, null);
                clients.add(target);
                targets.add(target);
                int targetId = target.joined().get(30, TimeUnit.SECONDS).playerId();
                LoadClient shooter = LoadClient.open(http, relayed, "shooter", LoadClient.Entry.join("m" + pair), true, null);
                clients.add(shooter);
                ServerMessage.Joined joined = shooter.joined().get(30, TimeUnit.SECONDS);
                Aim aim = new Aim(shooter, joined.playerId(), targetId, joined, seed + pair);
                shooter.onWorld(aim::onWorld);
                aims.add(aim);
            }
            int[] seq = {0};
            strafer.scheduleAtFixedRate(() -> {
                int s = ++seq[0];
                Input strafe = new Input(s, (s / STRAFE_TICKS) % 2 == 0 ? Input.LEFT : Input.RIGHT, 0f);
                targets.forEach(target -> target.sendInput(strafe));
            }, 0, 1_000_000_000L / config.tickRate, TimeUnit.NANOSECONDS);
            TimeUnit.SECONDS.sleep(3); // past the spawns and their shields
            aims.forEach(Aim::startCounting);
            TimeUnit.SECONDS.sleep(seconds);
            int shots = 0;
            int hits = 0;
            long[] shotNanos = new long[0];
            for (Aim aim : aims) {
                Result r = aim.result(rttMillis, unlagMillis);
                shots += r.shots();
                hits += r.hits();
                long[] more = r.shotNanos();
                shotNanos = Arrays.copyOf(shotNanos, shotNanos.length + more.length);
                System.arraycopy(more, 0, shotNanos, shotNanos.length - more.length, more.length);
            }
            return new Result(rttMillis, unlagMillis, shots, hits, shotNanos);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("a player could not join: " + e, e);
        } finally {
            strafer.shutdownNow();
            strafer.awaitTermination(5, TimeUnit.SECONDS);
            clients.forEach(LoadClient::abort);
            executor.shutdownNow();
        }
    }

    /** The shooter's brain, on the shooter's thread: one input per world received. */
    private static final class Aim {
        private final LoadClient client;
        private final int ownId;
        private final int targetId;
        private final ArenaMap map;
        private final MatchConfig rules;
        private final BotBrain legs;
        private final int cooldownTicks;
        private int seq;
        private float lastAim;
        private int lastFireTick = -1;
        private long pressSentNanos; // 0: no fresh press waiting for its shot
        private boolean holding;
        // Guarded by this: read by the bench thread.
        private boolean counting;
        private int shots;
        private int hits;
        private long[] shotNanos = new long[64];

        Aim(LoadClient client, int ownId, int targetId, ServerMessage.Joined joined, long seed) {
            this.client = client;
            this.ownId = ownId;
            this.targetId = targetId;
            this.map = joined.map();
            this.rules = joined.matchConfig();
            this.legs = new BotBrain(seed, 1f);
            this.cooldownTicks = rules.ticks(Rules.FIRE_COOLDOWN_SECONDS);
        }

        synchronized void startCounting() {
            counting = true;
        }

        synchronized Result result(int rttMillis, int unlagMillis) {
            counting = false;
            return new Result(rttMillis, unlagMillis, shots, hits, Arrays.copyOf(shotNanos, shots));
        }

        void onWorld(World w, long arrivedNanos) {
            Ship own = ship(w, ownId);
            Ship target = ship(w, targetId);
            if (own == null) {
                return;
            }
            count(w, own, arrivedNanos);
            int buttons = 0;
            if (own.alive() && target != null && target.alive()) {
                float dx = target.x() - own.x();
                float dy = target.y() - own.y();
                boolean inSight = Geometry.segmentWalls(map.walls(), own.x(), own.y(), target.x(), target.y(), 0f)
                        == Geometry.MISS;
                if (dx * dx + dy * dy < RANGE * RANGE && inSight) {
                    lastAim = lead(own, target);
                    boolean atRest = own.vx() == 0 && own.vy() == 0;
                    buttons = atRest && target.invulnerableUntil() <= w.tick() ? Input.FIRE : 0;
                } else {
                    Input move = legs.decide(w, ownId, map, rules);
                    buttons = move.buttons() & ~Input.FIRE;
                    lastAim = move.aim();
                }
            }
            boolean ready = own.lastFireTick() == 0 || w.tick() - own.lastFireTick() >= cooldownTicks;
            if (buttons == 0) {
                pressSentNanos = 0;
            } else if (!holding && ready) {
                pressSentNanos = System.nanoTime();
            }
            holding = buttons != 0;
            client.sendInput(new Input(++seq, buttons, lastAim, w.tick()));
        }

        private synchronized void count(World w, Ship own, long arrivedNanos) {
            if (lastFireTick >= 0 && own.lastFireTick() != lastFireTick && counting) {
                if (shots == shotNanos.length) {
                    shotNanos = Arrays.copyOf(shotNanos, shots * 2);
                }
                shotNanos[shots++] = pressSentNanos == 0 ? 0 : arrivedNanos - pressSentNanos;
            }
            if (own.lastFireTick() != lastFireTick) {
                pressSentNanos = 0;
            }
            lastFireTick = own.lastFireTick();
            for (GameEvent e : w.events()) {
                if (counting && e instanceof GameEvent.Hit hit && hit.shooterId() == ownId && hit.targetId() == targetId) {
                    hits++;
                }
            }
        }

        /**
         * The aim at which a shot from the nose meets the target if it keeps its velocity:
         * |d + v·t| = nose + speed·t, the earliest t > 0; straight at it if there is none.
         */
        private float lead(Ship own, Ship target) {
            double dx = target.x() - own.x();
            double dy = target.y() - own.y();
            double a = target.vx() * target.vx() + target.vy() * target.vy()
                    - (double) Rules.PROJECTILE_SPEED * Rules.PROJECTILE_SPEED;
            double b = 2 * (dx * target.vx() + dy * target.vy() - Rules.NOSE_DISTANCE * Rules.PROJECTILE_SPEED);
            double c = dx * dx + dy * dy - Rules.NOSE_DISTANCE * Rules.NOSE_DISTANCE;
            double disc = b * b - 4 * a * c;
            double t = disc < 0 ? 0 : Math.max(0, (-b - Math.sqrt(disc)) / (2 * a)); // a < 0: this root is > 0
            return (float) Math.atan2(dy + target.vy() * t, dx + target.vx() * t);
        }

        private static Ship ship(World w, int id) {
            for (Ship s : w.ships()) {
                if (s.id() == id) {
                    return s;
                }
            }
            return null;
        }
    }
}
