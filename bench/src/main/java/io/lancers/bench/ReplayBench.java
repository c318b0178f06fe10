package io.lancers.bench;

import io.lancers.broadcast.Fragment;
import io.lancers.broadcast.FragmentCutter;
import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.ReplayHeader;
import io.lancers.broadcast.ReplayWriter;
import io.lancers.broadcast.Replayer;
import io.lancers.broadcast.StreamInfo;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.World;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Recording and replaying the reference match: what the server's fragment cutter costs per tick on
 * the tick thread, what encoding a completed fragment costs on the io thread, how big a replay file
 * is per minute, and how long a seek takes in it (open file, random ticks, each a nearest full part
 * then deltas).
 */
public final class ReplayBench {
    private ReplayBench() {
    }

    /**
     * @param ticks      ticks recorded
     * @param fileBytes  the replay file's size
     * @param fullBytes  all full parts (snapshot + roster) together
     * @param deltaBytes all delta parts together
     * @param fragments  fragments in the file
     * @param cut        per tick on the tick thread: the delta's bytes copied and {@code cutter.frame} (ns)
     * @param encode     per fragment on the io thread: both parts encoded (ns)
     */
    public record Recording(int ticks, int tickRate, long fileBytes, long fullBytes, long deltaBytes, int fragments,
                            Stats cut, Stats encode) {
        public double megabytesPerMinute() {
            return fileBytes / 1e6 / (ticks / (double) tickRate / 60);
        }
    }

    /** Plays {@code match} through a cutter of {@code fragmentSeconds} fragments into {@code file}. */
    public static Recording record(ReferenceMatch match, int fragmentSeconds, Path file) throws IOException {
        MatchConfig config = match.config();
        StreamInfo info = new StreamInfo(ProtocolVersion.SUBPROTOCOL, "m1", match.mapId(), config.tickRate(),
                fragmentSeconds * config.tickRate(), ServerMessage.Rules.of(config));
        FragmentCutter cutter = new FragmentCutter(info, 0);
        ReferenceMatch.Run run = match.start();
        List<ServerMessage.PlayerInfo> players = new ArrayList<>();
        for (int id = 1; id <= match.players(); id++) {
            players.add(new ServerMessage.PlayerInfo(id, "Bot " + id, 0x336699 * id & 0xFFFFFF, true, true, 0));
        }
        cutter.control(new ServerMessage.Roster("m1", players, 0));
        Files.deleteIfExists(file);
        long fullBytes = 0;
        long deltaBytes = 0;
        long[] cut = new long[match.ticks()];
        List<Long> encode = new ArrayList<>();
        try (ReplayWriter writer = ReplayWriter.create(file, new ReplayHeader(ReplayFile.FORMAT_VERSION, "bench",
                ProtocolVersion.SUBPROTOCOL, "m1", match.mapId(), "2026-12-03T00:00:00Z", config.tickRate(),
                info.fragmentTicks(), 1, players.stream().map(ServerMessage.PlayerInfo::name).toList()))) {
            World previous = run.world();
            cutter.frame(previous, null);
            List<Fragment> fragments = new ArrayList<>();
            for (int t = 0; t < match.ticks(); t++) {
                World next = run.step(run.decide());
                byte[] delta = StateCodec.encodeDelta(previous, next);
                previous = next;
                long started = System.nanoTime();
                Fragment done = cutter.frame(next, delta.clone());
                cut[t] = System.nanoTime() - started;
                if (done != null) {
                    long encoding = System.nanoTime();
                    fullBytes += done.full().encode().length;
                    deltaBytes += done.delta().encode().length;
                    encode.add(System.nanoTime() - encoding);
                    fragments.add(done);
                }
            }
            Fragment last = cutter.finish();
            if (last != null) {
                fragments.add(last);
                fullBytes += last.full().encode().length;
                deltaBytes += last.delta().encode().length;
            }
            for (Fragment fragment : fragments) {
                writer.append(fragment);
            }
            writer.finish(List.of());
            return new Recording(match.ticks(), config.tickRate(), Files.size(file), fullBytes, deltaBytes,
                    fragments.size(), Stats.of(cut), Stats.of(encode.stream().mapToLong(Long::longValue).toArray()));
        }
    }

    /** {@code seeks} seeks to random ticks (seeded) in {@code file}, after {@code seeks / 10} untimed ones; ns each. */
    public static Stats seek(Path file, int seeks, long seed) throws IOException {
        try (ReplayFile replay = ReplayFile.open(file)) {
            Replayer replayer = new Replayer(replay);
            Random random = new Random(seed);
            int span = replay.lastTick() - replay.firstTick() + 1;
            for (int i = 0; i < seeks / 10; i++) {
                replayer.seek(replay.firstTick() + random.nextInt(span));
            }
            long[] nanos = new long[seeks];
            for (int i = 0; i < seeks; i++) {
                int tick = replay.firstTick() + random.nextInt(span);
                long started = System.nanoTime();
                replayer.seek(tick);
                nanos[i] = System.nanoTime() - started;
                if (replayer.tick() != tick) {
                    throw new IllegalStateException("seek to " + tick + " landed on " + replayer.tick());
                }
            }
            return Stats.of(nanos);
        }
    }
}
