package io.lancers.client.ui;

import io.lancers.client.render.Camera;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.sim.Rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Where the camera looks. A player's camera follows the own ship; a spectator's follows a chosen
 * ship (Q/E cycle, a click picks one, a lost one passes to the next) or roams freely (WASD). When
 * the followed ship is dead the camera stays where it last was. No JavaFX and no clock: time
 * arrives as the frame's {@code dt}.
 */
final class CameraDirector {
    /** Free camera speed, world units per second. */
    static final double FREE_SPEED = 700;

    private final int ownId;
    private final double arenaW;
    private final double arenaH;
    private int followId;
    private boolean free;
    private double x;
    private double y;

    CameraDirector(int ownId, double arenaW, double arenaH) {
        this.ownId = ownId;
        this.arenaW = arenaW;
        this.arenaH = arenaH;
        this.x = arenaW / 2;
        this.y = arenaH / 2;
    }

    /** The ship the camera follows: the own ship, or the watched one when spectating (0: free camera). */
    int followedId() {
        return ownId != 0 ? ownId : free ? 0 : followId;
    }

    /** A spectator's movement keys take the camera off the ship it followed. */
    void roamFreely() {
        if (ownId == 0) {
            free = true;
        }
    }

    /** Moves a free camera by ({@code dx}, {@code dy}) in -1..1 over {@code dt} seconds, inside the arena. */
    void roam(double dt, int dx, int dy) {
        if (!free) {
            return;
        }
        x = Math.max(0, Math.min(arenaW, x + dx * FREE_SPEED * dt));
        y = Math.max(0, Math.min(arenaH, y + dy * FREE_SPEED * dt));
    }

    /** A spectator follows the next ({@code direction} 1) or previous (-1) living ship in id order. */
    void cycle(RenderFrame f, int direction) {
        if (ownId == 0) {
            free = false;
            followId = nextFollow(f, followId, direction);
        }
    }

    /** A spectator's click: follows the living ship nearest the point (screen pixels), if one is close. */
    void followAt(RenderFrame f, Camera camera, double screenX, double screenY) {
        double wx = camera.toWorldX(screenX);
        double wy = camera.toWorldY(screenY);
        RenderShip best = null;
        double bestD = Rules.SHIP_RADIUS * 2.5;
        for (RenderShip s : f.ships()) {
            double d = Math.hypot(s.x() - wx, s.y() - wy);
            if (s.ship().alive() && d < bestD) {
                best = s;
                bestD = d;
            }
        }
        if (best != null) {
            followId = best.ship().id();
            free = false;
        }
    }

    /**
     * The camera for frame {@code f} on a screen of the given size. A spectator whose ship left
     * the frame passes on to the next one first.
     */
    Camera view(RenderFrame f, double screenW, double screenH) {
        if (ownId == 0 && !free && f.ship(followId) == null) {
            followId = nextFollow(f, followId, 1);
        }
        RenderShip target = f.ship(followedId());
        if (target != null && target.ship().alive()) {
            x = target.x();
            y = target.y();
        }
        return Camera.follow(x, y, arenaW, arenaH, screenW, screenH);
    }

    /** The spectator's line under the timer: whom the camera follows. */
    String followLine(RenderFrame f, IntFunction<String> names) {
        return free || f.ship(followId) == null ? "Free camera — Q/E to follow a player"
                : "Following " + names.apply(followId) + " — Q/E to switch, WASD free camera";
    }

    /** The next (or previous) living ship after {@code current} in id order. */
    private static int nextFollow(RenderFrame f, int current, int direction) {
        List<Integer> ids = new ArrayList<>();
        for (RenderShip s : f.ships()) {
            if (s.ship().alive()) {
                ids.add(s.ship().id());
            }
        }
        if (ids.isEmpty()) {
            return current;
        }
        int at = ids.indexOf(current);
        if (at < 0) {
            return ids.get(0);
        }
        return ids.get(Math.floorMod(at + direction, ids.size()));
    }
}
