package io.lancers.protocol;

import io.lancers.sim.Quantum;

/**
 * Conversions between simulation floats and their integer wire steps on the {@link Quantum} grid.
 * Encoding insists the value is exactly on the grid (a float produced by {@code Quantum}), so the
 * wire form is lossless; anything else is a bug of the caller. {@code -0.0} is not on the grid.
 */
final class Grid {
    private Grid() {
    }

    static long positionSteps(float value) {
        return steps(value, Quantum.POSITION, "position");
    }

    static float position(long steps) {
        return (int) steps * Quantum.POSITION;
    }

    static long velocitySteps(float value) {
        return steps(value, Quantum.VELOCITY, "velocity");
    }

    static float velocity(long steps) {
        return (int) steps * Quantum.VELOCITY;
    }

    static long angleSteps(float radians) {
        int steps = Quantum.angleToSteps(radians);
        if (Float.floatToIntBits(Quantum.angleFromSteps(steps)) != Float.floatToIntBits(radians)) {
            throw new IllegalArgumentException("angle not on the Quantum grid in [0, 2π): " + radians);
        }
        return steps;
    }

    static float angle(long steps) {
        return Quantum.angleFromSteps((int) steps);
    }

    private static long steps(float value, float quantum, String what) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite: " + value);
        }
        int steps = Math.round(value / quantum);
        if (Float.floatToIntBits(steps * quantum) != Float.floatToIntBits(value)) {
            throw new IllegalArgumentException(what + " not on the Quantum grid: " + value);
        }
        return steps;
    }
}
