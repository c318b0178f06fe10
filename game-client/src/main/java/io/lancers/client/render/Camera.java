package io.lancers.client.render;

/**
 * Maps world units to screen pixels: a fixed slice of the world ({@link #VIEW_HEIGHT} units tall)
 * fills the window whatever its size, centred on a point and kept inside the arena so the
 * camera never shows much beyond the outer wall. An arena smaller than the view is centred.
 *
 * @param centerX world x at the centre of the screen
 * @param centerY world y at the centre of the screen
 * @param scale   pixels per world unit
 * @param screenW screen width in pixels
 * @param screenH screen height in pixels
 */
public record Camera(double centerX, double centerY, double scale, double screenW, double screenH) {

    /** World units visible from top to bottom of the window. */
    public static final double VIEW_HEIGHT = 640;
    /** How far past the arena edge the camera may look, in world units: a glimpse of the outside. */
    static final double EDGE_MARGIN = 60;

    /** A camera looking at {@code (x, y)} in an arena of the given size, clamped to its bounds. */
    public static Camera follow(double x, double y, double arenaW, double arenaH, double screenW, double screenH) {
        double scale = Math.max(screenH, 1) / VIEW_HEIGHT;
        double halfW = screenW / scale / 2;
        double halfH = screenH / scale / 2;
        return new Camera(clamp(x, halfW, arenaW), clamp(y, halfH, arenaH), scale, screenW, screenH);
    }

    private static double clamp(double v, double half, double arena) {
        double lo = half - EDGE_MARGIN;
        double hi = arena - half + EDGE_MARGIN;
        if (lo > hi) {
            return arena / 2;
        }
        return Math.min(Math.max(v, lo), hi);
    }

    public double toScreenX(double worldX) {
        return (worldX - centerX) * scale + screenW / 2;
    }

    public double toScreenY(double worldY) {
        return (worldY - centerY) * scale + screenH / 2;
    }

    public double toWorldX(double screenX) {
        return (screenX - screenW / 2) / scale + centerX;
    }

    public double toWorldY(double screenY) {
        return (screenY - screenH / 2) / scale + centerY;
    }

    /** True if a circle of {@code radius} world units around the point is at least partly visible. */
    public boolean sees(double worldX, double worldY, double radius) {
        double sx = toScreenX(worldX);
        double sy = toScreenY(worldY);
        double r = radius * scale;
        return sx + r >= 0 && sx - r <= screenW && sy + r >= 0 && sy - r <= screenH;
    }
}
