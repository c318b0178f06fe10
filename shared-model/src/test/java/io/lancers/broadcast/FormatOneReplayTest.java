package io.lancers.broadcast;

import io.lancers.sim.GameEvent;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replay a user saved before lancers.v5 still plays. The fixture {@code format1-foundry.lrp} is a
 * genuine format-1 file, recorded by the server of commit 6b1145c (the last before v5) with
 * {@code --record}: four bots of skill 1 on Foundry for a few seconds, finished when the server
 * stopped. It is opened and played tick by tick to its end through the reader the client uses.
 */
class FormatOneReplayTest {
    private static Path fixture() throws URISyntaxException {
        return Path.of(FormatOneReplayTest.class.getResource("format1-foundry.lrp").toURI());
    }

    @Test
    void aFormatOneRecordingOpensAndPlaysToItsEnd() throws Exception {
        try (ReplayFile replay = ReplayFile.open(fixture())) {
            assertEquals(1, replay.header().format());
            assertEquals("lancers.v2", replay.header().protocol());
            assertEquals("foundry", replay.info().mapId());
            assertTrue(replay.complete(), "the server finished it when it stopped");
            assertNull(replay.damage());
            assertTrue(replay.fragmentCount() >= 2, "crosses a fragment: " + replay.fragmentCount());

            Replayer replayer = new Replayer(replay);
            assertEquals(replay.firstTick(), replayer.tick());
            List<ReplayFile.Kill> kills = new ArrayList<>();
            int hits = 0;
            int ticks = 1;
            while (replayer.step()) {
                World w = replayer.world();
                assertEquals(replayer.tick(), w.tick());
                assertEquals(4, w.ships().size(), "tick " + w.tick());
                for (Ship s : w.ships()) {
                    assertEquals(0, s.lanceCharges(), "format 1 knows no lance charges");
                }
                for (GameEvent e : w.events()) {
                    hits += e instanceof GameEvent.Hit ? 1 : 0;
                    if (e instanceof GameEvent.Kill k) {
                        kills.add(new ReplayFile.Kill(w.tick(), k.killerId(), k.victimId()));
                    }
                }
                assertNotNull(replayer.control());
                ticks++;
            }
            assertEquals(replay.lastTick(), replayer.tick(), "played to the end");
            assertEquals(replay.lastTick() - replay.firstTick() + 1, ticks);
            assertTrue(hits > 0, "the bots fought");
            assertEquals(replay.trailer().orElseThrow().kills(), kills, "the events played match the trailer's timeline");
            assertEquals(kills, replay.kills());

            // A jump back lands on exactly the world played through.
            int middle = (replay.firstTick() + replay.lastTick()) / 2;
            Replayer again = new Replayer(replay);
            again.seek(middle);
            replayer.seek(middle);
            assertEquals(replayer.world(), again.world());
        }
    }
}
