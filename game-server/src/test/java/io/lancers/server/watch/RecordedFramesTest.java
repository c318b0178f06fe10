package io.lancers.server.watch;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.GameEvent;
import io.lancers.sim.TeamScores;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page decoder's recorded fixture still is what today's encoder sends: each frame decodes in
 * Java, encodes back to the very same bytes from the worlds it gave, and the worlds stored for the
 * JavaScript test are the Java decoder's. With {@code -Dlancers.watch.record=true} it first records
 * a new fixture from a real server.
 */
class RecordedFramesTest {

    @Test
    void theFixtureMatchesTheEncoderAndTheJavaDecoder() throws Exception {
        if (Boolean.getBoolean("lancers.watch.record")) {
            RecordedFrames.record().write(RecordedFrames.FILE);
        }
        RecordedFrames fixture = RecordedFrames.read(RecordedFrames.FILE);
        List<World> worlds = fixture.worlds();
        assertEquals(StateCodec.SNAPSHOT, fixture.frames().get(0)[0], "the fixture starts with a SNAPSHOT");
        assertArrayEquals(fixture.frames().get(0), StateCodec.encodeSnapshot(worlds.get(0)),
                "the first frame is what the encoder makes of its world; regenerate the fixture (see its 'about')");
        for (int i = 1; i < worlds.size(); i++) {
            assertArrayEquals(fixture.frames().get(i), StateCodec.encodeDelta(worlds.get(i - 1), worlds.get(i)),
                    "frame " + i + " is what the encoder makes of its worlds; regenerate the fixture (see its 'about')");
        }
        assertTrue(worlds.stream().anyMatch(w -> w.events().stream().anyMatch(GameEvent.Kill.class::isInstance)),
                "the fixture holds a kill");
        Gson gson = new Gson();
        assertEquals(JsonParser.parseString(gson.toJson(fixture.document().worlds())),
                JsonParser.parseString(Files.readString(RecordedFrames.FILE)).getAsJsonObject().get("worlds"),
                "the stored worlds are the Java decoder's");
    }

    /**
     * Frames an older server (lancers.v2, before v5) sent, as recorded then: each decodes, and the v5
     * encoder makes the very same bytes of the worlds they give (no lance charges, no team score: the
     * new fields are absent), so old recordings play unchanged.
     */
    @Test
    void framesOfAnOlderServerAreV5FramesToo() throws Exception {
        RecordedFrames old = RecordedFrames.read(Path.of("src/test/js/fixtures/recorded-frames-v2.json"));
        List<World> worlds = old.worlds();
        assertArrayEquals(old.frames().get(0), StateCodec.encodeSnapshot(worlds.get(0)));
        for (int i = 1; i < worlds.size(); i++) {
            assertArrayEquals(old.frames().get(i), StateCodec.encodeDelta(worlds.get(i - 1), worlds.get(i)), "frame " + i);
        }
        assertTrue(worlds.stream().allMatch(w -> w.ships().stream().allMatch(s -> s.lanceCharges() == 0)
                && w.match().teamScores().equals(TeamScores.NONE)));
    }
}
