package io.lancers.sim;

/**
 * The grid every simulated quantity is snapped to at the end of each step.
 *
 * <p>Because the authoritative state only ever holds values on this grid, the quantized wire
 * form is lossless: a client that applies a diff gets exactly the server's state, and client-side
 * prediction replays the very same arithmetic as the server.
 */
public final class Quantum {
    /** Positions in world units, 1/8 unit steps: int16 on the wire covers ±4096 units. */
    public static final float POSITION = 0.125f;
    /** Velocities in units per second, 1/8 steps: int16 on the wire covers ±4096 u/s. */
    public static final float VELOCITY = 0.125f;
    /** Angles are binary angle units: a full turn is 65536 (uint16 on the wire). */
    public static final int ANGLE_STEPS = 65536;
    public static final float ANGLE = (float) (2 * Math.PI / ANGLE_STEPS);

    private Quantum() {
    }

    public static float position(float v) {
        return Math.round(v / POSITION) * POSITION;
    }

    public static float velocity(float v) {
        return Math.round(v / VELOCITY) * VELOCITY;
    }

    /** Snaps an angle in radians to the grid, normalised to [0, 2π). */
    public static float angle(float radians) {
        return angleFromSteps(angleToSteps(radians));
    }

    public static int angleToSteps(float radians) {
        return Math.floorMod(Math.round(radians / ANGLE), ANGLE_STEPS);
    }

    public static float angleFromSteps(int steps) {
        return Math.floorMod(steps, ANGLE_STEPS) * ANGLE;
    }
}
