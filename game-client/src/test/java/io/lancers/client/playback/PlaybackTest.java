package io.lancers.client.playback;

import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.Replayer;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.testing.BotMatchRecording;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real recorded bot match played through a {@link ReplayFeed} on a stepped clock: a seek shows
 * exactly the recorded world of that tick, playing covers the ticks at the chosen speed, and each
 * kill reaches the view once.
 */
class PlaybackTest {
    private static final long FRAME = 1_000_000_000L / 60;
    @TempDir
    static Path dir;
    private static Path file;
    private static ReplayFeed feed;

    @BeforeAll
    static void record() throws Exception {
        file = BotMatchRecording.play(6, 2400, 180).write(dir.resolve("match.lrp"), true);
        feed = ReplayFeed.open(file);
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    /** Samples at {@code now} until the loader has the tick the clock is at. */
    private static RenderFrame sampleLoaded(Playback playback, long now, int tick) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> playback.sample(now),
                f -> f.isPresent() && f.get().latestTick() == tick).orElseThrow();
    }

    @Test
    void aSeekShowsExactlyTheRecordedWorldOfThatTick() throws Exception {
        Playback playback = new Playback(feed, 0);
        int target = feed.firstTick() + 1357;
        playback.seek(target, 0);
        RenderFrame frame = sampleLoaded(playback, 0, target);

        World truth;
        try (ReplayFile again = ReplayFile.open(file)) {
            Replayer replayer = new Replayer(again);
            replayer.seek(target);
            truth = replayer.world();
        }
        assertEquals(target, frame.renderTick(), 1e-9);
        assertEquals(truth.ships().size(), frame.ships().size());
        for (int i = 0; i < truth.ships().size(); i++) {
            Ship ship = truth.ships().get(i);
            RenderFrame.RenderShip shown = frame.ships().get(i);
            assertEquals(ship, shown.ship());
            assertEquals(ship.x(), shown.x(), "paused on a whole tick: drawn where the server had it");
            assertEquals(ship.y(), shown.y());
        }
        assertEquals(truth.match(), frame.match());
        assertTrue(frame.events().isEmpty(), "a seek brings no events of the ticks it skipped");
        assertEquals(truth, playback.shown().world());
    }

    @Test
    void playingAtTwiceTheSpeedCoversTwiceTheTicksAndBetweenTicksShipsAreInterpolated() {
        Playback playback = new Playback(feed, 0);
        int start = feed.firstTick() + 200;
        playback.seek(start, 0);
        sampleLoaded(playback, 0, start);
        playback.clock().setSpeed(2, 0);
        playback.clock().play(0);
        long halfSecond = 500_000_000L;
        RenderFrame later = sampleLoaded(playback, halfSecond, start + 60);
        assertEquals(start + 60, later.renderTick(), 1e-6);

        // A quarter tick further: somewhere between the two recorded positions.
        long quarterTick = FRAME / 8; // at 2x an eighth of a tick's time is a quarter tick
        Optional<RenderFrame> between = playback.sample(halfSecond + quarterTick);
        assertTrue(between.isPresent());
        World from = playback.feed().moment(start + 60).world();
        World to = playback.feed().moment(start + 61).world();
        assertNotNull(to, "the loader keeps the ticks ahead");
        for (RenderFrame.RenderShip s : between.get().ships()) {
            Ship a = s.ship();
            Ship b = to.ships().stream().filter(o -> o.id() == a.id()).findFirst().orElse(null);
            if (b != null && a.alive() && b.alive() && Math.hypot(b.x() - a.x(), b.y() - a.y()) < 64) {
                assertEquals(a.x() + (b.x() - a.x()) * 0.25f, s.x(), 1e-3);
                assertEquals(a.y() + (b.y() - a.y()) * 0.25f, s.y(), 1e-3);
            }
        }
        assertEquals(from.tick(), between.get().latestTick());
    }

    @Test
    void everyKillOfThePlayedTicksReachesTheViewOnce() {
        Playback playback = new Playback(feed, 0);
        int start = feed.firstTick() + 60;
        int end = Math.min(feed.lastTick(), start + 1800);
        playback.seek(start, 0);
        sampleLoaded(playback, 0, start);
        playback.clock().setSpeed(4, 0);
        playback.clock().play(0);
        List<GameEvent.Kill> seen = new ArrayList<>();
        long now = 0;
        int at = start;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (at < end && System.nanoTime() < deadline) {
            now += FRAME;
            Optional<RenderFrame> f = playback.sample(now);
            if (f.isPresent()) {
                f.get().events().stream().filter(e -> e instanceof GameEvent.Kill)
                        .forEach(e -> seen.add((GameEvent.Kill) e));
                at = f.get().latestTick();
            }
            Thread.yield();
        }
        assertTrue(at >= end, "played through to tick " + end + ", got to " + at);
        int last = at;
        await().atMost(Duration.ofSeconds(30)).until(() -> !feed.kills().isEmpty()); // read in the background
        List<ReplayFile.Kill> expected = feed.kills().stream()
                .filter(k -> k.tick() > start && k.tick() <= last).toList();
        assertFalse(expected.isEmpty(), "sharp bots kill within 30 s of play");
        assertEquals(expected.stream().map(k -> k.killerId() + ">" + k.victimId()).toList(),
                seen.stream().map(k -> k.killerId() + ">" + k.victimId()).toList());
    }
}
