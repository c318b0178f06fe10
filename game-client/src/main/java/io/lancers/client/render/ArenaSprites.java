package io.lancers.client.render;

import io.lancers.client.render.SceneView.PlayerLook;
import io.lancers.client.render.Sprites.Glow;
import io.lancers.client.render.Sprites.Sprite;
import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Every image the arena renderer blends, at the current zoom and window size: painted with JavaFX, so
 * on the JavaFX thread, by {@link #prepare} before a frame is drawn; the drawing (on the painter's thread)
 * only looks them up. {@code prepare} and the drawing never run at once ({@link ArenaPainter} starts a
 * frame only when the last one is done), so the maps need no lock.
 */
final class ArenaSprites {
    /** Drawn a little larger than the rules' hit circle so shots read well on screen. */
    static final double PROJECTILE_RADIUS = Rules.PROJECTILE_RADIUS * 1.5;
    private static final double SHIP_RADIUS = Rules.SHIP_RADIUS;
    private static final double PICKUP_RADIUS = Rules.PICKUP_RADIUS;
    /** The drop shadow's offset, as a share of the hull's width. */
    static final double SHADOW_OFFSET = 0.25 / 2.7;

    final ShipSprites ships = new ShipSprites();
    final ArenaBackdrop backdrop = new ArenaBackdrop();
    final ShipLabels labels = new ShipLabels();
    private final Sprites sprites = new Sprites();
    /** Per player colour at the current zoom. */
    private final Map<Color, Sprite> shots = new HashMap<>();
    private final Map<Color, Glow> plumes = new HashMap<>();
    /** By pickup kind, at the current zoom: the glow, the body, the dashed ring of one not yet back. */
    private final Map<PickupKind, Glow> pickupGlows = new EnumMap<>(PickupKind.class);
    private final Map<PickupKind, Sprite> pickupBodies = new EnumMap<>(PickupKind.class);
    private final Map<PickupKind, Sprite> pickupWaiting = new EnumMap<>(PickupKind.class);
    private Glow powerGlow;
    /** The damage vignette at full strength, the window's size. */
    private Vignette vignette;
    private double scale;

    /** Paints what {@code view} needs and is not painted yet (JavaFX thread). */
    void prepare(SceneView view, Effects effects) {
        Camera cam = view.camera();
        if (cam.scale() != scale) {
            zoomChanged(cam.scale());
        }
        backdrop.prepare(view.map(), cam.scale());
        effects.prepare(cam.scale());
        if (vignette == null || vignette.pixels().width() != (int) cam.screenW()
                || vignette.pixels().height() != (int) cam.screenH()) {
            vignette = Vignette.paint((int) cam.screenW(), (int) cam.screenH());
        }
        for (RenderShip s : view.frame().ships()) {
            PlayerLook look = view.look(s.ship().id());
            ships.shadowedShip(look.color(), SHADOW_OFFSET);
            labels.nameImage(look, s.ship().id() == view.ownId());
            plumes.computeIfAbsent(look.color(), c -> sprites.glow(1, 1.3 * SHIP_RADIUS * scale,
                    new Stop(0, Color.web("#fff3b0", 0.8)), new Stop(0.4, c.deriveColor(0, 1, 1, 0.5)),
                    new Stop(1, Color.TRANSPARENT)));
        }
        for (RenderProjectile p : view.frame().projectiles()) {
            shots.computeIfAbsent(view.look(p.projectile().ownerId()).color(), this::paintShot);
        }
    }

    Sprite shot(Color playerColor) {
        return shots.get(playerColor);
    }

    Glow plume(Color playerColor) {
        return plumes.get(playerColor);
    }

    Glow pickupGlow(PickupKind kind) {
        return pickupGlows.get(kind);
    }

    Sprite pickupBody(PickupKind kind) {
        return pickupBodies.get(kind);
    }

    Sprite pickupWaiting(PickupKind kind) {
        return pickupWaiting.get(kind);
    }

    Glow powerGlow() {
        return powerGlow;
    }

    Vignette vignette() {
        return vignette;
    }

    private void zoomChanged(double zoom) {
        scale = zoom;
        sprites.clear();
        shots.clear();
        plumes.clear();
        double r = SHIP_RADIUS * zoom;
        powerGlow = sprites.glow(r * 2.0, r * 2.6, new Stop(0, Palette.POWER.deriveColor(0, 1, 1, 0.65)),
                new Stop(1, Color.TRANSPARENT));
        labels.zoom(zoom, r);
        double p = PICKUP_RADIUS * zoom;
        for (PickupKind kind : PickupKind.values()) {
            Color c = Palette.pickup(kind);
            pickupWaiting.put(kind, sprites.painted("pickup waiting " + kind, p + 2, (s, o) -> {
                s.setStroke(c.deriveColor(0, 0.4, 0.7, 0.45));
                s.setLineWidth(1.5);
                s.setLineDashes(4, 5);
                s.strokeOval(o - p, o - p, p * 2, p * 2);
            }));
            pickupGlows.put(kind, sprites.glow(p * 2.0, p * 2.6, new Stop(0, c.deriveColor(0, 1, 1, 0.55)),
                    new Stop(1, Color.TRANSPARENT)));
            pickupBodies.put(kind, sprites.painted("pickup " + kind, p + 2, (s, o) -> paintPickup(s, o, o, p, kind, c)));
        }
    }

    /** A shot's glow in its player's colour and its white core, in one image. */
    private Sprite paintShot(Color color) {
        double glow = PROJECTILE_RADIUS * 3 * scale;
        double r = PROJECTILE_RADIUS * scale;
        return sprites.painted("shot " + color, glow, (s, o) -> {
            s.setFill(new RadialGradient(0, 0, o, o, glow, false, CycleMethod.NO_CYCLE,
                    new Stop(0, color.deriveColor(0, 1, 1, 0.7)), new Stop(1, Color.TRANSPARENT)));
            s.fillOval(o - glow, o - glow, glow * 2, glow * 2);
            s.setFill(Color.WHITE);
            s.fillOval(o - r, o - r, r * 2, r * 2);
        });
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
}
