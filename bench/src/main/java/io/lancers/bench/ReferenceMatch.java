package io.lancers.bench;

import io.lancers.bot.BotBrain;
import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The match every measurement replays: bots on a built-in map, played by the real {@link Simulation}
 * and {@link BotBrain}s. Both are deterministic, so this record (map, players, ticks, seed) fully
 * defines every world of the match: two plays give equal worlds (ReferenceMatchTest proves it), and
 * there is no input stream to store.
 *
 * <p>The rules are the defaults except the kill limit, which is off so that the whole recording is
 * play (no intermission scoreboard half-way through a 16-bot minute).
 *
 * @param mapId   a built-in map id
 * @param players bots in the match, ids 1..players
 * @param ticks   steps to play after the ships join
 * @param seed    the match seed; bot {@code i} is seeded with {@code seed * 31 + i}
 */
public record ReferenceMatch(String mapId, int players, int ticks, long seed) {
    /** The seed of the reference match. */
    public static final long SEED = 20_261_124L;
    /** 60 s at 60 Hz. */
    public static final int TICKS = 3600;
    public static final int PLAYERS = 16;

    public ReferenceMatch {
        if (players < 1 || players > 64) {
            throw new IllegalArgumentException("players must be 1..64, was " + players);
        }
        if (ticks < 1) {
            throw new IllegalArgumentException("ticks must be positive, was " + ticks);
        }
    }

    /** 16 bots, the default map, 60 Hz, 3600 ticks. */
    public static ReferenceMatch standard() {
        return new ReferenceMatch(MapLoader.builtInIds().get(0), PLAYERS, TICKS, SEED);
    }

    public ReferenceMatch withPlayers(int count) {
        return new ReferenceMatch(mapId, count, ticks, seed);
    }

    public ReferenceMatch withTicks(int count) {
        return new ReferenceMatch(mapId, players, count, seed);
    }

    public MatchConfig config() {
        MatchConfig defaults = MatchConfig.defaults();
        int seconds = Math.max(defaults.durationSeconds(), ticks / defaults.tickRate() + 1);
        return new MatchConfig(defaults.tickRate(), seconds, 0, defaults.intermissionSeconds(),
                defaults.respawnSeconds());
    }

    /** A fresh play of this match, at tick 0 with every ship spawned. */
    public Run start() {
        return new Run(this);
    }

    /** Every world of the match: index 0 is the start (ships spawned), index {@code t} is after step {@code t}. */
    public List<World> worlds() {
        Run run = start();
        List<World> worlds = new ArrayList<>(ticks + 1);
        worlds.add(run.world());
        while (!run.finished()) {
            worlds.add(run.step(run.decide()));
        }
        return worlds;
    }

    /**
     * One play of the match, tick by tick. Deciding and stepping are separate calls so that a
     * measurement can time them apart.
     */
    public static final class Run {
        private final ReferenceMatch match;
        private final ArenaMap map;
        private final MatchConfig config;
        private final Simulation simulation;
        private final BotBrain[] brains;
        private World world;
        private int stepped;

        private Run(ReferenceMatch match) {
            this.match = match;
            this.map = MapLoader.load(match.mapId());
            this.config = match.config();
            this.simulation = new Simulation(map, config);
            this.brains = new BotBrain[match.players() + 1];
            World w = simulation.newMatch(match.seed(), 0, 1);
            for (int id = 1; id <= match.players(); id++) {
                w = simulation.addShip(w, id);
                // Skills spread evenly from clumsy to sharp, as in a room of mixed players.
                float skill = match.players() == 1 ? 0.5f : (id - 1) / (float) (match.players() - 1);
                brains[id] = new BotBrain(match.seed() * 31 + id, skill);
            }
            this.world = w;
        }

        public World world() {
            return world;
        }

        public Simulation simulation() {
            return simulation;
        }

        /** Steps taken so far. */
        public int stepped() {
            return stepped;
        }

        public boolean finished() {
            return stepped >= match.ticks();
        }

        /** Every bot's input for the current world. */
        public Map<Integer, Input> decide() {
            Map<Integer, Input> inputs = new HashMap<>(brains.length * 2);
            for (int id = 1; id < brains.length; id++) {
                inputs.put(id, brains[id].decide(world, id, map, config));
            }
            return inputs;
        }

        /** Applies one tick of inputs and returns the new world. */
        public World step(Map<Integer, Input> inputs) {
            if (finished()) {
                throw new IllegalStateException("the match is over after " + match.ticks() + " ticks");
            }
            world = simulation.step(world, inputs);
            stepped++;
            return world;
        }
    }
}
