package io.lancers.client.render;

import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Pickup;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Short-lived visual effects spawned from {@link RenderFrame#events()}: hit sparks, death explosions,
 * pickup flashes and spawn rings. Time is a parameter ({@code nowNanos}), so the effects are the
 * same whatever the frame rate, and a seeded generator keeps them reproducible.
 */
public final class Effects {
    private static final double SPARK_LIFE = 0.35;
    private static final double EXPLOSION_LIFE = 0.9;
    private static final double RING_LIFE = 0.6;

    private static final Stop[] FIREBALL = {new Stop(0, Color.WHITE), new Stop(0.25, Color.web("#ffe08a")),
            new Stop(0.55, Palette.POWER), new Stop(1, Color.TRANSPARENT)};

    private final List<Effect> live = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(0x1a2ce55L);
    private final Sprites sprites = new Sprites();
    private double spriteScale;
    private Sprites.Glow fireball;
    private boolean lowEffects;

    /** Each kind draws itself: a new kind does not compile without its drawing. */
    private sealed interface Effect {
        double x();

        double y();

        long bornNanos();

        /** How far from its centre it ever draws, world units: beyond the screen by more, it is skipped. */
        double reach();

        double lifeSeconds();

        /** Draws at {@code t} seconds old, {@code k} = t / life. */
        void draw(Effects effects, GraphicsContext g, Camera cam, double t, double k);
    }

    private record Sparks(double x, double y, Color color, double[] angles, double[] speeds, long bornNanos)
            implements Effect {
        public double lifeSeconds() {
            return SPARK_LIFE;
        }

        public double reach() {
            return 300; // the fastest spark (260/s) with its tail at the end of its life
        }

        public void draw(Effects effects, GraphicsContext g, Camera cam, double t, double k) {
            if (!effects.lowEffects) {
                drawSparks(g, cam, this, t, k);
            }
        }
    }

    private record Explosion(double x, double y, Color color, double[] angles, double[] speeds, long bornNanos)
            implements Effect {
        public double lifeSeconds() {
            return EXPLOSION_LIFE;
        }

        public double reach() {
            return 160; // the ring ends at 150; debris and fireball stay inside it
        }

        public void draw(Effects effects, GraphicsContext g, Camera cam, double t, double k) {
            effects.drawExplosion(g, cam, this, t, k);
        }
    }

    private record Ring(double x, double y, Color color, double radius, long bornNanos) implements Effect {
        public double lifeSeconds() {
            return RING_LIFE;
        }

        public double reach() {
            return radius * 1.4 + 5;
        }

        public void draw(Effects effects, GraphicsContext g, Camera cam, double t, double k) {
            drawRing(g, cam, this, k);
        }
    }

    /**
     * Spawns the effects of the frame's events, placed where the frame shows their ships.
     *
     * @param colors the colour of each ship, by id
     */
    public void spawn(RenderFrame frame, java.util.function.IntFunction<Color> colors, long nowNanos) {
        GameEvent.Visitor spawner = new GameEvent.Visitor() {
            @Override
            public void hit(GameEvent.Hit hit) {
                RenderShip target = frame.ship(hit.targetId());
                if (target != null) {
                    live.add(new Sparks(target.x(), target.y(), colors.apply(hit.shooterId()), angles(10),
                            speeds(10, 80, 260), nowNanos));
                }
            }

            @Override
            public void kill(GameEvent.Kill kill) {
                RenderShip victim = frame.ship(kill.victimId());
                if (victim != null) {
                    live.add(new Explosion(victim.x(), victim.y(), colors.apply(kill.victimId()), angles(26),
                            speeds(26, 40, 220), nowNanos));
                }
            }

            @Override
            public void pickupTaken(GameEvent.PickupTaken taken) {
                Pickup p = pickup(frame, taken.pickupId());
                if (p != null) {
                    live.add(new Ring(p.x(), p.y(), Palette.pickup(taken.kind()), 60, nowNanos));
                }
            }

            @Override
            public void spawn(GameEvent.Spawn spawn) {
                RenderShip s = frame.ship(spawn.shipId());
                if (s != null) {
                    live.add(new Ring(s.x(), s.y(), Palette.SHIELD, 48, nowNanos));
                }
            }
        };
        for (GameEvent e : frame.events()) {
            e.accept(spawner);
        }
    }

    /** How many effects are still playing at {@code nowNanos}. */
    public int liveCount(long nowNanos) {
        expire(nowNanos);
        return live.size();
    }

    /** Fewer effects for slow machines: no sparks or debris, explosions keep their fireball and ring. */
    void setLowEffects(boolean on) {
        lowEffects = on;
    }

    /** Draws every live effect; drops the finished ones. */
    public void draw(GraphicsContext g, Camera cam, long nowNanos) {
        expire(nowNanos);
        if (cam.scale() != spriteScale) {
            spriteScale = cam.scale();
            sprites.clear();
            // Every size the fireball grows through, painted now (a match's first frame) rather than at its first
            // explosion, where painting them would stall a frame in the fight.
            fireball = sprites.glow(20 * spriteScale, 90 * spriteScale, FIREBALL);
        }
        for (Effect e : live) {
            if (!cam.sees(e.x(), e.y(), e.reach())) {
                continue;
            }
            double t = (nowNanos - e.bornNanos()) / 1e9;
            e.draw(this, g, cam, t, t / e.lifeSeconds());
        }
        g.setGlobalAlpha(1);
    }

    private void expire(long nowNanos) {
        for (Iterator<Effect> it = live.iterator(); it.hasNext(); ) {
            Effect e = it.next();
            if ((nowNanos - e.bornNanos()) / 1e9 >= e.lifeSeconds()) {
                it.remove();
            }
        }
    }

    private static void drawSparks(GraphicsContext g, Camera cam, Sparks s, double t, double k) {
        g.setLineCap(StrokeLineCap.ROUND);
        g.setStroke(s.color().interpolate(Color.WHITE, 0.5));
        g.setLineWidth(Math.max(1.5, 2.2 * cam.scale()));
        g.setGlobalAlpha(1 - k);
        for (int i = 0; i < s.angles().length; i++) {
            double d = s.speeds()[i] * t;
            double tail = Math.max(4, s.speeds()[i] * 0.03);
            double cx = Math.cos(s.angles()[i]);
            double cy = Math.sin(s.angles()[i]);
            g.strokeLine(cam.toScreenX(s.x() + cx * d), cam.toScreenY(s.y() + cy * d),
                    cam.toScreenX(s.x() + cx * (d + tail)), cam.toScreenY(s.y() + cy * (d + tail)));
        }
    }

    private void drawExplosion(GraphicsContext g, Camera cam, Explosion x, double t, double k) {
        double sx = cam.toScreenX(x.x());
        double sy = cam.toScreenY(x.y());
        double fireballRadius = (20 + 70 * Math.sqrt(k)) * cam.scale();
        g.setGlobalAlpha(Math.max(0, 1 - k * 1.2));
        // A sprite of the very radius: a per-frame gradient is slow in software, a stretched image is too.
        fireball.draw(g, sx, sy, fireballRadius);
        g.setGlobalAlpha(1 - k);
        g.setStroke(x.color());
        g.setLineWidth(3 * cam.scale());
        double ring = (30 + 120 * k) * cam.scale();
        g.strokeOval(sx - ring, sy - ring, ring * 2, ring * 2);
        if (lowEffects) {
            return;
        }
        g.setFill(x.color().interpolate(Color.WHITE, 0.3));
        for (int i = 0; i < x.angles().length; i++) {
            double d = x.speeds()[i] * t * (1 - k * 0.4);
            double r = Math.max(1.5, 3.5 * (1 - k) * cam.scale());
            g.fillOval(cam.toScreenX(x.x() + Math.cos(x.angles()[i]) * d) - r,
                    cam.toScreenY(x.y() + Math.sin(x.angles()[i]) * d) - r, r * 2, r * 2);
        }
    }

    private static void drawRing(GraphicsContext g, Camera cam, Ring r, double k) {
        double radius = r.radius() * (0.4 + k) * cam.scale();
        g.setGlobalAlpha(1 - k);
        g.setStroke(r.color());
        g.setLineWidth(4 * (1 - k) * cam.scale() + 1);
        g.strokeOval(cam.toScreenX(r.x()) - radius, cam.toScreenY(r.y()) - radius, radius * 2, radius * 2);
    }

    private double[] angles(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (i + random.nextDouble(0.8)) * 2 * Math.PI / n;
        }
        return a;
    }

    private double[] speeds(int n, double min, double max) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = random.nextDouble(min, max);
        }
        return s;
    }

    private static Pickup pickup(RenderFrame frame, int id) {
        for (Pickup p : frame.pickups()) {
            if (p.id() == id) {
                return p;
            }
        }
        return null;
    }
}
