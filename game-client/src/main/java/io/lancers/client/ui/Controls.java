package io.lancers.client.ui;

import io.lancers.client.render.Camera;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.sim.Input;
import javafx.scene.input.KeyCode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The player's hands: which keys are held and where the mouse is, read as {@link Input} buttons
 * and an aim angle. The key table is written once, here; steering a ship and moving the free
 * camera both read it. No JavaFX events: the match view feeds presses and mouse positions in.
 */
final class Controls {

    /** Each bound key and the button it holds down. */
    private static final Map<KeyCode, Integer> KEYS = Map.ofEntries(
            Map.entry(KeyCode.W, Input.UP), Map.entry(KeyCode.UP, Input.UP),
            Map.entry(KeyCode.S, Input.DOWN), Map.entry(KeyCode.DOWN, Input.DOWN),
            Map.entry(KeyCode.A, Input.LEFT), Map.entry(KeyCode.LEFT, Input.LEFT),
            Map.entry(KeyCode.D, Input.RIGHT), Map.entry(KeyCode.RIGHT, Input.RIGHT),
            Map.entry(KeyCode.SPACE, Input.FIRE),
            Map.entry(KeyCode.SHIFT, Input.LANCE), Map.entry(KeyCode.E, Input.LANCE));
    private static final int MOVE = Input.UP | Input.DOWN | Input.LEFT | Input.RIGHT;

    /** One row of the controls overlay. */
    record Help(String keys, String action) {
    }

    /** The controls overlay's rows: kept beside the table they describe. */
    static final List<Help> HELP = List.of(
            new Help("W A S D", "move"), new Help("Mouse", "aim"), new Help("Click / Space", "fire"),
            new Help("Right-click / Shift / E", "charged lance (hold; needs a lance pickup)"),
            new Help("Tab", "scores (hold)"), new Help("Enter", "chat"), new Help("Esc", "menu"));

    private final Set<KeyCode> held = new HashSet<>();
    private boolean mouseFiring;
    private boolean mouseLance;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private float lastAim;

    void press(KeyCode code) {
        held.add(code);
    }

    void release(KeyCode code) {
        held.remove(code);
    }

    void mouseAt(double x, double y) {
        mouseX = x;
        mouseY = y;
    }

    void setMouseFiring(boolean on) {
        mouseFiring = on;
    }

    void setMouseLance(boolean on) {
        mouseLance = on;
    }

    /** Lets go of everything: focus went elsewhere, or a menu or the chat field took the keyboard. */
    void releaseAll() {
        held.clear();
        mouseFiring = false;
        mouseLance = false;
    }

    /** Releases the keys but not the mouse button (the chat or pause menu opened by key). */
    void releaseKeys() {
        held.clear();
    }

    static boolean isMoveKey(KeyCode code) {
        return (KEYS.getOrDefault(code, 0) & MOVE) != 0;
    }

    /** The {@link Input} buttons held now. */
    int buttons() {
        int b = (mouseFiring ? Input.FIRE : 0) | (mouseLance ? Input.LANCE : 0);
        for (KeyCode code : held) {
            b |= KEYS.getOrDefault(code, 0);
        }
        return b;
    }

    /** -1 (left), 0 or 1 (right), from the movement keys. */
    int moveX() {
        int b = buttons();
        return ((b & Input.RIGHT) != 0 ? 1 : 0) - ((b & Input.LEFT) != 0 ? 1 : 0);
    }

    /** -1 (up), 0 or 1 (down), from the movement keys. */
    int moveY() {
        int b = buttons();
        return ((b & Input.DOWN) != 0 ? 1 : 0) - ((b & Input.UP) != 0 ? 1 : 0);
    }

    /**
     * The angle, radians in [0, 2π), from the own ship where {@code camera} drew it to the mouse;
     * the last angle while there is no ship, no mouse, or the mouse sits on the ship.
     */
    float aim(RenderShip own, Camera camera) {
        if (own == null || camera == null || Double.isNaN(mouseX)) {
            return lastAim;
        }
        double dx = mouseX - camera.toScreenX(own.x());
        double dy = mouseY - camera.toScreenY(own.y());
        if (dx * dx + dy * dy > 4) {
            double a = Math.atan2(dy, dx);
            lastAim = (float) (a < 0 ? a + 2 * Math.PI : a);
        }
        return lastAim;
    }
}
