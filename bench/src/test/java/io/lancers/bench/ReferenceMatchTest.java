package io.lancers.bench;

import io.lancers.map.MapLoader;
import io.lancers.sim.GameEvent;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceMatchTest {
    private static final ReferenceMatch SMALL = ReferenceMatch.standard().withPlayers(8).withTicks(600);

    @Test
    void theStandardMatchIsSixteenBotsForAMinuteAtSixtyHertzOnTheDefaultMap() {
        ReferenceMatch standard = ReferenceMatch.standard();
        assertEquals(16, standard.players());
        assertEquals(MapLoader.builtInIds().get(0), standard.mapId());
        assertEquals(60, standard.config().tickRate());
        assertEquals(3600, standard.ticks());
        assertTrue(standard.config().durationSeconds() * 60 > standard.ticks(), "the whole recording is play");
    }

    /** Seed and bot count define the match: there is no input stream to record. */
    @Test
    void twoPlaysGiveIdenticalWorlds() {
        List<World> first = SMALL.worlds();
        List<World> second = SMALL.worlds();
        assertEquals(SMALL.ticks() + 1, first.size());
        assertEquals(first, second);
    }

    @Test
    void anotherSeedIsAnotherMatch() {
        ReferenceMatch other = new ReferenceMatch(SMALL.mapId(), SMALL.players(), SMALL.ticks(), SMALL.seed() + 1);
        assertNotEquals(SMALL.worlds().get(SMALL.ticks()), other.worlds().get(SMALL.ticks()));
    }

    @Test
    void botsActuallyPlay() {
        List<World> worlds = SMALL.worlds();
        World last = worlds.get(worlds.size() - 1);
        assertEquals(SMALL.ticks(), last.tick());
        assertEquals(SMALL.players(), last.ships().size());
        long hits = worlds.stream().flatMap(w -> w.events().stream()).filter(GameEvent.Hit.class::isInstance).count();
        assertTrue(hits > 0, "bots hit each other within " + SMALL.ticks() + " ticks");
        assertTrue(worlds.stream().anyMatch(w -> !w.projectiles().isEmpty()), "bots fire");
    }

    @Test
    void aRunStopsAtItsLength() {
        ReferenceMatch.Run run = SMALL.withTicks(2).start();
        run.step(run.decide());
        run.step(run.decide());
        assertTrue(run.finished());
        assertThrows(IllegalStateException.class, () -> run.step(run.decide()));
    }
}
