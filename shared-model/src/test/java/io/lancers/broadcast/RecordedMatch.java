package io.lancers.broadcast;

import io.lancers.bot.BotBrain;
import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.GameEvent;
import io.lancers.sim.GameMode;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.ShipHistory;
import io.lancers.sim.Simulation;
import io.lancers.sim.Team;
import io.lancers.sim.Teams;
import io.lancers.sim.World;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A bot match played by the real simulation the way a room runs it (ships join and leave, control
 * messages go out before and after each step) and cut into fragments, with the truth kept beside:
 * the world and the control state at every tick.
 */
final class RecordedMatch {
    final StreamInfo info;
    final List<Fragment> fragments = new ArrayList<>();
    final Map<Integer, World> worlds = new TreeMap<>();
    final Map<Integer, ControlState> controls = new TreeMap<>();
    final List<ReplayFile.Kill> kills = new ArrayList<>();

    private RecordedMatch(StreamInfo info) {
        this.info = info;
    }

    /** {@code ticks} steps after the first world, fragments of {@code fragmentTicks}, the last one cut short. */
    static RecordedMatch play(long seed, int ticks, int fragmentTicks) {
        Random random = new Random(seed);
        List<String> maps = MapLoader.builtInIds();
        ArenaMap map = MapLoader.load(maps.get(random.nextInt(maps.size())));
        MatchConfig defaults = MatchConfig.defaults();
        // Short rounds, so that intermissions and new rounds happen in a few hundred ticks too; odd
        // seeds play team deathmatch, bots with odd ids red, even ones blue.
        GameMode mode = seed % 2 == 0 ? GameMode.FFA : GameMode.TDM;
        MatchConfig config = new MatchConfig(defaults.tickRate(), 5, 3, 1, 1, mode, false);
        Simulation sim = new Simulation(map, config);
        StreamInfo info = new StreamInfo(ProtocolVersion.SUBPROTOCOL, "m" + random.nextInt(9), map.id(),
                config.tickRate(), fragmentTicks, ServerMessage.Rules.of(config));
        RecordedMatch match = new RecordedMatch(info);
        FragmentCutter cutter = new FragmentCutter(info, random.nextBoolean() ? 0 : 1_796_300_000 + random.nextInt(1000));

        Map<Integer, BotBrain> bots = new TreeMap<>();
        int nextId = 1;
        World world = sim.newMatch(random.nextLong(), random.nextInt(1000), 1);
        ControlState control = ControlState.EMPTY;
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            world = sim.addShip(world, nextId);
            bots.put(nextId, new BotBrain(nextId, random.nextFloat()));
            nextId++;
        }
        control = match.send(cutter, control, roster(info, bots, random));
        match.record(cutter, world, null, control);
        for (int t = 0; t < ticks; t++) {
            World sent = world; // what every viewer has: joins and leaves below show in the next delta
            if (random.nextInt(40) == 0 && bots.size() < 12) {
                world = sim.addShip(world, nextId);
                bots.put(nextId, new BotBrain(nextId, random.nextFloat()));
                control = match.send(cutter, control, new ServerMessage.Notice("join", nextId, "Bot " + nextId + " joined"));
                control = match.send(cutter, control, roster(info, bots, random));
                nextId++;
            } else if (random.nextInt(60) == 0 && bots.size() > 1) {
                int leaving = bots.keySet().iterator().next();
                world = sim.removeShip(world, leaving);
                bots.remove(leaving);
                control = match.send(cutter, control, roster(info, bots, random));
            }
            Map<Integer, Input> inputs = new HashMap<>();
            for (Map.Entry<Integer, BotBrain> bot : bots.entrySet()) {
                inputs.put(bot.getKey(), bot.getValue().decide(world, bot.getKey(), map, config, teams(bots, mode)));
            }
            World next = sim.step(world, inputs, ShipHistory.NONE, teams(bots, mode));
            byte[] delta = StateCodec.encodeDelta(sent, next);
            world = next;
            control = match.record(cutter, world, delta, control);
            if (random.nextInt(15) == 0) {
                control = match.send(cutter, control, new ServerMessage.Chat(random.nextInt(5), "Someone",
                        "gg " + world.tick() + " ünïcode ✓", 1_700_000_000_000L + t));
            }
        }
        Fragment last = cutter.finish();
        if (last != null) {
            match.fragments.add(last);
        }
        return match;
    }

    private ControlState record(FragmentCutter cutter, World world, byte[] delta, ControlState control) {
        worlds.put(world.tick(), world);
        controls.put(world.tick(), control);
        for (GameEvent event : world.events()) {
            if (event instanceof GameEvent.Kill kill) {
                kills.add(new ReplayFile.Kill(world.tick(), kill.killerId(), kill.victimId()));
            }
        }
        Fragment done = cutter.frame(world, delta);
        if (done != null) {
            fragments.add(done);
        }
        return control;
    }

    /** A control message at the current tick: the truth at this tick includes it. */
    private ControlState send(FragmentCutter cutter, ControlState control, ServerMessage message) {
        cutter.control(message);
        ControlState after = control.apply(message);
        if (!worlds.isEmpty()) {
            controls.put(((TreeMap<Integer, World>) worlds).lastKey(), after);
        }
        return after;
    }

    private static Teams teams(Map<Integer, BotBrain> bots, GameMode mode) {
        Map<Integer, Team> byShip = new HashMap<>();
        if (mode == GameMode.TDM) {
            bots.keySet().forEach(id -> byShip.put(id, id % 2 == 1 ? Team.RED : Team.BLUE));
        }
        return new Teams(byShip);
    }

    private static ServerMessage.Roster roster(StreamInfo info, Map<Integer, BotBrain> bots, Random random) {
        List<ServerMessage.PlayerInfo> players = new ArrayList<>();
        Teams teams = teams(bots, GameMode.ofWire(info.rules().mode()));
        for (int id : bots.keySet()) {
            players.add(new ServerMessage.PlayerInfo(id, "Bot " + id, id * 77 % 360, true, true, random.nextInt(200),
                    teams.of(id)));
        }
        return new ServerMessage.Roster(info.matchId(), players, random.nextInt(3));
    }

    int firstTick() {
        return fragments.get(0).firstTick();
    }

    int lastTick() {
        return fragments.get(fragments.size() - 1).lastTick();
    }
}
