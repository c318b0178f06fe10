package io.lancers.bench;

import io.lancers.sim.GameEvent;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldJsonTest {

    @Test
    void jsonLinesRoundTripEveryWorldOfAMatch() throws IOException {
        List<World> worlds = ReferenceMatch.standard().withPlayers(8).withTicks(900).worlds();
        StringWriter out = new StringWriter();
        WorldJson.writeLines(worlds, out);
        String text = out.toString();
        assertEquals(worlds.size(), text.lines().count());
        assertEquals(worlds, WorldJson.readLines(new BufferedReader(new StringReader(text))));
        assertTrue(worlds.stream().flatMap(w -> w.events().stream()).anyMatch(GameEvent.Hit.class::isInstance),
                "the match exercises events");
    }

    @Test
    void eventsCarryTheirType() {
        String json = WorldJson.toJson(firstWithSpawn());
        assertTrue(json.contains("{\"type\":\"spawn\",\"shipId\":1}"), json);
        assertTrue(json.startsWith("{\"tick\":"), json);
        assertTrue(json.contains(",\"match\":{\"phase\":\"PLAYING\""), json);
    }

    @Test
    void anUnknownEventIsRejected() {
        String line = WorldJson.toJson(firstWithSpawn()).replace("\"spawn\"", "\"teleport\"");
        assertThrows(RuntimeException.class, () -> WorldJson.fromJson(line));
    }

    private static World firstWithSpawn() {
        return ReferenceMatch.standard().withPlayers(2).withTicks(5).worlds().stream()
                .filter(w -> w.events().stream().anyMatch(GameEvent.Spawn.class::isInstance))
                .findFirst().orElseThrow();
    }
}
