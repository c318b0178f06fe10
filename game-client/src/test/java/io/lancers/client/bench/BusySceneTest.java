package io.lancers.client.bench;

import io.lancers.client.state.RenderFrame;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's scene is as busy as it says, and it moves. */
class BusySceneTest {

    @Test
    void sixteenShipsAndTwoHundredShotsThatMove() {
        BusyScene scene = new BusyScene(1);
        long start = 1_000_000_000L;
        assertTrue(scene.sample(start).isPresent(), "the first world arrives at once");
        RenderFrame early = scene.sample(start + 500_000_000L).orElseThrow();
        RenderFrame late = scene.sample(start + 1_500_000_000L).orElseThrow();
        assertEquals(BusyScene.SHIPS, late.ships().size());
        assertEquals(BusyScene.PROJECTILES, late.projectiles().size());
        assertTrue(late.renderTick() > early.renderTick() + 30, "a second later the scene is 60 ticks on");
        assertTrue(late.ships().stream().anyMatch(s -> early.ships().stream()
                .anyMatch(e -> e.ship().id() == s.ship().id() && (e.x() != s.x() || e.y() != s.y()))));
    }
}
