package io.lancers.client.playback;

import io.lancers.client.testing.BotMatchRecording;
import io.lancers.client.testing.FragmentOrigin;
import io.lancers.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Following a broadcast over real HTTP on loopback: fragments cut by the real FragmentCutter from a
 * real simulated match, served by a small JDK HTTP server the test controls.
 */
class BroadcastFeedTest {
    private static BotMatchRecording recording;
    private static Map<Integer, World> truth;
    private FragmentOrigin origin;
    private BroadcastFeed feed;

    @BeforeAll
    static void record() throws Exception {
        recording = BotMatchRecording.play(4, 8 * 180, 180);
        truth = recording.worlds();
    }

    @AfterEach
    void tearDown() {
        if (feed != null) {
            feed.close();
        }
        if (origin != null) {
            origin.close();
        }
    }

    private static int lastTickOf(int position) {
        return recording.fragments().get(position).lastTick();
    }

    private static int firstTickOf(int position) {
        return recording.fragments().get(position).firstTick();
    }

    @Test
    void followsFragmentsAsTheyAppearAndEveryTickIsTheMatchsWorld() throws Exception {
        origin = new FragmentOrigin(recording);
        origin.release(2);
        feed = BroadcastFeed.open(origin.uri());
        assertEquals(firstTickOf(0), feed.firstTick(), "starts where /sync says");
        assertEquals(10.0, feed.delaySeconds());
        assertFalse(feed.seekable());
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.lastTick() == lastTickOf(1));
        origin.release(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.lastTick() == lastTickOf(3));
        for (int tick = feed.firstTick(); tick <= feed.lastTick(); tick++) {
            assertEquals(truth.get(tick), feed.moment(tick).world(), "tick " + tick);
        }
        assertEquals(recording.info(), feed.info());
        assertEquals(null, feed.status());
    }

    @Test
    void aFragmentGoneFromTheServerMeansStartingAgainFromSync() throws Exception {
        origin = new FragmentOrigin(recording);
        origin.release(2);
        feed = BroadcastFeed.open(origin.uri());
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.lastTick() == lastTickOf(1));
        origin.release(7);
        origin.forget(5); // the feed asks for position 2: 410, and /sync now names position 5
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.firstTick() == firstTickOf(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.lastTick() == lastTickOf(6));
        assertEquals(truth.get(firstTickOf(6)), feed.moment(firstTickOf(6)).world());
    }

    @Test
    void aViewerThatDoesNotPlayOnStopsFetchingAFewFragmentsAhead() throws Exception {
        origin = new FragmentOrigin(recording);
        origin.release(2);
        feed = BroadcastFeed.open(origin.uri());
        origin.release(recording.fragments().size());
        int start = feed.firstTick();
        int limit = start + (BroadcastFeed.FRAGMENTS_AHEAD + 1) * recording.info().fragmentTicks();
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.lastTick() > start + BroadcastFeed.FRAGMENTS_AHEAD
                * recording.info().fragmentTicks());
        int held = feed.lastTick();
        assertTrue(held <= limit, "stopped at " + held + ", at most " + limit);
        feed.want(held);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.lastTick() > held);
    }

    @Test
    void aServerThatGoesAwayIsSaidSo() throws Exception {
        origin = new FragmentOrigin(recording);
        origin.release(2);
        feed = BroadcastFeed.open(origin.uri());
        origin.close();
        origin = null;
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.status() != null
                && feed.status().contains("Cannot reach the broadcast server"));
        assertTrue(feed.moment(firstTickOf(0)) != null, "what arrived stays playable");
    }

    @Test
    void anUnknownBroadcastOrNoServerIsAClearError() throws Exception {
        origin = new FragmentOrigin(recording);
        origin.release(2);
        URI wrong = URI.create(origin.uri().toString().replace("/m1", "/m9"));
        IOException unknown = assertThrows(IOException.class, () -> BroadcastFeed.open(wrong));
        assertTrue(unknown.getMessage().contains("no such broadcast"), unknown.getMessage());
    }
}
