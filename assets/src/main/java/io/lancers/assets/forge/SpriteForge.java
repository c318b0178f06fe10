package io.lancers.assets.forge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws every sprite from shapes and per-pixel formulas. Ships point right (+x); ship parts that
 * the client tints per player are drawn in whites and greys. The look: bevelled hulls, neon glows,
 * dark translucent fills.
 */
final class SpriteForge {

    static final int SHIP_SIZE = 48;
    static final int PROJECTILE_SIZE = 16;
    static final int POWERED_PROJECTILE_SIZE = 24;
    static final int PICKUP_SIZE = 32;
    static final int EXPLOSION_SIZE = 64;
    static final int EXPLOSION_FRAME_COUNT = 8;
    static final int HIT_SPARK_SIZE = 24;
    static final int TILE_SIZE = 64;
    static final int[] ICON_SIZES = {64, 256};

    private static final double ICON_DESIGN_SIZE = 256;

    private static final Rgba WHITE = Rgba.grey(1);
    private static final Rgba CYAN = Rgba.rgb(0.30, 0.88, 1.00);
    private static final Rgba MAGENTA = Rgba.rgb(1.00, 0.32, 0.78);
    private static final Rgba GREEN = Rgba.rgb(0.35, 1.00, 0.55);
    private static final Rgba AMBER = Rgba.rgb(1.00, 0.72, 0.18);
    private static final Rgba EMBER = Rgba.rgb(1.00, 0.55, 0.22);

    private SpriteForge() {
    }

    /** Every sprite, by file name (without directory), in a stable order. */
    static Map<String, Canvas> all() {
        Map<String, Canvas> sprites = new LinkedHashMap<>();
        sprites.put("ship-hull.png", shipHull());
        sprites.put("ship-accent.png", shipAccent());
        sprites.put("projectile.png", projectile());
        sprites.put("projectile-powered.png", poweredProjectile());
        sprites.put("pickup-health.png", healthPickup());
        sprites.put("pickup-power.png", powerPickup());
        List<Canvas> frames = explosion();
        for (int i = 0; i < frames.size(); i++) {
            sprites.put("explosion-" + i + ".png", frames.get(i));
        }
        sprites.put("hit-spark.png", hitSpark());
        sprites.put("floor-tile.png", floorTile());
        sprites.put("wall-tile.png", wallTile());
        for (int size : ICON_SIZES) {
            sprites.put("icon-" + size + ".png", icon(size));
        }
        return sprites;
    }

    // --- ship -------------------------------------------------------------------------------

    /** The hull outline, centred on the origin, nose at +x, about 44 units long and 40 wide. */
    private static Shape hullOutline() {
        return Shape.mirroredPolygon(
                21.5, 0,
                12, -2.8,
                4, -5,
                -2, -8,
                -10, -19.5,
                -14, -19.5,
                -12, -11,
                -17, -8.5,
                -17, -3,
                -13, -2,
                -13, 0);
    }

    /** Panel seams cut into the hull. */
    private static Shape hullSeams() {
        Shape seams = Shape.capsule(-11, 0, 1, 0, 0.3);
        for (int side = -1; side <= 1; side += 2) {
            seams = seams
                    .union(Shape.capsule(-3, 5.8 * side, -11.5, 17 * side, 0.35))
                    .union(Shape.capsule(-4, 5.5 * side, -14.5, 7.5 * side, 0.35))
                    .union(Shape.capsule(2, 3.2 * side, 10, 1.6 * side, 0.3));
        }
        return seams;
    }

    private static Canvas shipHull() {
        Canvas c = new Canvas(SHIP_SIZE, SHIP_SIZE);
        paintHull(c, SHIP_SIZE / 2.0, SHIP_SIZE / 2.0, 0, 1, WHITE);
        return c;
    }

    /**
     * The hull placed at (x, y), turned by {@code angle} and scaled: a bevelled body, a raised
     * fuselage, panel seams and darker engine pods (so the flames stand out), in tones of
     * {@code tint}.
     */
    private static void paintHull(Canvas c, double x, double y, double angle, double scale, Rgba tint) {
        Shape hull = hullOutline().placed(x, y, angle, scale);
        c.fill(hull, bevel(hull, tint.times(0.8), 2.2 * scale));
        Shape fuselage = Shape.mirroredPolygon(19, 0, 8, -2.3, -3, -4.3, -12.5, -3.4, -12.5, 0)
                .placed(x, y, angle, scale);
        c.fill(fuselage, bevel(fuselage, tint.times(0.95), 1.6 * scale));
        c.fill(hullSeams().placed(x, y, angle, scale).intersect(hull.grow(-0.8 * scale)),
                tint.times(0.35).withAlpha(0.75));
        Shape pods = Shape.box(-15.2, 0, 2, 8.5, 0.5).minus(Shape.box(-15.2, 0, 3, 2.6, 0))
                .placed(x, y, angle, scale).intersect(hull);
        c.fill(pods, bevel(pods, tint.times(0.5), 1.2 * scale));
    }

    private static Canvas shipAccent() {
        Canvas c = new Canvas(SHIP_SIZE, SHIP_SIZE);
        double mid = SHIP_SIZE / 2.0;
        Shape canopy = Shape.ellipse(8, 0, 5, 1.9).placed(mid, mid, 0, 1);
        c.glow(canopy, WHITE.withAlpha(0.45), 1.2);
        c.fill(canopy, (x, y, d) -> WHITE.times(0.75 + 0.25 * Shape.smoothstep(mid + 2, mid - 2, y)));
        for (int side = -1; side <= 1; side += 2) {
            Shape flame = Shape.ellipse(-18.8, 5.6 * side, 3.2, 1.5).placed(mid, mid, 0, 1);
            c.glow(flame, WHITE.withAlpha(0.8), 1.6);
            c.fill(flame, WHITE);
            Shape tipLight = Shape.circle(-12, 18.6 * side, 0.8).placed(mid, mid, 0, 1);
            c.glow(tipLight, WHITE.withAlpha(0.7), 0.9);
            c.fill(tipLight, WHITE);
        }
        return c;
    }

    // --- projectiles ------------------------------------------------------------------------

    private static Canvas projectile() {
        Canvas c = new Canvas(PROJECTILE_SIZE, PROJECTILE_SIZE);
        drawBolt(c, 8, 3.5, 12, 1.1, CYAN);
        c.mask(roundedFrame(PROJECTILE_SIZE));
        return c;
    }

    private static Canvas poweredProjectile() {
        Canvas c = new Canvas(POWERED_PROJECTILE_SIZE, POWERED_PROJECTILE_SIZE);
        double mid = POWERED_PROJECTILE_SIZE / 2.0;
        Shape fins = Shape.polygon(16, mid, 13, mid - 4.5, 20.5, mid, 13, mid + 4.5);
        c.glow(fins, MAGENTA.withAlpha(0.6), 1.2);
        drawBolt(c, mid, 4, 18, 1.9, MAGENTA);
        c.mask(roundedFrame(POWERED_PROJECTILE_SIZE));
        return c;
    }

    /** A bolt of light flying right: a glowing trail that brightens into a white head. */
    private static void drawBolt(Canvas c, double y, double tail, double head, double radius, Rgba glow) {
        Shape trail = Shape.capsule(tail, y, head, y, radius);
        c.glow(trail, glow.withAlpha(0.9), radius);
        c.fill(trail, (x, py, d) -> WHITE.mix(glow, 0.35)
                .withAlpha(Shape.smoothstep(tail - radius, head, x)));
        Shape core = Shape.circle(head, y, radius * 1.3);
        c.glow(core, WHITE.withAlpha(0.7), radius);
        c.fill(core, WHITE);
    }

    // --- pickups ----------------------------------------------------------------------------

    private static Canvas healthPickup() {
        Canvas c = new Canvas(PICKUP_SIZE, PICKUP_SIZE);
        double mid = PICKUP_SIZE / 2.0;
        Shape frame = Shape.regular(mid, mid, 13, 6, Math.PI / 6);
        drawPickupFrame(c, frame, GREEN);
        Shape cross = Shape.box(mid, mid, 7, 2.6, 0.8).union(Shape.box(mid, mid, 2.6, 7, 0.8));
        c.glow(cross, GREEN.withAlpha(0.7), 1.5);
        c.fill(cross, bevel(cross, WHITE.mix(GREEN, 0.25), 1.4));
        return c;
    }

    private static Canvas powerPickup() {
        Canvas c = new Canvas(PICKUP_SIZE, PICKUP_SIZE);
        double mid = PICKUP_SIZE / 2.0;
        Shape frame = Shape.regular(mid, mid, 14.5, 4, 0);
        drawPickupFrame(c, frame, AMBER);
        Shape bolt = Shape.polygon(18.5, 5.5, 10.5, 17.5, 15.2, 17.5, 13, 26.5, 21.5, 14, 16.8, 14, 20.5, 5.5);
        c.glow(bolt, AMBER.withAlpha(0.8), 1.5);
        c.fill(bolt, bevel(bolt, WHITE.mix(AMBER, 0.25), 1.2));
        return c;
    }

    /** A dark translucent plate inside a neon rim. */
    private static void drawPickupFrame(Canvas c, Shape frame, Rgba colour) {
        c.fill(frame, (x, y, d) -> colour.times(0.18).withAlpha(0.75));
        Shape rim = frame.grow(-0.9).outline(0.8);
        c.glow(rim, colour.withAlpha(0.8), 1.3);
        c.fill(rim, WHITE.mix(colour, 0.5));
    }

    // --- effects ----------------------------------------------------------------------------

    /** A fireball that swells, cools to smoke and fades; a shock ring and sparks fly outwards. */
    private static List<Canvas> explosion() {
        List<Canvas> frames = new ArrayList<>();
        double mid = EXPLOSION_SIZE / 2.0;
        Shape everywhere = Shape.box(mid, mid, mid, mid, 0);
        for (int i = 0; i < EXPLOSION_FRAME_COUNT; i++) {
            double t = (i + 0.5) / EXPLOSION_FRAME_COUNT;
            Canvas c = new Canvas(EXPLOSION_SIZE, EXPLOSION_SIZE);
            double radius = 8 + 18 * (1 - (1 - t) * (1 - t));
            double ringRadius = 8 + 22 * StrictMath.pow(t, 0.45);
            Shape ring = Shape.circle(mid, mid, ringRadius).outline(0.3 + 1.4 * (1 - t));
            double ringAlpha = StrictMath.pow(1 - t, 1.8);
            Rgba ringColour = EMBER.mix(WHITE, 0.55);
            c.glow(ring, ringColour.withAlpha(ringAlpha * 0.7), 1.6);
            c.fill(ring, ringColour.withAlpha(ringAlpha));
            c.fill(everywhere, (x, y, d) -> fireball(x - mid, y - mid, radius, t));

            for (int s = 0; s < 11; s++) {
                double angle = 2 * Math.PI * (s + Noise.hash(s, 1, 7)) / 11;
                double speed = 0.6 + 0.4 * Noise.hash(s, 2, 7);
                double reach = (6 + 24 * speed) * StrictMath.pow(t, 0.7);
                double length = 1 + 4 * (1 - t);
                double cos = StrictMath.cos(angle);
                double sin = StrictMath.sin(angle);
                Shape spark = Shape.capsule(mid + cos * reach, mid + sin * reach,
                        mid + cos * (reach - length), mid + sin * (reach - length), 0.45);
                double sparkAlpha = StrictMath.pow(1 - t, 1.2);
                c.glow(spark, AMBER.withAlpha(sparkAlpha * 0.8), 0.8);
                c.fill(spark, WHITE.mix(AMBER, 0.3).withAlpha(sparkAlpha));
            }
            frames.add(c);
        }
        return frames;
    }

    /** Colour of the fireball at (x, y) from its centre, at time {@code t} in 0..1. */
    private static Rgba fireball(double x, double y, double radius, double t) {
        double r = StrictMath.hypot(x, y);
        // Billows: the edge wobbles with noise that scales with the ball, so frames match up.
        double wobble = Noise.smooth(x / radius * 24 + 64, y / radius * 24 + 64, 6, 1024, 3);
        double edge = radius * (0.78 + 0.32 * wobble);
        double inside = Shape.smoothstep(edge + 1, edge - 1.5, r);
        if (inside <= 0) {
            return WHITE.withAlpha(0);
        }
        double grain = Noise.smooth(x + 100, y + 100, 3, 1024, 11);
        double flash = StrictMath.pow(1 - t, 3) * 0.9; // the first frames are white hot throughout
        double heat = (1 - r / edge) * 2 * StrictMath.pow(1 - t, 1.1) + flash + (grain - 0.5) * 0.4;
        Rgba colour = heatRamp(heat);
        // Late frames break up into smoke and are eaten away from the noise's low points.
        double holes = Shape.smoothstep(t * 0.8 - 0.3, t * 0.8 + 0.05, grain * 0.6 + wobble * 0.4);
        double alpha = inside * (t < 0.4 ? 1 : holes) * (1 - t * t * 0.6);
        return colour.withAlpha(alpha);
    }

    private static Rgba heatRamp(double heat) {
        Rgba smoke = Rgba.rgb(0.22, 0.18, 0.2);
        Rgba red = Rgba.rgb(0.85, 0.18, 0.06);
        Rgba orange = Rgba.rgb(1.0, 0.55, 0.12);
        Rgba yellow = Rgba.rgb(1.0, 0.9, 0.5);
        if (heat < 0.15) {
            return smoke;
        } else if (heat < 0.45) {
            return smoke.mix(red, (heat - 0.15) / 0.3);
        } else if (heat < 0.75) {
            return red.mix(orange, (heat - 0.45) / 0.3);
        } else if (heat < 1.1) {
            return orange.mix(yellow, (heat - 0.75) / 0.35);
        }
        return yellow.mix(WHITE, Shape.clamp((heat - 1.1) / 0.4, 0, 1));
    }

    private static Canvas hitSpark() {
        Canvas c = new Canvas(HIT_SPARK_SIZE, HIT_SPARK_SIZE);
        double mid = HIT_SPARK_SIZE / 2.0;
        Shape star = Shape.circle(mid, mid, 1.6);
        for (int k = 0; k < 8; k++) {
            double length = k % 2 == 0 ? 9.5 : 5.5;
            double width = k % 2 == 0 ? 1.3 : 0.9;
            Shape ray = Shape.polygon(0, 0, length / 2, -width, length, 0, length / 2, width);
            star = star.union(ray.placed(mid, mid, k * Math.PI / 4 + 0.2, 1));
        }
        Rgba warm = Rgba.rgb(1.0, 0.9, 0.6);
        c.glow(star, warm.withAlpha(0.8), 1.3);
        c.fill(star, WHITE);
        return c;
    }

    // --- tiles ------------------------------------------------------------------------------

    /** Dark arena floor: a faint grid on the tile edges (so tiles join into one grid) and grain. */
    private static Canvas floorTile() {
        Canvas c = new Canvas(TILE_SIZE, TILE_SIZE);
        Rgba base = Rgba.rgb(0.055, 0.065, 0.095);
        Rgba line = Rgba.rgb(0.11, 0.15, 0.23);
        Rgba node = Rgba.rgb(0.22, 0.34, 0.5);
        int half = TILE_SIZE / 2;
        c.paint((px, py) -> {
            double grain = (Noise.smooth(px, py, 8, TILE_SIZE / 8, 21) - 0.5) * 0.03
                    + (Noise.hash(px, py, 5) - 0.5) * 0.012;
            Rgba colour = base.mix(Rgba.grey(0.5), grain);
            int ex = Math.min(px, TILE_SIZE - px);
            int ey = Math.min(py, TILE_SIZE - py);
            if (px == 0 || py == 0) {
                colour = line;
            } else if (ex == 1 || ey == 1) {
                colour = colour.mix(line, 0.25); // the line's soft shoulder
            } else if ((px == half || py == half) && (px + py) % 2 == 0) {
                colour = colour.mix(line, 0.45); // dotted half-grid
            }
            if (ex + ey <= 2 && (px == 0 || py == 0)) {
                colour = node;
            }
            return colour;
        });
        return c;
    }

    /** A bevelled steel panel with a recessed, striped plate and four bolts; tiles seamlessly. */
    private static Canvas wallTile() {
        Canvas c = new Canvas(TILE_SIZE, TILE_SIZE);
        int last = TILE_SIZE - 1;
        Rgba steel = Rgba.rgb(0.18, 0.2, 0.27);
        c.paint((px, py) -> {
            double brushed = (Noise.smooth(px, py * 8, 6, TILE_SIZE / 6 * 8, 31) - 0.5) * 0.05
                    + (Noise.hash(px, py, 9) - 0.5) * 0.02;
            Rgba colour = steel.mix(Rgba.grey(0.6), brushed);
            if (px == 0 || py == 0) {
                colour = colour.times(1.45);
            } else if (px == last || py == last) {
                colour = colour.times(0.45);
            } else if (px >= 9 && px <= last - 9 && py >= 9 && py <= last - 9) {
                boolean stripe = Math.floorMod(px + py, 10) < 5;
                colour = colour.times(stripe ? 0.72 : 0.8);
                if (px == 9 || py == 9) {
                    colour = colour.times(0.6); // the recess's shadowed lip
                } else if (px == last - 9 || py == last - 9) {
                    colour = colour.times(1.5);
                }
            }
            return colour;
        });
        for (int bx = 0; bx < 2; bx++) {
            for (int by = 0; by < 2; by++) {
                Shape bolt = Shape.circle(bx == 0 ? 4.5 : TILE_SIZE - 4.5, by == 0 ? 4.5 : TILE_SIZE - 4.5, 1.7);
                c.fill(bolt.grow(0.6), steel.times(0.45));
                c.fill(bolt, bevel(bolt, steel.times(1.6), 1.2));
            }
        }
        return c;
    }

    // --- icon -------------------------------------------------------------------------------

    /** The app icon: a cyan lancer diving up-right out of a dark, gridded tile. */
    private static Canvas icon(int size) {
        Canvas c = new Canvas(size, size, size / ICON_DESIGN_SIZE);
        double mid = ICON_DESIGN_SIZE / 2;
        Shape tile = Shape.box(mid, mid, 118, 118, 44);
        c.fill(tile, (x, y, d) -> Rgba.rgb(0.07, 0.09, 0.17)
                .mix(Rgba.rgb(0.025, 0.03, 0.06), Shape.clamp(StrictMath.hypot(x - mid, y - mid) / 160, 0, 1)));
        Shape grid = (x, y) -> {
            double gx = Math.abs(x - mid - 32 * StrictMath.rint((x - mid) / 32));
            double gy = Math.abs(y - mid - 32 * StrictMath.rint((y - mid) / 32));
            return Math.min(gx, gy) - 0.9;
        };
        c.fill(grid.intersect(tile.grow(-6)), Rgba.rgb(0.25, 0.45, 0.8).withAlpha(0.22));
        Shape rim = tile.grow(-5).outline(2.6);
        c.glow(rim, CYAN.withAlpha(0.6), 3);
        c.fill(rim, WHITE.mix(CYAN, 0.6));

        double angle = -Math.PI / 4;
        double scale = 3.7;
        double sx = mid - 14;
        double sy = mid + 14;
        // Two bolts ahead of the nose, along the flight line.
        for (int k = 0; k < 2; k++) {
            double along = 100 + 24 * k;
            double bx = sx + along * StrictMath.cos(angle);
            double by = sy + along * StrictMath.sin(angle);
            Shape shot = Shape.capsule(-7, 0, 7, 0, 3.2).placed(bx, by, angle, 1);
            c.glow(shot, CYAN.withAlpha(0.8), 4);
            c.fill(shot, WHITE);
        }
        c.glow(hullOutline().placed(sx, sy, angle, scale), CYAN.withAlpha(0.5), 8);
        paintHull(c, sx, sy, angle, scale, Rgba.rgb(0.65, 0.9, 1.0));
        Shape canopy = Shape.ellipse(8, 0, 5, 1.9).placed(sx, sy, angle, scale);
        c.fill(canopy, bevel(canopy, Rgba.rgb(0.2, 0.3, 0.45), 4));
        for (int side = -1; side <= 1; side += 2) {
            Shape flame = Shape.ellipse(-19.5, 5.6 * side, 4, 1.6).placed(sx, sy, angle, scale);
            c.glow(flame, EMBER.withAlpha(0.9), 7);
            c.fill(flame, WHITE.mix(EMBER, 0.3));
        }
        c.mask(tile.grow(4));
        return c;
    }

    /** A square of the given size with well rounded corners: keeps a sprite's corners clear. */
    private static Shape roundedFrame(int size) {
        double mid = size / 2.0;
        return Shape.box(mid, mid, mid, mid, size / 4.0);
    }

    // --- paints -----------------------------------------------------------------------------

    /**
     * Lit like a raised plate: the shape's inner rim (within {@code width}) slopes, and a light
     * from the upper left brightens the slopes facing it and darkens the others.
     */
    private static Canvas.Paint bevel(Shape shape, Rgba base, double width) {
        double lx = -0.55;
        double ly = -0.65;
        double lz = 0.52;
        double step = 0.25;
        return (x, y, d) -> {
            double dx = height(shape, x + step, y, width) - height(shape, x - step, y, width);
            double dy = height(shape, x, y + step, width) - height(shape, x, y - step, width);
            double nx = -dx / (2 * step) * width;
            double ny = -dy / (2 * step) * width;
            double n = StrictMath.sqrt(nx * nx + ny * ny + 1);
            double lambert = (nx * lx + ny * ly + lz) / n;
            double light = 0.62 + 0.55 * lambert;
            return base.times(Shape.clamp(light, 0, 1.25)).withAlpha(base.a());
        };
    }

    private static double height(Shape shape, double x, double y, double width) {
        return Shape.smoothstep(0, width, -shape.distance(x, y));
    }
}
