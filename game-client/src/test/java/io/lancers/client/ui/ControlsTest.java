package io.lancers.client.ui;

import io.lancers.client.render.Camera;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.sim.Input;
import io.lancers.sim.Ship;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One key table: the ship's buttons and the free camera's direction read the same keys. */
class ControlsTest {

    @Test
    void lettersAndArrowsHoldTheSameButtons() {
        Controls c = new Controls();
        c.press(KeyCode.W);
        c.press(KeyCode.RIGHT);
        assertEquals(Input.UP | Input.RIGHT, c.buttons());
        assertEquals(1, c.moveX());
        assertEquals(-1, c.moveY());
        c.release(KeyCode.W);
        c.press(KeyCode.DOWN);
        c.press(KeyCode.A);
        assertEquals(Input.DOWN | Input.RIGHT | Input.LEFT, c.buttons());
        assertEquals(0, c.moveX(), "left and right cancel");
        assertEquals(1, c.moveY());
    }

    @Test
    void spaceAndTheMouseFireButDoNotMove() {
        Controls c = new Controls();
        c.press(KeyCode.SPACE);
        assertEquals(Input.FIRE, c.buttons());
        c.release(KeyCode.SPACE);
        c.setMouseFiring(true);
        assertEquals(Input.FIRE, c.buttons());
        assertEquals(0, c.moveX());
        assertEquals(0, c.moveY());
        assertFalse(Controls.isMoveKey(KeyCode.SPACE));
        assertTrue(Controls.isMoveKey(KeyCode.LEFT));
        assertFalse(Controls.isMoveKey(KeyCode.Q));
    }

    @Test
    void unboundKeysHoldNothingAndReleaseAllLetsGo() {
        Controls c = new Controls();
        c.press(KeyCode.Q);
        assertEquals(0, c.buttons());
        c.press(KeyCode.S);
        c.setMouseFiring(true);
        c.releaseKeys();
        assertEquals(Input.FIRE, c.buttons(), "the mouse button is not a key");
        c.press(KeyCode.S);
        c.releaseAll();
        assertEquals(0, c.buttons());
    }

    @Test
    void aimPointsFromTheDrawnShipToTheMouseAndHoldsWithoutOne() {
        Controls c = new Controls();
        Camera cam = new Camera(500, 500, 1, 800, 600);
        RenderShip own = new RenderShip(new Ship(1, 500, 500, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0), 500, 500, 0);
        assertEquals(0f, c.aim(own, cam), "no mouse yet");
        c.mouseAt(400, 400); // the ship is at the screen's centre (400, 300): straight down
        assertEquals((float) (Math.PI / 2), c.aim(own, cam), 1e-6);
        c.mouseAt(300, 300); // straight left
        assertEquals((float) Math.PI, c.aim(own, cam), 1e-6);
        c.mouseAt(400, 200); // straight up: [0, 2π), not negative
        assertEquals((float) (3 * Math.PI / 2), c.aim(own, cam), 1e-6);
        c.mouseAt(401, 300); // on the ship: keeps the last angle
        assertEquals((float) (3 * Math.PI / 2), c.aim(own, cam), 1e-6);
        assertEquals((float) (3 * Math.PI / 2), c.aim(null, cam), 1e-6, "no ship: the last angle");
    }
}
