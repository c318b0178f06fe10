package io.lancers.client.headless;

import io.lancers.sim.Input;
import io.lancers.sim.Ship;
import io.lancers.sim.World;

/**
 * A headless player's hands: aim at the nearest living enemy (or sweep when alone), strafe in a
 * circle around it, and hold fire. Deterministic in the world and the tick count.
 */
final class ScriptedPilot {
    private static final double SWEEP_PER_TICK = 0.05;
    /** Switch strafing direction now and then so ships do not orbit in lockstep forever. */
    private static final int STRAFE_FLIP_TICKS = 90;

    private ScriptedPilot() {
    }

    /** Buttons and aim for our ship {@code ownId} in {@code world} ({@code ticks} inputs into the run). */
    static Input decide(World world, int ownId, long ticks) {
        Ship own = null;
        if (world != null) {
            for (Ship s : world.ships()) {
                if (s.id() == ownId) {
                    own = s;
                }
            }
        }
        double aim = ticks * SWEEP_PER_TICK;
        if (own != null) {
            Ship target = nearestEnemy(world, own);
            if (target != null) {
                aim = Math.atan2(target.y() - own.y(), target.x() - own.x());
            }
        }
        boolean clockwise = (ticks / STRAFE_FLIP_TICKS) % 2 == 0;
        double strafe = aim + (clockwise ? Math.PI / 2 : -Math.PI / 2);
        return new Input(0, directionButtons(strafe) | Input.FIRE, (float) aim);
    }

    /** The one or two direction buttons closest to heading {@code radians} (y grows downwards). */
    static int directionButtons(double radians) {
        double dx = Math.cos(radians);
        double dy = Math.sin(radians);
        int buttons = 0;
        // cos(67.5°): within 67.5° of an axis, that axis's button is held, so diagonals get two.
        double threshold = 0.38;
        if (dx > threshold) {
            buttons |= Input.RIGHT;
        } else if (dx < -threshold) {
            buttons |= Input.LEFT;
        }
        if (dy > threshold) {
            buttons |= Input.DOWN;
        } else if (dy < -threshold) {
            buttons |= Input.UP;
        }
        return buttons;
    }

    private static Ship nearestEnemy(World world, Ship own) {
        Ship best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Ship s : world.ships()) {
            if (s.id() == own.id() || !s.alive()) {
                continue;
            }
            double d = Math.hypot(s.x() - own.x(), s.y() - own.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }
}
