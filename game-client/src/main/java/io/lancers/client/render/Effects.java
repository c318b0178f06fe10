package io.lancers.client.render;

import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Pickup;
import javafx.scene.paint.Color;
import javafx.scene.paint.Stop;

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

    private static final int SHIELD = PixelMath.premultiplied(Palette.SHIELD, 1);

    /** Spawned (JavaFX thread) and not yet drawn (painter's thread): the hand-over, under its own lock. */
    private final List<Effect> born = new ArrayList<>();
    /** Only the drawing touches these. */
    private final List<Effect> live = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(0x1a2ce55L);
    private final Sprites sprites = new Sprites();
    private double spriteScale;
    private Sprites.Glow fireball;
    private volatile boolean lowEffects;

    /** Each kind draws itself: a new kind does not compile without its drawing. */
    private sealed interface Effect {
        double x();

        double y();

        long bornNanos();

        /** How far from its centre it ever draws, world units: beyond the screen by more, it is skipped. */
        double reach();

        double lifeSeconds();

        /** Draws at {@code t} seconds old, {@code k} = t / life. */
        void draw(Effects effects, FrameBuffer frame, Camera cam, double t, double k);
    }

    /** @param color the sparks' colour, premultiplied ARGB (half way to white from the shooter's) */
    private record Sparks(double x, double y, int color, double[] angles, double[] speeds, long bornNanos)
            implements Effect {
        public double lifeSeconds() {
            return SPARK_LIFE;
        }

        public double reach() {
            return 300; // the fastest spark (260/s) with its tail at the end of its life
        }

        public void draw(Effects effects, FrameBuffer frame, Camera cam, double t, double k) {
            if (!effects.lowEffects) {
                drawSparks(frame, cam, this, t, k);
            }
        }
    }

    /**
     * @param color  the ring's colour (the victim's), premultiplied ARGB
     * @param debris the debris' colour, 30 % of the way to white
     */
    private record Explosion(double x, double y, int color, int debris, double[] angles, double[] speeds,
                             long bornNanos) implements Effect {
        public double lifeSeconds() {
            return EXPLOSION_LIFE;
        }

        public double reach() {
            return 160; // the ring ends at 150; debris and fireball stay inside it
        }

        public void draw(Effects effects, FrameBuffer frame, Camera cam, double t, double k) {
            effects.drawExplosion(frame, cam, this, t, k);
        }
    }

    /** @param color premultiplied ARGB */
    private record Ring(double x, double y, int color, double radius, long bornNanos) implements Effect {
        public double lifeSeconds() {
            return RING_LIFE;
        }

        public double reach() {
            return radius * 1.4 + 5;
        }

        public void draw(Effects effects, FrameBuffer frame, Camera cam, double t, double k) {
            drawRing(frame, cam, this, k);
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
                    born(new Sparks(target.x(), target.y(),
                            PixelMath.premultiplied(colors.apply(hit.shooterId()).interpolate(Color.WHITE, 0.5), 1),
                            angles(10), speeds(10, 80, 260), nowNanos));
                }
            }

            @Override
            public void kill(GameEvent.Kill kill) {
                RenderShip victim = frame.ship(kill.victimId());
                if (victim != null) {
                    Color color = colors.apply(kill.victimId());
                    born(new Explosion(victim.x(), victim.y(), PixelMath.premultiplied(color, 1),
                            PixelMath.premultiplied(color.interpolate(Color.WHITE, 0.3), 1), angles(26),
                            speeds(26, 40, 220), nowNanos));
                }
            }

            @Override
            public void pickupTaken(GameEvent.PickupTaken taken) {
                Pickup p = pickup(frame, taken.pickupId());
                if (p != null) {
                    born(new Ring(p.x(), p.y(), PixelMath.premultiplied(Palette.pickup(taken.kind()), 1), 60,
                            nowNanos));
                }
            }

            @Override
            public void spawn(GameEvent.Spawn spawn) {
                RenderShip s = frame.ship(spawn.shipId());
                if (s != null) {
                    born(new Ring(s.x(), s.y(), SHIELD, 48, nowNanos));
                }
            }
        };
        for (GameEvent e : frame.events()) {
            e.accept(spawner);
        }
    }

    private void born(Effect e) {
        synchronized (born) {
            born.add(e);
        }
    }

    /** How many effects are still playing at {@code nowNanos} (the drawing's count: spawned and drawn). */
    public int liveCount(long nowNanos) {
        expire(nowNanos);
        return live.size();
    }

    /** Fewer effects for slow machines: no sparks or debris, explosions keep their fireball and ring. */
    void setLowEffects(boolean on) {
        lowEffects = on;
    }

    /** Paints the sprites for the zoom {@code scale} if it changed (JavaFX thread). */
    void prepare(double scale) {
        if (scale != spriteScale) {
            spriteScale = scale;
            sprites.clear();
            // Every size the fireball grows through, painted now (a match's first frame) rather than at its first
            // explosion, where painting them would stall a frame in the fight.
            fireball = sprites.glow(20 * spriteScale, 90 * spriteScale, FIREBALL);
        }
    }

    /** Draws every live effect, those spawned since the last call included; drops the finished ones. */
    public void draw(FrameBuffer frame, Camera cam, long nowNanos) {
        synchronized (born) {
            live.addAll(born);
            born.clear();
        }
        expire(nowNanos);
        for (Effect e : live) {
            if (!cam.sees(e.x(), e.y(), e.reach())) {
                continue;
            }
            double t = (nowNanos - e.bornNanos()) / 1e9;
            e.draw(this, frame, cam, t, t / e.lifeSeconds());
        }
    }

    private void expire(long nowNanos) {
        for (Iterator<Effect> it = live.iterator(); it.hasNext(); ) {
            Effect e = it.next();
            if ((nowNanos - e.bornNanos()) / 1e9 >= e.lifeSeconds()) {
                it.remove();
            }
        }
    }

    private static void drawSparks(FrameBuffer frame, Camera cam, Sparks s, double t, double k) {
        int color = PixelMath.scale(s.color(), PixelMath.coverage(1 - k));
        double width = Math.max(1.5, 2.2 * cam.scale());
        for (int i = 0; i < s.angles().length; i++) {
            double d = s.speeds()[i] * t;
            double tail = Math.max(4, s.speeds()[i] * 0.03);
            double cx = Math.cos(s.angles()[i]);
            double cy = Math.sin(s.angles()[i]);
            frame.strokeSegment(cam.toScreenX(s.x() + cx * d), cam.toScreenY(s.y() + cy * d),
                    cam.toScreenX(s.x() + cx * (d + tail)), cam.toScreenY(s.y() + cy * (d + tail)), width, color);
        }
    }

    private void drawExplosion(FrameBuffer frame, Camera cam, Explosion x, double t, double k) {
        double sx = cam.toScreenX(x.x());
        double sy = cam.toScreenY(x.y());
        double fireballRadius = (20 + 70 * Math.sqrt(k)) * cam.scale();
        // A sprite of the very radius: a per-frame gradient is slow, a stretched image blurs.
        fireball.draw(frame, sx, sy, fireballRadius, PixelMath.coverage(1 - k * 1.2));
        int fade = PixelMath.coverage(1 - k);
        double ring = (30 + 120 * k) * cam.scale();
        frame.strokeCircle(sx, sy, ring, 3 * cam.scale(), PixelMath.scale(x.color(), fade));
        if (lowEffects) {
            return;
        }
        int debris = PixelMath.scale(x.debris(), fade);
        for (int i = 0; i < x.angles().length; i++) {
            double d = x.speeds()[i] * t * (1 - k * 0.4);
            double r = Math.max(1.5, 3.5 * (1 - k) * cam.scale());
            frame.fillCircle(cam.toScreenX(x.x() + Math.cos(x.angles()[i]) * d),
                    cam.toScreenY(x.y() + Math.sin(x.angles()[i]) * d), r, debris);
        }
    }

    private static void drawRing(FrameBuffer frame, Camera cam, Ring r, double k) {
        double radius = r.radius() * (0.4 + k) * cam.scale();
        frame.strokeCircle(cam.toScreenX(r.x()), cam.toScreenY(r.y()), radius, 4 * (1 - k) * cam.scale() + 1,
                PixelMath.scale(r.color(), PixelMath.coverage(1 - k)));
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
