package io.lancers.client.render;

import io.lancers.client.render.Sprites.Sprite;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.map.ArenaMap;
import io.lancers.sim.Pickup;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws one frame of a match into a {@link FrameBuffer}: space, the arena floor and walls, pickups,
 * projectiles, ships with names and health bars, then the effects and the damage vignette. The images
 * it blends are painted beforehand on the JavaFX thread ({@link #prepare}); {@link #render} is plain
 * Java and may run on another thread. It keeps a summary of the last frame ({@link #lastFrame()}) for
 * the HUD and for tests.
 */
public final class ArenaRenderer {
    private static final double SHIP_RADIUS = Rules.SHIP_RADIUS;
    private static final double PICKUP_RADIUS = Rules.PICKUP_RADIUS;
    private static final int OWN_RING = PixelMath.premultiplied(Color.WHITE, 0.35);
    private static final int WHITE = 0xffffffff;
    /** The star field's 256 shades of grey, made once. */
    private static final int[] STAR_GREYS = new int[256];

    static {
        for (int i = 0; i < STAR_GREYS.length; i++) {
            STAR_GREYS[i] = PixelMath.premultiplied(Color.WHITE, 0.25 + i / 255.0 * 0.6);
        }
    }
    /** Doubles per shot stroke in {@link #strokes}. */
    private static final int STROKE = 5;
    /** The sprite's width over the ship's radius: the 48 px jet spans about its hit circle. */
    private static final double SPRITE_SCALE = 2.7;

    private final Effects effects;
    private final ArenaSprites sprites = new ArenaSprites();
    /** A trail's colour (premultiplied) by its player's colour. */
    private final Map<Color, Integer> trailColors = new HashMap<>();
    /**
     * This frame's shot colours, looked up once each (a map lookup hashes the colour; 200 shots share a few
     * colours): the player's colour, its trail colour and its shot sprite, at the same index; reused.
     */
    private Color[] shotColors = new Color[32];
    private int[] shotTrails = new int[32];
    private Sprite[] shotSprites = new Sprite[32];
    private int shotColorCount;
    /**
     * This frame's shot strokes, reused: every visible shot's trail, then the white-hot core along the (twice as
     * long) trail of each charged lance among them. Per stroke: x0, y0, x1, y1 on screen and its width
     * ({@value #STROKE} doubles), and its colour.
     */
    private double[] strokes = new double[0];
    private int[] strokeColor = new int[0];
    /** The cores as they are found, before they join {@link #strokes}. */
    private double[] cores = new double[0];
    /** Per visible shot: its colours' index. */
    private int[] trailColor = new int[0];
    private volatile boolean lowEffects;
    private volatile FrameSummary lastFrame = FrameSummary.EMPTY;

    /** What the last frame showed. */
    public record FrameSummary(int tick, List<Integer> shipIds, int projectiles, int pickupsAvailable,
                               int effects) {
        static final FrameSummary EMPTY = new FrameSummary(-1, List.of(), 0, 0, 0);

        public FrameSummary {
            shipIds = List.copyOf(shipIds);
        }
    }

    public ArenaRenderer(Effects effects) {
        this.effects = effects;
    }

    public FrameSummary lastFrame() {
        return lastFrame;
    }

    /** Fewer effects for slow machines: no glows around shots, pickups and engines, lighter effects. */
    public void setLowEffects(boolean on) {
        lowEffects = on;
        effects.setLowEffects(on);
    }

    public boolean lowEffects() {
        return lowEffects;
    }

    /** Paints the images {@code view} needs that are not painted yet; on the JavaFX thread, between frames. */
    public void prepare(SceneView view) {
        sprites.prepare(view, effects);
    }

    /**
     * Draws the frame {@link #prepare prepared} for {@code view}; {@code damage} is the red at the
     * screen's edges for the own ship being hit or low on health, 0 for none, 1 the strongest.
     */
    public void render(FrameBuffer g, SceneView view, long nowNanos, double damage) {
        Camera cam = view.camera();
        double time = nowNanos / 1e9;
        sprites.backdrop.draw(g, cam);
        boolean low = lowEffects;
        if (!low) {
            drawStars(g, cam, view.map());
        }
        RenderFrame f = view.frame();
        int available = drawPickups(g, cam, f, time, low);
        int projectiles = drawProjectiles(g, cam, view, low);
        List<Integer> shipIds = new ArrayList<>();
        for (RenderShip s : f.ships()) {
            if (s.ship().alive()) {
                shipIds.add(s.ship().id());
                if (cam.sees(s.x(), s.y(), SHIP_RADIUS * 3)) {
                    drawShip(g, cam, view, s, time, low);
                }
            }
        }
        effects.draw(g, cam, nowNanos);
        if (damage > 0) {
            sprites.vignette().draw(g, PixelMath.coverage(damage));
        }
        lastFrame = new FrameSummary(f.latestTick(), shipIds, projectiles, available, effects.liveCount(nowNanos));
    }

    /**
     * A fixed star field with parallax: hashes of the cell, not a random generator. Stars behind the
     * floor are not drawn: the floor covers them.
     */
    private static void drawStars(FrameBuffer g, Camera cam, ArenaMap map) {
        double parallax = 0.35;
        double cell = 90;
        double ox = cam.centerX() * parallax;
        double oy = cam.centerY() * parallax;
        double w = cam.screenW() / cam.scale();
        double h = cam.screenH() / cam.scale();
        double floorX0 = cam.toScreenX(0);
        double floorY0 = cam.toScreenY(0);
        double floorX1 = cam.toScreenX(map.width());
        double floorY1 = cam.toScreenY(map.height());
        int x0 = (int) Math.floor((ox - w / 2) / cell);
        int y0 = (int) Math.floor((oy - h / 2) / cell);
        for (int cx = x0; cx <= x0 + w / cell + 1; cx++) {
            for (int cy = y0; cy <= y0 + h / cell + 1; cy++) {
                int hash = (cx * 73856093) ^ (cy * 19349663);
                double fx = ((hash >>> 8) & 0xff) / 255.0;
                double fy = ((hash >>> 16) & 0xff) / 255.0;
                double sx = (cx * cell + fx * cell - ox) * cam.scale() + cam.screenW() / 2;
                double sy = (cy * cell + fy * cell - oy) * cam.scale() + cam.screenH() / 2;
                double r = (hash & 3) == 0 ? 1.6 : 1.0;
                // Behind the floor when inside it on all four sides: one test of the least margin (min compiles
                // without branches), as four tests one of which was first false only where the camera came late.
                if (Math.min(Math.min(sx - floorX0, sy - floorY0), Math.min(floorX1 - (sx + r), floorY1 - (sy + r))) >= 0) {
                    continue;
                }
                g.fillCircle(sx + r / 2, sy + r / 2, r / 2, STAR_GREYS[hash & 0xff]);
            }
        }
    }

    private int drawPickups(FrameBuffer g, Camera cam, RenderFrame f, double time, boolean low) {
        int available = 0;
        for (Pickup p : f.pickups()) {
            boolean ready = f.renderTick() >= p.availableAt();
            if (ready) {
                available++;
            }
            if (!cam.sees(p.x(), p.y(), PICKUP_RADIUS * 3)) {
                continue;
            }
            double sx = cam.toScreenX(p.x());
            double sy = cam.toScreenY(p.y());
            double r = PICKUP_RADIUS * cam.scale();
            if (!ready) {
                sprites.pickupWaiting(p.kind()).draw(g, sx, sy);
                continue;
            }
            if (!low) {
                double pulse = 0.5 + 0.5 * Math.sin(time * 4 + p.id());
                sprites.pickupGlow(p.kind()).draw(g, sx, sy, r * (2.0 + 0.6 * pulse));
            }
            sprites.pickupBody(p.kind()).draw(g, sx, sy);
        }
        return available;
    }

    /**
     * Shots: first every trail, then the lances' cores, then the heads over them. (A trail is its own stroke: where two trails of
     * one colour cross, the crossing is a little brighter than the single path per colour the canvas drew.)
     */
    private int drawProjectiles(FrameBuffer g, Camera cam, SceneView view, boolean low) {
        List<RenderProjectile> all = view.frame().projectiles();
        if (trailColor.length < all.size()) {
            strokes = new double[all.size() * 4 * STROKE];
            strokeColor = new int[all.size() * 4];
            cores = new double[all.size() * 2 * STROKE];
            trailColor = new int[all.size() * 2];
        }
        double trailWidth = ArenaSprites.PROJECTILE_RADIUS * 1.6 * cam.scale();
        double r = ArenaSprites.PROJECTILE_RADIUS * cam.scale();
        // No test of whether a shot is a lance: C2 compiled this with none seen in a match's first seconds and
        // threw the compiled code away at the first one. Each shot writes a core; only a lance's is kept.
        int n = 0;
        int lances = 0;
        shotColorCount = 0;
        for (RenderProjectile rp : all) {
            var p = rp.projectile();
            double x = rp.x();
            double y = rp.y();
            if (!cam.sees(x, y, 40)) {
                continue;
            }
            double speed = Math.hypot(p.vx(), p.vy());
            // The trail never reaches back behind the muzzle.
            double trail = Math.min(Math.hypot(x - p.x0(), y - p.y0()), 0.06 * speed);
            double x0 = cam.toScreenX(speed == 0 ? x : x - p.vx() / speed * trail);
            double y0 = cam.toScreenY(speed == 0 ? y : y - p.vy() / speed * trail);
            double x1 = cam.toScreenX(x);
            double y1 = cam.toScreenY(y);
            trailColor[n] = shotColor(view.look(p.ownerId()).color());
            setStroke(strokes, n, x0, y0, x1, y1, trailWidth);
            strokeColor[n] = shotTrails[trailColor[n]];
            setStroke(cores, lances, x0, y0, x1, y1, r);
            lances += p.lances();
            n++;
        }
        System.arraycopy(cores, 0, strokes, n * STROKE, lances * STROKE);
        Arrays.fill(strokeColor, n, n + lances, WHITE);
        for (int i = 0; i < n + lances; i++) {
            int at = i * STROKE;
            g.strokeSegment(strokes[at], strokes[at + 1], strokes[at + 2], strokes[at + 3], strokes[at + 4],
                    strokeColor[i]);
        }
        for (int i = 0; i < n; i++) {
            double sx = strokes[i * STROKE + 2];
            double sy = strokes[i * STROKE + 3];
            if (low) {
                g.fillCircle(sx, sy, r, WHITE);
            } else {
                // The glow and the white core in one image.
                shotSprites[trailColor[i]].draw(g, sx, sy);
            }
        }
        return all.size();
    }

    /** Stroke {@code index} of {@code into} from {@code (x0, y0)} to {@code (x1, y1)}, {@code width} wide. */
    private static void setStroke(double[] into, int index, double x0, double y0, double x1, double y1, double width) {
        int at = index * STROKE;
        into[at] = x0;
        into[at + 1] = y0;
        into[at + 2] = x1;
        into[at + 3] = y1;
        into[at + 4] = width;
    }

    /** The index of {@code color} among this frame's shot colours (added on its first shot). */
    private int shotColor(Color color) {
        for (int i = 0; i < shotColorCount; i++) {
            if (shotColors[i] == color) {
                return i;
            }
        }
        // A new colour, or one more instance of a colour (then an equal one is looked up again: harmless).
        if (shotColorCount == shotColors.length) {
            shotColors = Arrays.copyOf(shotColors, shotColorCount * 2);
            shotTrails = Arrays.copyOf(shotTrails, shotColorCount * 2);
            shotSprites = Arrays.copyOf(shotSprites, shotColorCount * 2);
        }
        int i = shotColorCount++;
        shotColors[i] = color;
        shotTrails[i] = trailColors.computeIfAbsent(color, k -> PixelMath.premultiplied(k, 0.45));
        shotSprites[i] = sprites.shot(color);
        return i;
    }

    private void drawShip(FrameBuffer g, Camera cam, SceneView view, RenderShip rs, double time, boolean low) {
        Ship s = rs.ship();
        double tick = view.frame().renderTick();
        SceneView.PlayerLook look = view.look(s.id());
        double sx = cam.toScreenX(rs.x());
        double sy = cam.toScreenY(rs.y());
        double r = SHIP_RADIUS * cam.scale();
        boolean powered = tick < s.powerUntil();
        boolean shielded = tick < s.invulnerableUntil();

        if (powered && !low) {
            sprites.powerGlow().draw(g, sx, sy, r * (2.3 + 0.3 * Math.sin(time * 9)));
        }
        double speed = Math.hypot(s.vx(), s.vy());
        if (speed > 1 && !low) {
            // Engine plume opposite to the motion.
            double len = Math.min(1.3, speed / 220) * r;
            double ex = sx - s.vx() / speed * (r * 0.7 + len * 0.5);
            double ey = sy - s.vy() / speed * (r * 0.7 + len * 0.5);
            sprites.plume(look.color()).draw(g, ex, ey, len);
        }

        // The hull in the player's colour with its lights, over a drop shadow, as one image turned about the
        // hull's centre (the shadow reaches past the hull to the lower right).
        ShipSprites.Turnable ship = sprites.ships.shadowedShip(look.color(), ArenaSprites.SHADOW_OFFSET);
        double hull = sprites.ships.hullWidth();
        int alpha = shielded ? PixelMath.coverage(0.55 + 0.35 * Math.sin(time * 18)) : 255;
        g.blendRotated(ship.pixels(), ship.centreX(), ship.centreY(), sx, sy, rs.aim(), r * SPRITE_SCALE / hull, alpha);

        if (shielded) {
            double shimmer = r * (1.55 + 0.08 * Math.sin(time * 12));
            g.strokeCircle(sx, sy, shimmer, 2, PixelMath.premultiplied(Palette.SHIELD, 0.5 + 0.4 * Math.sin(time * 18)),
                    new FrameBuffer.Dash(6, 4, time * 40));
        }
        if (s.id() == view.ownId()) {
            g.strokeCircle(sx, sy, r * 1.9, 1.5, OWN_RING);
        }

        // Name above, health bar below.
        sprites.labels.drawName(g, look, s.id() == view.ownId(), sx, sy - r * 1.5);
        sprites.labels.drawBar(g, s.health(), sx, sy + r * 1.45);
    }
}
