package io.lancers.server.match;

import io.lancers.sim.Team;

import java.util.Set;

/**
 * Ship colors: hues spaced by the golden angle, so that any prefix of the sequence is well spread
 * around the wheel; each new participant gets the first one nobody in the room has.
 */
final class Colors {
    private static final double GOLDEN_TURN = 0.6180339887498949;
    private static final double FIRST_HUE = 0.55;

    private Colors() {
    }

    static int firstFree(Set<Integer> inUse) {
        for (int i = 0; ; i++) {
            int color = color(i);
            if (!inUse.contains(color)) {
                return color;
            }
        }
    }

    /** A team's colour, which its players wear in a team match; NONE has none of its own (-1). */
    static int team(Team team) {
        return switch (team) {
            case RED -> 0xF0525A;
            case BLUE -> 0x4C9BF5;
            case NONE -> -1;
        };
    }

    /** The i-th color as 0xRRGGBB: saturated and bright enough to read on a dark arena. */
    static int color(int i) {
        double hue = (FIRST_HUE + i * GOLDEN_TURN) % 1.0;
        return hsvToRgb(hue, 0.65, 0.95);
    }

    private static int hsvToRgb(double hue, double saturation, double value) {
        double h = hue * 6;
        int sector = (int) Math.floor(h) % 6;
        double f = h - Math.floor(h);
        double p = value * (1 - saturation);
        double q = value * (1 - saturation * f);
        double t = value * (1 - saturation * (1 - f));
        double[] rgb = switch (sector) {
            case 0 -> new double[] {value, t, p};
            case 1 -> new double[] {q, value, p};
            case 2 -> new double[] {p, value, t};
            case 3 -> new double[] {p, q, value};
            case 4 -> new double[] {t, p, value};
            default -> new double[] {value, p, q};
        };
        return channel(rgb[0]) << 16 | channel(rgb[1]) << 8 | channel(rgb[2]);
    }

    private static int channel(double v) {
        return (int) Math.round(v * 255);
    }
}
