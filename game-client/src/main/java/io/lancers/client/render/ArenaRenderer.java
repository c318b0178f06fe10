package io.lancers.client.render;

import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.client.render.Sprites.Glow;
import io.lancers.client.render.Sprites.Sprite;
import io.lancers.map.ArenaMap;
import io.lancers.sim.Pickup;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.effect.BlendMode;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws one frame of a match on a canvas: space, the arena floor and walls, pickups, projectiles,
 * ships with names and health bars, then the effects. Vector-drawn, so it is sharp at any window
 * size. It keeps a summary of the last frame ({@link #lastFrame()}) for the HUD and for tests.
 */
public final class ArenaRenderer {
    private static final double SHIP_RADIUS = Rules.SHIP_RADIUS;
    /** Drawn a little larger than the rules' hit circle so shots read well on screen. */
    private static final double PROJECTILE_RADIUS = Rules.PROJECTILE_RADIUS * 1.5;
    private static final double PICKUP_RADIUS = Rules.PICKUP_RADIUS;
    private static final Color OWN_RING = Color.web("#ffffff", 0.35);
    /** The star field's 256 shades of grey, made once. */
    private static final Color[] STAR_GREYS = new Color[256];

    static {
        for (int i = 0; i < STAR_GREYS.length; i++) {
            STAR_GREYS[i] = Color.gray(1, 0.25 + i / 255.0 * 0.6);
        }
    }
    /** The sprite's width over the ship's radius: the 48 px jet spans about its hit circle. */
    private static final double SPRITE_SCALE = 2.7;

    private final Effects effects;
    private final ShipSprites ships = new ShipSprites();
    private final ArenaBackdrop backdrop = new ArenaBackdrop();
    private final Sprites sprites = new Sprites();
    private final ShipLabels labels = new ShipLabels();
    /** Per player colour at the current zoom: built on first use, so a frame allocates nothing per entity. */
    private final Map<Color, Sprite> shotSprites = new HashMap<>();
    private final Map<Color, Glow> plumeGlows = new HashMap<>();
    private final Map<Color, Color> trailColors = new HashMap<>();
    /** By pickup kind, at the current zoom: the glow, the body, the dashed ring of one not yet back. */
    private final Map<PickupKind, Glow> pickupGlows = new EnumMap<>(PickupKind.class);
    private final Map<PickupKind, Sprite> pickupBodies = new EnumMap<>(PickupKind.class);
    private final Map<PickupKind, Sprite> pickupWaiting = new EnumMap<>(PickupKind.class);
    private Glow powerGlow;
    private Sprite vignette;
    private double vignetteW;
    private double vignetteH;
    /** Screen coordinates of this frame's visible trails (x0, y0, x1, y1 each) and their colours, reused. */
    private double[] trails = new double[0];
    private Color[] trailColor = new Color[0];
    /** Per drawn shot: a charged lance, which gets a white-hot core along its (twice as long) trail. */
    private boolean[] lanceShot = new boolean[0];
    private double spriteScale;
    private boolean lowEffects;
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

    public void render(GraphicsContext g, SceneView view, long nowNanos) {
        Camera cam = view.camera();
        if (cam.scale() != spriteScale) {
            zoomChanged(cam.scale());
        }
        double time = nowNanos / 1e9;
        g.setGlobalAlpha(1);
        g.setGlobalBlendMode(BlendMode.SRC_OVER);
        backdrop.draw(g, cam, view.map());
        if (!lowEffects) {
            drawStars(g, cam, view.map());
        }
        RenderFrame f = view.frame();
        int available = drawPickups(g, cam, f, time);
        int projectiles = drawProjectiles(g, cam, view);
        List<Integer> shipIds = new ArrayList<>();
        for (RenderShip s : f.ships()) {
            if (s.ship().alive()) {
                shipIds.add(s.ship().id());
                if (cam.sees(s.x(), s.y(), SHIP_RADIUS * 3)) {
                    drawShip(g, cam, view, s, time);
                }
            }
        }
        effects.draw(g, cam, nowNanos);
        lastFrame = new FrameSummary(f.latestTick(), shipIds, projectiles, available, effects.liveCount(nowNanos));
    }

    private void zoomChanged(double scale) {
        spriteScale = scale;
        sprites.clear();
        shotSprites.clear();
        plumeGlows.clear();
        pickupGlows.clear();
        pickupBodies.clear();
        pickupWaiting.clear();
        vignette = null;
        double r = SHIP_RADIUS * scale;
        powerGlow = sprites.glow(r * 2.0, r * 2.6, new Stop(0, Palette.POWER.deriveColor(0, 1, 1, 0.65)),
                new Stop(1, Color.TRANSPARENT));
        labels.zoom(scale, r);
    }

    /**
     * Red at the screen's edges, for the own ship being hit or low on health; {@code strength}
     * 0 draws nothing, 1 is the strongest.
     */
    public void drawDamageVignette(GraphicsContext g, Camera cam, double strength) {
        if (strength <= 0) {
            return;
        }
        double w = cam.screenW();
        double h = cam.screenH();
        if (vignette == null || vignetteW != w || vignetteH != h) {
            // Painted once per window size: a full-window gradient is slow to compute on every frame.
            vignetteW = w;
            vignetteH = h;
            vignette = sprites.painted("vignette " + w + "x" + h, Math.hypot(w, h) / 2, (v, c) -> {
                v.setFill(new RadialGradient(0, 0, c, c, Math.hypot(w, h) / 2, false, CycleMethod.NO_CYCLE,
                        new Stop(0.55, Color.TRANSPARENT), new Stop(1, Color.web("#ff1e1e", 0.55))));
                v.fillRect(c - w / 2, c - h / 2, w, h);
            });
        }
        double half = vignette.image().getWidth() / 2;
        g.setGlobalAlpha(Math.min(1, strength));
        g.drawImage(vignette.image(), Math.round(half - w / 2), Math.round(half - h / 2), w, h, 0, 0, w, h);
        g.setGlobalAlpha(1);
    }

    /**
     * A fixed star field with parallax: hashes of the cell, not a random generator. Stars behind the
     * floor are not drawn: the floor covers them.
     */
    private static void drawStars(GraphicsContext g, Camera cam, ArenaMap map) {
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
                if (sx >= floorX0 && sy >= floorY0 && sx + r <= floorX1 && sy + r <= floorY1) {
                    continue;
                }
                g.setFill(STAR_GREYS[hash & 0xff]);
                g.fillOval(sx, sy, r, r);
            }
        }
    }

    private int drawPickups(GraphicsContext g, Camera cam, RenderFrame f, double time) {
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
            PickupKind kind = p.kind();
            Color c = Palette.pickup(kind);
            if (!ready) {
                pickupWaiting.computeIfAbsent(kind, k -> sprites.painted("pickup waiting " + k, r + 2, (s, o) -> {
                    s.setStroke(c.deriveColor(0, 0.4, 0.7, 0.45));
                    s.setLineWidth(1.5);
                    s.setLineDashes(4, 5);
                    s.strokeOval(o - r, o - r, r * 2, r * 2);
                })).draw(g, sx, sy);
                continue;
            }
            if (!lowEffects) {
                double pulse = 0.5 + 0.5 * Math.sin(time * 4 + p.id());
                pickupGlows.computeIfAbsent(kind, k -> sprites.glow(r * 2.0, r * 2.6,
                        new Stop(0, c.deriveColor(0, 1, 1, 0.55)), new Stop(1, Color.TRANSPARENT)))
                        .draw(g, sx, sy, r * (2.0 + 0.6 * pulse));
            }
            pickupBodies.computeIfAbsent(kind, k -> sprites.painted("pickup " + k, r + 2,
                    (s, o) -> paintPickup(s, o, o, r, k, c))).draw(g, sx, sy);
        }
        return available;
    }

    private static void paintPickup(GraphicsContext g, double sx, double sy, double r, PickupKind kind, Color c) {
        g.setFill(c.deriveColor(0, 1, 0.35, 0.9));
        g.fillOval(sx - r, sy - r, r * 2, r * 2);
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokeOval(sx - r, sy - r, r * 2, r * 2);
        g.setFill(Color.WHITE);
        double a = r * 0.55;
        switch (kind) {
            case HEALTH -> {
                g.fillRect(sx - a, sy - a * 0.3, a * 2, a * 0.6);
                g.fillRect(sx - a * 0.3, sy - a, a * 0.6, a * 2);
            }
            case POWER -> g.fillPolygon(new double[] {sx + a * 0.2, sx - a * 0.6, sx, sx - a * 0.2, sx + a * 0.6, sx},
                    new double[] {sy - a, sy + a * 0.15, sy + a * 0.15, sy + a, sy - a * 0.15, sy - a * 0.15}, 6);
            case LANCE -> {
                // A lance pointing up and right: a thin shaft, a long diamond head, a small guard.
                g.setStroke(Color.WHITE);
                g.setLineWidth(Math.max(1, a * 0.22));
                g.strokeLine(sx - a, sy + a, sx + a * 0.15, sy - a * 0.15);
                g.strokeLine(sx - a * 0.55, sy + a * 0.05, sx - a * 0.05, sy + a * 0.55);
                g.fillPolygon(new double[] {sx + a, sx + a * 0.05, sx - a * 0.05, sx + a * 0.05},
                        new double[] {sy - a, sy - a * 0.35, sy - a * 0.05, sy + a * 0.05}, 4);
            }
        }
    }

    /**
     * Shots: first every trail, one path per colour (one stroke for many trails costs far less than a
     * stroke each in software), then the heads over them.
     */
    private int drawProjectiles(GraphicsContext g, Camera cam, SceneView view) {
        List<RenderProjectile> all = view.frame().projectiles();
        if (trails.length < all.size() * 4) {
            trails = new double[all.size() * 8];
            trailColor = new Color[all.size() * 2];
            lanceShot = new boolean[all.size() * 2];
        }
        int n = 0;
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
            trails[n * 4] = cam.toScreenX(speed == 0 ? x : x - p.vx() / speed * trail);
            trails[n * 4 + 1] = cam.toScreenY(speed == 0 ? y : y - p.vy() / speed * trail);
            trails[n * 4 + 2] = cam.toScreenX(x);
            trails[n * 4 + 3] = cam.toScreenY(y);
            trailColor[n] = view.look(p.ownerId()).color();
            lanceShot[n] = p.lance();
            n++;
        }
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(PROJECTILE_RADIUS * 1.6 * cam.scale());
        for (int i = 0; i < n; i++) {
            Color c = trailColor[i];
            if (c == null || i > 0 && alreadyStroked(c, i)) {
                continue;
            }
            g.beginPath();
            for (int j = i; j < n; j++) {
                if (trailColor[j] == c) {
                    g.moveTo(trails[j * 4], trails[j * 4 + 1]);
                    g.lineTo(trails[j * 4 + 2], trails[j * 4 + 3]);
                }
            }
            g.setStroke(trailColors.computeIfAbsent(c, k -> k.deriveColor(0, 1, 1, 0.45)));
            g.stroke();
        }
        double r = PROJECTILE_RADIUS * cam.scale();
        g.setStroke(Color.WHITE);
        g.setLineWidth(r);
        for (int i = 0; i < n; i++) {
            if (lanceShot[i]) {
                g.strokeLine(trails[i * 4], trails[i * 4 + 1], trails[i * 4 + 2], trails[i * 4 + 3]);
            }
        }
        g.setFill(Color.WHITE);
        for (int i = 0; i < n; i++) {
            double sx = trails[i * 4 + 2];
            double sy = trails[i * 4 + 3];
            if (lowEffects) {
                g.fillOval(sx - r, sy - r, r * 2, r * 2);
            } else {
                // The glow and the white core in one image.
                shotSprites.computeIfAbsent(trailColor[i], k -> {
                    double glow = PROJECTILE_RADIUS * 3 * cam.scale();
                    return sprites.painted("shot " + k, glow, (s, o) -> {
                        s.setFill(new RadialGradient(0, 0, o, o, glow, false, CycleMethod.NO_CYCLE,
                                new Stop(0, k.deriveColor(0, 1, 1, 0.7)), new Stop(1, Color.TRANSPARENT)));
                        s.fillOval(o - glow, o - glow, glow * 2, glow * 2);
                        s.setFill(Color.WHITE);
                        s.fillOval(o - r, o - r, r * 2, r * 2);
                    });
                }).draw(g, sx, sy);
            }
        }
        return all.size();
    }

    /** True if a shot before {@code i} has colour {@code c}: its path took every trail of that colour. */
    private boolean alreadyStroked(Color c, int i) {
        for (int k = 0; k < i; k++) {
            if (trailColor[k] == c) {
                return true;
            }
        }
        return false;
    }

    private void drawShip(GraphicsContext g, Camera cam, SceneView view, RenderShip rs, double time) {
        Ship s = rs.ship();
        double tick = view.frame().renderTick();
        SceneView.PlayerLook look = view.look(s.id());
        double sx = cam.toScreenX(rs.x());
        double sy = cam.toScreenY(rs.y());
        double r = SHIP_RADIUS * cam.scale();
        boolean powered = tick < s.powerUntil();
        boolean shielded = tick < s.invulnerableUntil();

        if (powered && !lowEffects) {
            powerGlow.draw(g, sx, sy, r * (2.3 + 0.3 * Math.sin(time * 9)));
        }
        double speed = Math.hypot(s.vx(), s.vy());
        if (speed > 1 && !lowEffects) {
            // Engine plume opposite to the motion.
            double len = Math.min(1.3, speed / 220) * r;
            double ex = sx - s.vx() / speed * (r * 0.7 + len * 0.5);
            double ey = sy - s.vy() / speed * (r * 0.7 + len * 0.5);
            plumeGlows.computeIfAbsent(look.color(), c -> sprites.glow(1, 1.3 * r,
                    new Stop(0, Color.web("#fff3b0", 0.8)), new Stop(0.4, c.deriveColor(0, 1, 1, 0.5)),
                    new Stop(1, Color.TRANSPARENT))).draw(g, ex, ey, len);
        }

        g.save();
        g.translate(sx, sy);
        g.rotate(Math.toDegrees(rs.aim()));
        double size = r * SPRITE_SCALE;
        // The hull in the player's colour with its lights, over a drop shadow, as one image.
        Image ship = ships.shadowedShip(look.color(), 0.25 / SPRITE_SCALE);
        double scale = size / ships.hullWidth();
        g.setGlobalAlpha(shielded ? 0.55 + 0.35 * Math.sin(time * 18) : 1);
        g.drawImage(ship, -size / 2, -size / 2, ship.getWidth() * scale, ship.getHeight() * scale);
        g.restore();
        g.setGlobalAlpha(1);

        if (shielded) {
            double shimmer = r * (1.55 + 0.08 * Math.sin(time * 12));
            g.setStroke(Palette.SHIELD.deriveColor(0, 1, 1, 0.5 + 0.4 * Math.sin(time * 18)));
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            g.setLineDashOffset(time * 40);
            g.strokeOval(sx - shimmer, sy - shimmer, shimmer * 2, shimmer * 2);
            g.setLineDashes((double[]) null);
        }
        if (s.id() == view.ownId()) {
            double ring = r * 1.9;
            g.setStroke(OWN_RING);
            g.setLineWidth(1.5);
            g.strokeOval(sx - ring, sy - ring, ring * 2, ring * 2);
        }

        // Name above, health bar below.
        labels.drawName(g, look, s.id() == view.ownId(), sx, sy - r * 1.5);
        labels.drawBar(g, s.health(), sx, sy + r * 1.45);
    }
}
