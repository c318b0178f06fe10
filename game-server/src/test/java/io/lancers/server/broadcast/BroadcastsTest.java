package io.lancers.server.broadcast;

import io.lancers.bot.BotBrain;
import io.lancers.broadcast.DeltaPart;
import io.lancers.broadcast.FullPart;
import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.Replayer;
import io.lancers.broadcast.StreamCursor;
import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.match.StreamTap;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Simulation;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broadcasts fed by a real simulated room, on a stepped wall clock. */
class BroadcastsTest {
    private static final int TICK_RATE = 60;
    private static final MatchConfig RULES = new MatchConfig(TICK_RATE, 4, 0, 1, 1);
    private static final MatchSettings ROOM = MatchSettings.defaults("m1", MapLoader.builtInIds().get(0)).withRules(RULES);

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-03T09:30:00Z"));
    private final Map<Integer, World> worlds = new TreeMap<>();

    /** A wall clock that moves only when told. */
    static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Plays {@code ticks} ticks of a bot room into the tap as a room does, the clock moving one tick each. */
    private final class Room {
        final ArenaMap map = MapLoader.load(ROOM.mapId());
        final Simulation sim = new Simulation(map, RULES);
        final Map<Integer, BotBrain> bots = new TreeMap<>();
        final StreamTap tap;
        World world = sim.newMatch(9, 0, 1);

        Room(StreamTap tap) {
            this.tap = tap;
            for (int id = 1; id <= 6; id++) {
                world = sim.addShip(world, id);
                bots.put(id, new BotBrain(id, 0.8f));
            }
            List<ServerMessage.PlayerInfo> players = new ArrayList<>();
            bots.keySet().forEach(id -> players.add(new ServerMessage.PlayerInfo(id, "Bot " + id, 0x4080ff, true, true, 0)));
            tap.control(new ServerMessage.Roster("m1", players, 0));
        }

        void play(int ticks) {
            for (int i = 0; i < ticks; i++) {
                Map<Integer, Input> inputs = new HashMap<>();
                bots.forEach((id, brain) -> inputs.put(id, brain.decide(world, id, map, RULES)));
                World next = sim.step(world, inputs);
                ByteBuffer delta = ByteBuffer.wrap(StateCodec.encodeDelta(world, next)).asReadOnlyBuffer();
                world = next;
                worlds.put(world.tick(), world);
                clock.advance(Duration.ofMillis(1000 / TICK_RATE));
                tap.frame(world, delta);
                if (world.tick() % 50 == 0) {
                    tap.control(new ServerMessage.Chat(1, "Bot 1", "tick " + world.tick(), clock.millis()));
                }
            }
        }
    }

    private Broadcasts broadcasts(BroadcastSettings settings) {
        return new Broadcasts(settings, "test", clock, Runnable::run);
    }

    private static BroadcastSettings settings(int delaySeconds, int retentionSeconds) {
        return BroadcastSettings.defaults().withDelay(Duration.ofSeconds(delaySeconds)).withFragmentLength(Duration.ofSeconds(1))
                .withRetention(Duration.ofSeconds(retentionSeconds));
    }

    @Test
    void nothingIsServedBeforeTheDelayHasPassedSinceItsFragmentWasComplete() {
        Broadcasts broadcasts = broadcasts(settings(10, 60));
        Room room = new Room(broadcasts.tap(ROOM));
        int first = (int) clock.instant().getEpochSecond();
        room.play(TICK_RATE + 1); // fragment `first` complete (its last tick is the 60th after the first world)
        assertTrue(broadcasts.list().matches().isEmpty());
        assertTrue(broadcasts.sync("m1").isEmpty());
        assertInstanceOf(FragmentStore.Lookup.NotYet.class, broadcasts.part("m1", first, true));

        clock.advance(Duration.ofSeconds(10).minusMillis(20));
        assertInstanceOf(FragmentStore.Lookup.NotYet.class, broadcasts.part("m1", first, false));
        clock.advance(Duration.ofMillis(20));
        assertInstanceOf(FragmentStore.Lookup.Found.class, broadcasts.part("m1", first, false));
        assertInstanceOf(FragmentStore.Lookup.NotYet.class, broadcasts.part("m1", first + 1, false));
        assertEquals(first, broadcasts.sync("m1").orElseThrow().fragment());
        assertEquals(List.of("m1"), broadcasts.list().matches().stream().map(Broadcasts.Listing.Entry::matchId).toList());
        assertInstanceOf(FragmentStore.Lookup.NotYet.class, broadcasts.part("m2", first, false));
    }

    @Test
    void afterAMapChangeTheNextFullPartsAndTheSyncNameTheNewMap() throws Exception {
        String other = MapLoader.builtInIds().get(1);
        Broadcasts broadcasts = broadcasts(settings(0, 60));
        Room room = new Room(broadcasts.tap(ROOM));
        room.play(TICK_RATE / 2);
        room.tap.mapChanged(other); // mid-fragment: that fragment keeps the map it started on
        room.play(3 * TICK_RATE);
        Broadcasts.Sync sync = broadcasts.sync("m1").orElseThrow();
        assertEquals(other, sync.mapId());
        assertEquals(ROOM.mapId(), FullPart.decode(found(broadcasts.part("m1", sync.firstFragment(), true)).bytes())
                .info().mapId());
        assertEquals(other, FullPart.decode(found(broadcasts.part("m1", sync.firstFragment() + 1, true)).bytes())
                .info().mapId());
    }

    @Test
    void syncStartsOneBehindTheNewestAndPartsPlayToTheServersWorlds() throws Exception {
        Broadcasts broadcasts = broadcasts(settings(2, 60));
        Room room = new Room(broadcasts.tap(ROOM));
        room.play(8 * TICK_RATE);
        Broadcasts.Sync sync = broadcasts.sync("m1").orElseThrow();
        assertEquals(sync.latestFragment() - 1, sync.fragment());
        assertEquals(TICK_RATE, sync.fragmentTicks());
        assertEquals(2.0, sync.delaySeconds());

        FullPart full = FullPart.decode(found(broadcasts.part("m1", sync.fragment(), true)).bytes());
        assertEquals(sync.tick(), full.tick());
        StreamCursor cursor = StreamCursor.start(full);
        assertEquals(worlds.get(sync.tick()), cursor.world());
        for (int n = sync.fragment(); n <= sync.latestFragment(); n++) {
            cursor.append(DeltaPart.decode(found(broadcasts.part("m1", n, false)).bytes()));
            while (cursor.step()) {
                assertEquals(worlds.get(cursor.tick()), cursor.world());
            }
        }
        assertEquals("Bot 3", cursor.control().nameOf(3));
        // The newest servable fragment ends at least the delay before now.
        assertTrue(room.world.tick() - cursor.tick() >= 2 * TICK_RATE, "served up to " + cursor.tick());
        FragmentStore.Served served = broadcasts.served();
        assertEquals(3, served.parts(), "one full and two delta parts");
        assertEquals(3, served.requests());
        broadcasts.part("m1", sync.fragment(), true);
        assertEquals(new FragmentStore.Served(3, 4, 0), broadcasts.served());
    }

    @Test
    void partsPastTheRetentionWindowAreGoneAndEveryPartHasItsOwnStrongETag() {
        Broadcasts broadcasts = broadcasts(settings(1, 3));
        Room room = new Room(broadcasts.tap(ROOM));
        int first = (int) clock.instant().getEpochSecond();
        room.play(8 * TICK_RATE);
        assertInstanceOf(FragmentStore.Lookup.Gone.class, broadcasts.part("m1", first, true));
        Broadcasts.Sync sync = broadcasts.sync("m1").orElseThrow();
        assertTrue(sync.firstFragment() > first);
        FragmentStore.Part full = found(broadcasts.part("m1", sync.fragment(), true));
        FragmentStore.Part delta = found(broadcasts.part("m1", sync.fragment(), false));
        assertTrue(full.etag().startsWith("\"") && full.etag().endsWith("\""), full.etag());
        assertNotEquals(full.etag(), delta.etag());
        assertEquals(full.etag(), found(broadcasts.part("m1", sync.fragment(), true)).etag());
        assertInstanceOf(FragmentStore.Lookup.NotYet.class, broadcasts.part("m1", first - 5, true));
    }

    @Test
    void recordingWritesOneFinishedFilePerRoundThatReplaysTheServersWorlds(@TempDir Path dir) throws IOException {
        Broadcasts broadcasts = broadcasts(settings(10, 60).withEnabled(false).withRecordDir(dir));
        Room room = new Room(broadcasts.tap(ROOM));
        room.play(12 * TICK_RATE + 17); // rounds of 4 + 1 s: three rounds begin
        broadcasts.close();

        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().matches("lancers-m1-20261203-0930\\d\\dZ-r1\\.lrp"), files.toString());
        int end = -1;
        int totalKills = 0;
        for (int i = 0; i < files.size(); i++) {
            try (ReplayFile replay = ReplayFile.open(files.get(i))) {
                assertTrue(replay.complete(), replay.path() + ": " + replay.damage());
                assertEquals(i + 1, replay.header().round());
                assertEquals("m1", replay.header().matchId());
                assertEquals(6, replay.header().players().size());
                if (end >= 0) {
                    assertEquals(end, replay.firstTick(), "files follow each other");
                }
                end = replay.lastTick();
                List<io.lancers.broadcast.ReplayTrailer.Score> scores = replay.trailer().orElseThrow().finalScores();
                assertEquals(6, scores.size());
                assertTrue(scores.get(0).kills() >= scores.get(5).kills());
                assertEquals("Bot " + scores.get(0).id(), scores.get(0).name());
                int first = replay.firstTick();
                int last = replay.lastTick();
                List<ReplayFile.Kill> kills = worlds.values().stream().filter(w -> w.tick() > first && w.tick() <= last)
                        .flatMap(w -> w.events().stream().filter(e -> e instanceof GameEvent.Kill)
                                .map(e -> (GameEvent.Kill) e)
                                .map(k -> new ReplayFile.Kill(w.tick(), k.killerId(), k.victimId())))
                        .toList();
                assertEquals(kills, replay.trailer().orElseThrow().kills(), "the kills for the timeline are in the trailer");
                assertEquals(kills, replay.kills());
                totalKills += kills.size();
                Replayer replayer = new Replayer(replay);
                for (int tick = replay.firstTick(); tick <= replay.lastTick(); tick += 37) {
                    replayer.seek(tick);
                    assertEquals(worlds.get(tick), replayer.world());
                }
            }
        }
        assertEquals(room.world.tick(), end, "the last seconds are recorded too");
        assertTrue(totalKills > 0, "the bots fought");
    }

    @Test
    void aFaultInTheStreamEndsBroadcastAndRecordingNotTheGame() {
        Broadcasts broadcasts = broadcasts(settings(1, 60));
        StreamTap tap = broadcasts.tap(ROOM);
        Room room = new Room(tap);
        room.play(10);
        tap.frame(room.world, ByteBuffer.allocate(3)); // not the next tick: a bug of the feeder
        room.play(5 * TICK_RATE);
        assertTrue(broadcasts.sync("m1").isEmpty());
        assertFalse(broadcasts.list().matches().stream().anyMatch(m -> m.matchId().equals("m1")));
    }

    private static FragmentStore.Part found(FragmentStore.Lookup lookup) {
        return assertInstanceOf(FragmentStore.Lookup.Found.class, lookup).part();
    }
}
