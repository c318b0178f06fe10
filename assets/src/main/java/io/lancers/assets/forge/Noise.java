package io.lancers.assets.forge;

/** Deterministic lattice noise for textures: a hash of integer coordinates, no hidden state. */
final class Noise {

    private Noise() {
    }

    /** A well-mixed value in [0, 1) for the lattice point (x, y) and a seed. */
    static double hash(int x, int y, int seed) {
        int h = x * 0x27d4eb2d ^ y * 0x165667b1 ^ seed * 0x1b873593;
        h ^= h >>> 15;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return (h >>> 8) / (double) (1 << 24);
    }

    /**
     * Smooth value noise in [0, 1) with lattice cells of {@code cell} units, repeating every
     * {@code period} cells (so a texture {@code cell * period} wide tiles seamlessly).
     */
    static double smooth(double x, double y, double cell, int period, int seed) {
        double gx = x / cell;
        double gy = y / cell;
        int x0 = (int) StrictMath.floor(gx);
        int y0 = (int) StrictMath.floor(gy);
        double fx = Shape.smoothstep(0, 1, gx - x0);
        double fy = Shape.smoothstep(0, 1, gy - y0);
        double v00 = hash(Math.floorMod(x0, period), Math.floorMod(y0, period), seed);
        double v10 = hash(Math.floorMod(x0 + 1, period), Math.floorMod(y0, period), seed);
        double v01 = hash(Math.floorMod(x0, period), Math.floorMod(y0 + 1, period), seed);
        double v11 = hash(Math.floorMod(x0 + 1, period), Math.floorMod(y0 + 1, period), seed);
        double top = v00 + (v10 - v00) * fx;
        double bottom = v01 + (v11 - v01) * fx;
        return top + (bottom - top) * fy;
    }
}
