package io.lancers.client.render;

import io.lancers.map.ArenaMap;
import io.lancers.map.Wall;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;

/**
 * Space, the arena's floor, grid, rim glow and walls. None of it moves in the world, so it is painted
 * once per map and zoom into an opaque image, and each frame copies the visible part of its pixels at
 * a whole pixel offset into the {@link FrameBuffer}, a row at a time: no blending at all. (Painting it on
 * every frame cost most of a software-rendered frame: BENCHMARKS.md, client render benchmark.)
 */
final class ArenaBackdrop {
    private static final double GRID = 50;
    /**
     * Larger images are painted at a reduced zoom and stretched when drawn: a huge window would otherwise
     * hold a very large image (a 4096 px square is 64 MB of pixels).
     */
    private static final int MAX_SIDE = 4096;
    private static final int SPACE = PixelMath.premultiplied(Palette.SPACE, 1);

    private ArenaMap map;
    private double scale;
    private Pixels image;
    private double imageScale;
    /** Pixels of space around the floor in the image: as far as the camera may look past the edge. */
    private int margin;
    /** Per screen column of a stretched copy: where it reads (reused). */
    private int[] columns = new int[0];

    /** Paints the image if the map or the zoom changed (JavaFX thread). */
    void prepare(ArenaMap arena, double zoom) {
        if (image == null || arena != map || zoom != scale) {
            paint(arena, zoom);
        }
    }

    /** Draws the backdrop {@link #prepare prepared} for {@code cam}'s zoom. */
    void draw(FrameBuffer frame, Camera cam) {
        double stretch = scale / imageScale;
        double x = cam.toScreenX(0) - margin * stretch;
        double y = cam.toScreenY(0) - margin * stretch;
        double w = image.width() * stretch;
        double h = image.height() * stretch;
        if (x > 0 || y > 0 || x + w < frame.width() || y + h < frame.height()) {
            // A window wider than the arena and its margin: space all around it.
            frame.fill(SPACE);
        }
        if (stretch == 1) {
            // Whole pixels, so the grid stays as crisp as painted and the copy needs no filtering.
            frame.copy(image, (int) Math.round(x), (int) Math.round(y));
        } else {
            if (columns.length < frame.width()) {
                columns = new int[frame.width()];
            }
            frame.copyScaled(image, x, y, stretch, columns);
        }
    }

    private void paint(ArenaMap arena, double zoom) {
        map = arena;
        scale = zoom;
        double largest = Math.max(arena.width(), arena.height()) + 2 * Camera.EDGE_MARGIN;
        imageScale = Math.min(zoom, (MAX_SIDE - 4) / largest);
        margin = (int) Math.ceil(Camera.EDGE_MARGIN * imageScale) + 2;
        int w = (int) Math.ceil(arena.width() * imageScale) + 2 * margin;
        int h = (int) Math.ceil(arena.height() * imageScale) + 2 * margin;
        // A camera whose screen is the image: world (0, 0) lands margin pixels in from its corner.
        Camera cam = new Camera((w / 2.0 - margin) / imageScale, (h / 2.0 - margin) / imageScale, imageScale, w, h);
        Canvas canvas = new Canvas(w, h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Palette.SPACE);
        g.fillRect(0, 0, w, h);
        paintFloor(g, cam, arena);
        paintWalls(g, cam, arena);
        image = Pixels.of(canvas.snapshot(null, null));
    }

    /** The floor with its grid and vignette, and a soft glow around its rim. */
    static void paintFloor(GraphicsContext g, Camera cam, ArenaMap map) {
        double x0 = cam.toScreenX(0);
        double y0 = cam.toScreenY(0);
        double x1 = cam.toScreenX(map.width());
        double y1 = cam.toScreenY(map.height());
        for (int i = 4; i >= 1; i--) {
            double pad = i * 5;
            g.setFill(Palette.BORDER_GLOW.deriveColor(0, 1, 1, 0.05));
            g.fillRoundRect(x0 - pad, y0 - pad, x1 - x0 + pad * 2, y1 - y0 + pad * 2, pad * 2, pad * 2);
        }
        g.setFill(Palette.FLOOR);
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        g.save();
        g.beginPath();
        g.rect(x0, y0, x1 - x0, y1 - y0);
        g.clip();
        double left = Math.max(0, Math.floor(cam.toWorldX(0) / GRID) * GRID);
        double right = Math.min(map.width(), cam.toWorldX(cam.screenW()));
        double top = Math.max(0, Math.floor(cam.toWorldY(0) / GRID) * GRID);
        double bottom = Math.min(map.height(), cam.toWorldY(cam.screenH()));
        g.setLineWidth(1);
        for (double x = left; x <= right; x += GRID) {
            g.setStroke(Math.round(x / GRID) % 4 == 0 ? Palette.FLOOR_GRID_MAJOR : Palette.FLOOR_GRID);
            double sx = Math.round(cam.toScreenX(x)) + 0.5;
            g.strokeLine(sx, y0, sx, y1);
        }
        for (double y = top; y <= bottom; y += GRID) {
            g.setStroke(Math.round(y / GRID) % 4 == 0 ? Palette.FLOOR_GRID_MAJOR : Palette.FLOOR_GRID);
            double sy = Math.round(cam.toScreenY(y)) + 0.5;
            g.strokeLine(x0, sy, x1, sy);
        }
        // Vignette: the middle of the arena a touch brighter than its corners.
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        double radius = Math.hypot(x1 - x0, y1 - y0) / 2;
        g.setFill(new RadialGradient(0, 0, cx, cy, radius, false, CycleMethod.NO_CYCLE,
                new Stop(0, Color.web("#3a5cff", 0.06)), new Stop(1, Color.web("#000000", 0.35))));
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        g.restore();
        g.setStroke(Palette.BORDER_GLOW);
        g.setLineWidth(Math.max(2, 3 * cam.scale()));
        g.strokeRect(x0, y0, x1 - x0, y1 - y0);
    }

    static void paintWalls(GraphicsContext g, Camera cam, ArenaMap map) {
        double lift = 6 * cam.scale();
        for (Wall wall : map.walls()) {
            double x = cam.toScreenX(wall.x());
            double y = cam.toScreenY(wall.y());
            double w = wall.width() * cam.scale();
            double h = wall.height() * cam.scale();
            g.setFill(Color.web("#000000", 0.35));
            g.fillRect(x + lift, y + lift, w, h);
            g.setFill(Palette.WALL);
            g.fillRect(x, y, w, h);
            g.setFill(Palette.WALL_TOP);
            g.fillRect(x, y, w, Math.min(h, lift));
            g.setStroke(Palette.WALL_EDGE);
            g.setLineWidth(1.5);
            g.strokeRect(x + 0.75, y + 0.75, w - 1.5, h - 1.5);
        }
    }
}
