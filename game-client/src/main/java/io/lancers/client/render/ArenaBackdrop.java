package io.lancers.client.render;

import io.lancers.map.ArenaMap;
import io.lancers.map.Wall;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Space, the arena's floor, grid, rim glow and walls. None of it moves in the world, so it is painted
 * once per map and zoom into an opaque image, and each frame copies the visible part of that image at
 * a whole pixel offset: one image copy instead of a full-window fill, a clipped grid, a full-floor
 * gradient and every wall. (Painting it on every frame cost most of a software-rendered frame, and an
 * image with an alpha channel is blended pixel by pixel: BENCHMARKS.md, client render benchmark.)
 */
final class ArenaBackdrop {
    private static final double GRID = 50;
    /**
     * Larger images are painted at a reduced zoom and stretched when drawn: a huge window on a
     * software renderer would otherwise hold a very large image (GPU pipelines cap textures near this).
     */
    private static final int MAX_SIDE = 4096;

    private ArenaMap map;
    private double scale;
    private Image image;
    private double imageScale;
    /** Pixels of space around the floor in the image: as far as the camera may look past the edge. */
    private int margin;

    /** Draws the backdrop for {@code cam}; paints the image first if the map or the zoom changed. */
    void draw(GraphicsContext g, Camera cam, ArenaMap arena) {
        if (image == null || arena != map || cam.scale() != scale) {
            paint(arena, cam.scale());
        }
        double stretch = scale / imageScale;
        double x = cam.toScreenX(0) - margin * stretch;
        double y = cam.toScreenY(0) - margin * stretch;
        double w = image.getWidth() * stretch;
        double h = image.getHeight() * stretch;
        if (x > 0 || y > 0 || x + w < cam.screenW() || y + h < cam.screenH()) {
            // A window wider than the arena and its margin: space all around it.
            g.setFill(Palette.SPACE);
            g.fillRect(0, 0, cam.screenW(), cam.screenH());
        }
        if (stretch == 1) {
            // Whole pixels, so the grid stays as crisp as painted and the copy needs no filtering.
            double dx = Math.max(0, Math.round(x));
            double dy = Math.max(0, Math.round(y));
            double sx = dx - Math.round(x);
            double sy = dy - Math.round(y);
            double cw = Math.min(image.getWidth() - sx, cam.screenW() - dx);
            double ch = Math.min(image.getHeight() - sy, cam.screenH() - dy);
            if (cw > 0 && ch > 0) {
                g.drawImage(image, sx, sy, cw, ch, dx, dy, cw, ch);
            }
        } else {
            g.drawImage(image, x, y, w, h);
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
        image = opaque(canvas.snapshot(null, null));
    }

    /**
     * The same pixels as an image without an alpha channel, by way of an in-memory 24-bit BMP: JavaFX
     * keeps a decoded RGB image as RGB, and the software renderer copies such an image instead of
     * blending it (an image made by snapshot or {@code WritableImage} always carries alpha).
     */
    static Image opaque(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int rowBytes = (w * 3 + 3) & ~3;
        byte[] bmp = new byte[54 + rowBytes * h];
        ByteBuffer header = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'B').put((byte) 'M').putInt(bmp.length).putInt(0).putInt(54)
                .putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt(rowBytes * h).putInt(2835).putInt(2835).putInt(0).putInt(0);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            int at = 54 + (h - 1 - y) * rowBytes; // BMP rows run bottom-up
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                bmp[at++] = (byte) argb;
                bmp[at++] = (byte) (argb >> 8);
                bmp[at++] = (byte) (argb >> 16);
            }
        }
        return new Image(new ByteArrayInputStream(bmp));
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
