package io.lancers.client.bench;

import io.lancers.bot.BotBrain;
import io.lancers.client.net.NetStats;
import io.lancers.client.state.ClientWorld;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.ui.MatchView;
import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.ServerMessage.PlayerInfo;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Projectile;
import io.lancers.sim.Rules;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A busy match for the render benchmark, as a {@link MatchView.Source}: the real {@link Simulation} with
 * 16 seeded bots, stepped ahead of time (so no simulation runs while frames are timed), fed tick by
 * tick into a real {@link ClientWorld} as if the worlds arrived at 60 Hz, and sampled the way a match
 * is. The bots fire at most about 70 shots that are in flight at once, so every world gets extra
 * seeded shots crossing the arena (owned by the bots, so they have their colours) up to
 * {@link #PROJECTILES}.
 */
final class BusyScene implements MatchView.Source {
    static final int SHIPS = 16;
    static final int PROJECTILES = 200;
    static final String MAP = "foundry";
    private static final long SEED = 14;
    private static final int FIRST_EXTRA_ID = 1_000_000;

    private final ServerMessage.Joined joined;
    private final List<World> worlds;
    private final ClientWorld clientWorld;
    private final long tickNanos;
    private long startNanos = -1;
    private int fed;
    private int lastKills;

    /** Steps the match for {@code seconds} (plus a margin) before anything is drawn. */
    BusyScene(double seconds) {
        ArenaMap map = MapLoader.load(MAP);
        MatchConfig config = new MatchConfig(60, 600, 0, 10, 1);
        joined = new ServerMessage.Joined("bench", "player", 1, "", false, config.tickRate(),
                ServerMessage.Rules.of(config), map);
        tickNanos = 1_000_000_000L / config.tickRate();
        worlds = simulate(new Simulation(map, config), map, config, (int) Math.ceil((seconds + 1) * config.tickRate()));
        clientWorld = ClientWorld.forMatch(joined);
    }

    ServerMessage.Joined joined() {
        return joined;
    }

    ServerMessage.Roster roster() {
        List<PlayerInfo> players = new ArrayList<>();
        for (int id = 1; id <= SHIPS; id++) {
            players.add(new PlayerInfo(id, id == 1 ? "You" : "Bot " + id, 0, id != 1, true, -1));
        }
        return new ServerMessage.Roster("bench", players, 0);
    }

    private static List<World> simulate(Simulation sim, ArenaMap map, MatchConfig config, int ticks) {
        World w = sim.newMatch(SEED, 0, 1);
        Map<Integer, BotBrain> bots = new HashMap<>();
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int id = 1; id <= SHIPS; id++) {
            w = sim.addShip(w, id);
            bots.put(id, new BotBrain(seeds.nextLong(), 1f));
        }
        List<Projectile> extras = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(SEED);
        int nextExtraId = FIRST_EXTRA_ID;
        int lifetime = config.ticks(Rules.PROJECTILE_LIFETIME_SECONDS);
        List<World> out = new ArrayList<>(ticks);
        for (int t = 0; t < ticks; t++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (var e : bots.entrySet()) {
                inputs.put(e.getKey(), e.getValue().decide(w, e.getKey(), map, config));
            }
            w = sim.step(w, inputs);
            int now = w.tick();
            extras.removeIf(shot -> now - shot.spawnTick() >= lifetime);
            while (w.projectiles().size() + extras.size() < PROJECTILES) {
                extras.add(shot(random, nextExtraId++, now, map));
            }
            List<Projectile> all = new ArrayList<>(w.projectiles());
            all.addAll(extras);
            out.add(new World(w.tick(), w.match(), w.ships(), all, w.pickups(), w.events()));
        }
        return out;
    }

    /** A shot from a random point of the arena in a random direction, in some bot's colour. */
    private static Projectile shot(SplittableRandom random, int id, int tick, ArenaMap map) {
        double angle = random.nextDouble(2 * Math.PI);
        return new Projectile(id, 2 + random.nextInt(SHIPS - 1), (float) random.nextDouble(map.width()),
                (float) random.nextDouble(map.height()), (float) (Math.cos(angle) * Rules.PROJECTILE_SPEED),
                (float) (Math.sin(angle) * Rules.PROJECTILE_SPEED), tick, Rules.PROJECTILE_DAMAGE);
    }

    @Override
    public Optional<RenderFrame> sample(long nowNanos) {
        if (startNanos < 0) {
            startNanos = nowNanos;
        }
        // The worlds "arrive" on schedule; past the end the scene holds its last world.
        while (fed < worlds.size() && startNanos + fed * tickNanos <= nowNanos) {
            clientWorld.onWorld(worlds.get(fed), startNanos + fed * tickNanos);
            fed++;
        }
        Optional<RenderFrame> f = clientWorld.sample(nowNanos);
        lastKills = f.map(frame -> (int) frame.events().stream().filter(e -> e instanceof GameEvent.Kill).count())
                .orElse(0);
        return f;
    }

    /** Kills in the frame sampled last (each changes the scoreboard and the kill feed). */
    int lastKills() {
        return lastKills;
    }

    @Override
    public NetStats netStats() {
        // No network here: the panel shows its layout with no figures.
        return NetStats.NONE;
    }

    @Override
    public String interpolationSummary() {
        return String.format("interp %d ms   buffer %d", clientWorld.interpolationDelayNanos() / 1_000_000,
                clientWorld.bufferedWorlds());
    }
}
