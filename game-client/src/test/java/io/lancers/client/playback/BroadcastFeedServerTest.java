package io.lancers.client.playback;

import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Following the real server's delayed HTTP broadcast of a bot match, on loopback. */
class BroadcastFeedServerTest {
    private GameServer server;
    private BroadcastFeed feed;

    @AfterEach
    void tearDown() {
        if (feed != null) {
            feed.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void followsTheRealServersBroadcastFragmentAfterFragmentUntilTheServerGoes() throws Exception {
        server = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> {
            o.bots = 3;
            o.broadcastDelaySeconds = 1;
            o.fragmentSeconds = 1;
        }));
        URI url = URI.create("http://127.0.0.1:" + server.port() + "/broadcast/m1");
        // /sync answers 404 until the first fragment is complete and a second older.
        AtomicReference<BroadcastFeed> opened = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            try {
                opened.set(BroadcastFeed.open(url));
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        feed = opened.get();
        assertEquals("m1", feed.info().matchId());
        assertEquals(1.0, feed.delaySeconds());
        int start = feed.firstTick();
        int fragmentTicks = feed.info().fragmentTicks();
        await().atMost(Duration.ofSeconds(60)).until(() -> feed.lastTick() >= start + 4 * fragmentTicks);
        int end = feed.lastTick();
        for (int tick = start; tick <= end; tick++) {
            World world = feed.moment(tick) == null ? null : feed.moment(tick).world();
            assertNotNull(world, "every tick from the start is there: " + tick);
            assertEquals(tick, world.tick());
        }
        assertFalse(feed.moment(end).world().ships().isEmpty(), "the bots are in the broadcast");
        assertNotNull(feed.moment(end).control().roster(), "and in its roster");
        assertEquals(null, feed.status());

        server.close();
        server = null;
        await().atMost(Duration.ofSeconds(60)).until(() -> feed.status() != null);
        assertTrue(feed.status().contains("Cannot reach the broadcast server"), feed.status());
    }
}
