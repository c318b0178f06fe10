package io.lancers.client.render;

import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.map.ArenaMap;
import io.lancers.map.Wall;
import io.lancers.sim.Pickup;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.effect.BlendMode;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

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
    private static final double GRID = 50;
    /** The sprite's width over the ship's radius: the 48 px jet spans about its hit circle. */
    private static final double SPRITE_SCALE = 2.7;

    private final Effects effects;
    private final ShipSprites sprites = new ShipSprites();
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

    public void render(GraphicsContext g, SceneView view, long nowNanos) {
        Camera cam = view.camera();
        double time = nowNanos / 1e9;
        g.setGlobalAlpha(1);
        g.setGlobalBlendMode(BlendMode.SRC_OVER);
        g.setFill(Palette.SPACE);
        g.fillRect(0, 0, cam.screenW(), cam.screenH());
        drawStars(g, cam);
        drawFloor(g, cam, view.map());
        drawWalls(g, cam, view.map());
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
        g.setGlobalAlpha(Math.min(1, strength));
        g.setFill(new RadialGradient(0, 0, w / 2, h / 2, Math.hypot(w, h) / 2, false, CycleMethod.NO_CYCLE,
                new Stop(0.55, Color.TRANSPARENT), new Stop(1, Color.web("#ff1e1e", 0.55))));
        g.fillRect(0, 0, w, h);
        g.setGlobalAlpha(1);
    }

    /** A fixed star field with parallax: hashes of the cell, not a random generator. */
    private static void drawStars(GraphicsContext g, Camera cam) {
        double parallax = 0.35;
        double cell = 90;
        double ox = cam.centerX() * parallax;
        double oy = cam.centerY() * parallax;
        double w = cam.screenW() / cam.scale();
        double h = cam.screenH() / cam.scale();
        int x0 = (int) Math.floor((ox - w / 2) / cell);
        int y0 = (int) Math.floor((oy - h / 2) / cell);
        for (int cx = x0; cx <= x0 + w / cell + 1; cx++) {
            for (int cy = y0; cy <= y0 + h / cell + 1; cy++) {
                int hash = (cx * 73856093) ^ (cy * 19349663);
                double fx = ((hash >>> 8) & 0xff) / 255.0;
                double fy = ((hash >>> 16) & 0xff) / 255.0;
                double bright = 0.25 + ((hash & 0xff) / 255.0) * 0.6;
                double sx = (cx * cell + fx * cell - ox) * cam.scale() + cam.screenW() / 2;
                double sy = (cy * cell + fy * cell - oy) * cam.scale() + cam.screenH() / 2;
                double r = (hash & 3) == 0 ? 1.6 : 1.0;
                g.setFill(Color.gray(1, bright));
                g.fillOval(sx, sy, r, r);
            }
        }
    }

    private static void drawFloor(GraphicsContext g, Camera cam, ArenaMap map) {
        double x0 = cam.toScreenX(0);
        double y0 = cam.toScreenY(0);
        double x1 = cam.toScreenX(map.width());
        double y1 = cam.toScreenY(map.height());
        // A soft glow around the arena's rim, then the floor on top of it.
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

    private static void drawWalls(GraphicsContext g, Camera cam, ArenaMap map) {
        double lift = 6 * cam.scale();
        for (Wall wall : map.walls()) {
            double x = cam.toScreenX(wall.x());
            double y = cam.toScreenY(wall.y());
            double w = wall.width() * cam.scale();
            double h = wall.height() * cam.scale();
            if (x + w < 0 || y + h < 0 || x > cam.screenW() || y > cam.screenH()) {
                continue;
            }
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

    private static int drawPickups(GraphicsContext g, Camera cam, RenderFrame f, double time) {
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
            Color c = p.kind() == PickupKind.POWER ? Palette.POWER : Palette.HEALTH;
            if (!ready) {
                g.setStroke(c.deriveColor(0, 0.4, 0.7, 0.45));
                g.setLineWidth(1.5);
                g.setLineDashes(4, 5);
                g.strokeOval(sx - r, sy - r, r * 2, r * 2);
                g.setLineDashes((double[]) null);
                continue;
            }
            double pulse = 0.5 + 0.5 * Math.sin(time * 4 + p.id());
            double glow = r * (2.0 + 0.6 * pulse);
            g.setFill(new RadialGradient(0, 0, sx, sy, glow, false, CycleMethod.NO_CYCLE,
                    new Stop(0, c.deriveColor(0, 1, 1, 0.55)), new Stop(1, Color.TRANSPARENT)));
            g.fillOval(sx - glow, sy - glow, glow * 2, glow * 2);
            g.setFill(c.deriveColor(0, 1, 0.35, 0.9));
            g.fillOval(sx - r, sy - r, r * 2, r * 2);
            g.setStroke(c);
            g.setLineWidth(2);
            g.strokeOval(sx - r, sy - r, r * 2, r * 2);
            g.setFill(Color.WHITE);
            g.setStroke(Color.WHITE);
            double a = r * 0.55;
            if (p.kind() == PickupKind.HEALTH) {
                g.fillRect(sx - a, sy - a * 0.3, a * 2, a * 0.6);
                g.fillRect(sx - a * 0.3, sy - a, a * 0.6, a * 2);
            } else {
                g.fillPolygon(new double[] {sx + a * 0.2, sx - a * 0.6, sx, sx - a * 0.2, sx + a * 0.6, sx},
                        new double[] {sy - a, sy + a * 0.15, sy + a * 0.15, sy + a, sy - a * 0.15, sy - a * 0.15}, 6);
            }
        }
        return available;
    }

    private static int drawProjectiles(GraphicsContext g, Camera cam, SceneView view) {
        int drawn = 0;
        g.setLineCap(StrokeLineCap.ROUND);
        for (RenderProjectile rp : view.frame().projectiles()) {
            var p = rp.projectile();
            double x = rp.x();
            double y = rp.y();
            drawn++;
            if (!cam.sees(x, y, 40)) {
                continue;
            }
            Color c = view.look(p.ownerId()).color();
            double speed = Math.hypot(p.vx(), p.vy());
            // The trail never reaches back behind the muzzle.
            double trail = Math.min(Math.hypot(x - p.x0(), y - p.y0()), 0.06 * speed);
            double tx = speed == 0 ? x : x - p.vx() / speed * trail;
            double ty = speed == 0 ? y : y - p.vy() / speed * trail;
            double sx = cam.toScreenX(x);
            double sy = cam.toScreenY(y);
            g.setStroke(c.deriveColor(0, 1, 1, 0.45));
            g.setLineWidth(PROJECTILE_RADIUS * 1.6 * cam.scale());
            g.strokeLine(cam.toScreenX(tx), cam.toScreenY(ty), sx, sy);
            double glow = PROJECTILE_RADIUS * 3 * cam.scale();
            g.setFill(new RadialGradient(0, 0, sx, sy, glow, false, CycleMethod.NO_CYCLE,
                    new Stop(0, c.deriveColor(0, 1, 1, 0.7)), new Stop(1, Color.TRANSPARENT)));
            g.fillOval(sx - glow, sy - glow, glow * 2, glow * 2);
            double r = PROJECTILE_RADIUS * cam.scale();
            g.setFill(Color.WHITE);
            g.fillOval(sx - r, sy - r, r * 2, r * 2);
        }
        return drawn;
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

        if (powered) {
            double glow = r * (2.3 + 0.3 * Math.sin(time * 9));
            g.setFill(new RadialGradient(0, 0, sx, sy, glow, false, CycleMethod.NO_CYCLE,
                    new Stop(0, Palette.POWER.deriveColor(0, 1, 1, 0.65)), new Stop(1, Color.TRANSPARENT)));
            g.fillOval(sx - glow, sy - glow, glow * 2, glow * 2);
        }
        double speed = Math.hypot(s.vx(), s.vy());
        if (speed > 1) {
            // Engine plume opposite to the motion.
            double len = Math.min(1.3, speed / 220) * r;
            double ex = sx - s.vx() / speed * (r * 0.7 + len * 0.5);
            double ey = sy - s.vy() / speed * (r * 0.7 + len * 0.5);
            g.setFill(new RadialGradient(0, 0, ex, ey, len, false, CycleMethod.NO_CYCLE,
                    new Stop(0, Color.web("#fff3b0", 0.8)), new Stop(0.4, look.color().deriveColor(0, 1, 1, 0.5)),
                    new Stop(1, Color.TRANSPARENT)));
            g.fillOval(ex - len, ey - len, len * 2, len * 2);
        }

        g.save();
        g.translate(sx, sy);
        g.rotate(Math.toDegrees(rs.aim()));
        if (shielded) {
            g.setGlobalAlpha(0.55 + 0.35 * Math.sin(time * 18));
        }
        double size = r * SPRITE_SCALE;
        // A drop shadow, then the hull in the player's colour, then its lights.
        g.setGlobalAlpha(g.getGlobalAlpha() * 0.45);
        g.drawImage(sprites.hull(Color.BLACK), -size / 2 + r * 0.25, -size / 2 + r * 0.25, size, size);
        g.setGlobalAlpha(shielded ? 0.55 + 0.35 * Math.sin(time * 18) : 1);
        g.drawImage(sprites.hull(look.color()), -size / 2, -size / 2, size, size);
        g.drawImage(sprites.accent(), -size / 2, -size / 2, size, size);
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
            g.setStroke(Color.web("#ffffff", 0.35));
            g.setLineWidth(1.5);
            g.strokeOval(sx - ring, sy - ring, ring * 2, ring * 2);
        }

        // Name above, health bar below.
        g.setFont(Font.font("System", FontWeight.BOLD, Math.max(11, 13 * Math.min(1.3, cam.scale()))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(Color.web("#000000", 0.6));
        g.fillText(look.name(), sx + 1, sy - r * 1.5 + 1);
        g.setFill(s.id() == view.ownId() ? Color.WHITE : look.color().interpolate(Color.WHITE, 0.35));
        g.fillText(look.name(), sx, sy - r * 1.5);
        double frac = Math.max(0, Math.min(1, s.health() / (double) Rules.MAX_HEALTH));
        double bw = r * 2.4;
        double bh = Math.max(3, 4 * cam.scale());
        double bx = sx - bw / 2;
        double by = sy + r * 1.45;
        g.setFill(Color.web("#000000", 0.55));
        g.fillRoundRect(bx - 1, by - 1, bw + 2, bh + 2, bh, bh);
        g.setFill(Palette.HEALTH_LOW.interpolate(Palette.HEALTH, frac));
        g.fillRoundRect(bx, by, bw * frac, bh, bh, bh);
    }

}
