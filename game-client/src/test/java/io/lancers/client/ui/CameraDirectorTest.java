package io.lancers.client.ui;

import io.lancers.client.render.Camera;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.Ship;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who the camera follows and where a free camera goes, frame by frame, without JavaFX. */
class CameraDirectorTest {
    private static final double W = 2000;
    private static final double H = 1500;

    private static RenderShip ship(int id, float x, float y, boolean alive) {
        return new RenderShip(new Ship(id, x, y, 0, 0, 0, alive ? 100 : 0, 0, 0, 0, 0, 0, 0, 0), x, y, 0);
    }

    private static RenderFrame frame(int ownId, RenderShip... ships) {
        return new RenderFrame(10, 10, new MatchState(MatchPhase.PLAYING, 10_000, 0, 1, 8, 1),
                new ArrayList<>(List.of(ships)), ownId, List.of(), List.of(), List.of(), false);
    }

    @Test
    void aPlayerFollowsTheOwnShipAndStaysWhereItDied() {
        CameraDirector d = new CameraDirector(2, W, H);
        Camera cam = d.view(frame(2, ship(1, 300, 300, true), ship(2, 900, 800, true)), 800, 640);
        assertEquals(900, cam.centerX());
        assertEquals(800, cam.centerY());
        d.cycle(frame(2, ship(1, 300, 300, true)), 1);
        assertEquals(2, d.followedId(), "a player cannot switch ships");
        cam = d.view(frame(2, ship(2, 1200, 700, false)), 800, 640);
        assertEquals(900, cam.centerX(), "dead: the camera stays");
    }

    @Test
    void aSpectatorCyclesLivingShipsAndPassesOnWhenOneLeaves() {
        CameraDirector d = new CameraDirector(0, W, H);
        RenderFrame f = frame(0, ship(3, 500, 500, true), ship(5, 600, 600, false), ship(7, 700, 700, true));
        d.view(f, 800, 640);
        assertEquals(3, d.followedId(), "the first living ship");
        d.cycle(f, 1);
        assertEquals(7, d.followedId(), "the dead one is skipped");
        d.cycle(f, 1);
        assertEquals(3, d.followedId(), "round again");
        d.cycle(f, -1);
        assertEquals(7, d.followedId());
        d.view(frame(0, ship(3, 500, 500, true)), 800, 640);
        assertEquals(3, d.followedId(), "7 left: the next one");
        assertEquals("Following Three — Q/E to switch, WASD free camera",
                d.followLine(frame(0, ship(3, 500, 500, true)), id -> "Three"));
    }

    @Test
    void aFreeCameraRoamsInsideTheArenaUntilAShipIsPicked() {
        CameraDirector d = new CameraDirector(0, W, H);
        RenderFrame f = frame(0, ship(3, 500, 500, true));
        Camera cam = d.view(f, 800, 640);
        d.roamFreely();
        assertEquals(0, d.followedId());
        d.roam(0.5, 1, 0);
        assertEquals(500 + CameraDirector.FREE_SPEED * 0.5, d.view(f, 800, 640).centerX(), 1e-9);
        d.roam(100, -1, -1);
        Camera corner = d.view(f, 800, 640);
        assertEquals(Camera.follow(0, 0, W, H, 800, 640), corner, "clamped to the arena");
        assertEquals("Free camera — Q/E to follow a player", d.followLine(f, id -> "Three"));
        d.followAt(f, cam, cam.toScreenX(510), cam.toScreenY(490));
        assertEquals(3, d.followedId(), "a click near the ship follows it");
    }
}
