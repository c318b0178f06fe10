package io.lancers.client.testing;

import io.lancers.bot.BotBrain;
import io.lancers.broadcast.BroadcastFormatException;
import io.lancers.broadcast.Fragment;
import io.lancers.broadcast.FragmentCutter;
import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.ReplayHeader;
import io.lancers.broadcast.ReplayTrailer;
import io.lancers.broadcast.ReplayWriter;
import io.lancers.broadcast.StreamCursor;
import io.lancers.broadcast.StreamInfo;
import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Ship;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real bot match, played by the real simulation and cut into fragments by the real
 * {@link FragmentCutter} as a server's room would: a roster first, then a chat line every few
 * seconds. Written as a replay file by the real {@link ReplayWriter}, or served as a broadcast.
 */
public final class BotMatchRecording {
    public static final String MATCH_ID = "m1";
    public static final int FIRST_FRAGMENT = 1_796_300_000;

    private final StreamInfo info;
    private final List<Fragment> fragments;
    private final List<String> names;
    private final World last;

    private BotMatchRecording(StreamInfo info, List<Fragment> fragments, List<String> names, World last) {
        this.info = info;
        this.fragments = List.copyOf(fragments);
        this.names = List.copyOf(names);
        this.last = last;
    }

    /** {@code bots} sharp bots for {@code ticks} ticks on the first built-in map, 60 Hz. */
    public static BotMatchRecording play(int bots, int ticks, int fragmentTicks) {
        ArenaMap map = MapLoader.load(MapLoader.builtInIds().get(0));
        MatchConfig config = MatchConfig.defaults();
        Simulation sim = new Simulation(map, config);
        StreamInfo info = new StreamInfo(ProtocolVersion.SUBPROTOCOL, MATCH_ID, map.id(), config.tickRate(),
                fragmentTicks, ServerMessage.Rules.of(config));
        FragmentCutter cutter = new FragmentCutter(info, FIRST_FRAGMENT);
        World world = sim.newMatch(7, 0, 1);
        Map<Integer, BotBrain> brains = new HashMap<>();
        List<ServerMessage.PlayerInfo> players = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int id = 1; id <= bots; id++) {
            world = sim.addShip(world, id);
            brains.put(id, new BotBrain(id * 31L, 1f));
            names.add("Bot " + (char) ('A' + id - 1));
            players.add(new ServerMessage.PlayerInfo(id, names.get(id - 1), 0, true, true, 0));
        }
        List<Fragment> fragments = new ArrayList<>();
        cutter.control(new ServerMessage.Roster(MATCH_ID, players, 0));
        cutter.frame(world, null);
        for (int t = 0; t < ticks; t++) {
            Map<Integer, Input> inputs = new HashMap<>();
            for (Map.Entry<Integer, BotBrain> bot : brains.entrySet()) {
                inputs.put(bot.getKey(), bot.getValue().decide(world, bot.getKey(), map, config));
            }
            World next = sim.step(world, inputs);
            Fragment done = cutter.frame(next, StateCodec.encodeDelta(world, next));
            if (done != null) {
                fragments.add(done);
            }
            world = next;
            if (t % 150 == 75) {
                cutter.control(new ServerMessage.Chat(1, names.get(0), "line at tick " + world.tick(), 0));
            }
        }
        Fragment tail = cutter.finish();
        if (tail != null) {
            fragments.add(tail);
        }
        return new BotMatchRecording(info, fragments, names, world);
    }

    public StreamInfo info() {
        return info;
    }

    public List<Fragment> fragments() {
        return fragments;
    }

    /** Every tick's world as a viewer of these fragments has it (decoded by the real StreamCursor). */
    public Map<Integer, World> worlds() throws BroadcastFormatException {
        Map<Integer, World> worlds = new HashMap<>();
        StreamCursor cursor = StreamCursor.start(fragments.get(0).full());
        worlds.put(cursor.tick(), cursor.world());
        for (Fragment f : fragments) {
            cursor.append(f.delta());
            while (cursor.step()) {
                worlds.put(cursor.tick(), cursor.world());
            }
        }
        return worlds;
    }

    /** Writes the recording; {@code finish} false leaves it as a killed server would: no trailer. */
    public Path write(Path file, boolean finish) throws IOException {
        ReplayHeader header = new ReplayHeader(ReplayFile.FORMAT_VERSION, "test", ProtocolVersion.SUBPROTOCOL,
                MATCH_ID, info.mapId(), "2026-12-03T09:30:00Z", info.tickRate(), info.fragmentTicks(), 1, names);
        try (ReplayWriter writer = ReplayWriter.create(file, header)) {
            for (Fragment fragment : fragments) {
                writer.append(fragment);
            }
            if (finish) {
                writer.finish(last.ships().stream().sorted(Comparator.comparingInt(Ship::kills).reversed())
                        .map(s -> new ReplayTrailer.Score(s.id(), names.get(s.id() - 1), s.kills(), s.deaths()))
                        .toList());
            }
        }
        return file;
    }
}
