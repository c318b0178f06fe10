package io.lancers.client.audio;

import io.lancers.client.audio.SoundBoard.Sound;
import io.lancers.client.render.Camera;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderProjectile;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.sim.GameEvent;
import io.lancers.sim.Rules;

/**
 * Which sounds a frame makes, and how loud and from which side: hits, kills, pickups and the
 * followed ship's respawn from the frame's events, and a shot for each projectile not seen
 * before. Farther from the camera is quieter; left of it pans left.
 */
public final class SoundCues {
    /** Quieter than this is not worth mixing. */
    private static final double AUDIBLE = 0.02;

    private final SoundBoard sounds;
    private final int ownId;
    private int lastProjectileId = -1;
    /** Our predicted shots count down from -1 (RenderFrame): the lowest heard so far. */
    private int lastPredictedId;

    /** @param ownId the own ship (its shots are louder), 0 when spectating */
    public SoundCues(SoundBoard sounds, int ownId) {
        this.sounds = sounds;
        this.ownId = ownId;
    }

    /** A chat line arrived. */
    public void chat() {
        sounds.play(Sound.CHAT, 0.5, 0);
    }

    /**
     * Plays the sounds of frame {@code f} heard from {@code cam}.
     *
     * @param followedId the ship the camera follows: its respawn is heard wherever it happens
     */
    public void frame(RenderFrame f, Camera cam, int followedId) {
        if (!sounds.active()) {
            // Silent, but the projectiles still count as heard: no burst of shots when sound comes back.
            trackProjectiles(f, null);
            return;
        }
        GameEvent.Visitor cue = new GameEvent.Visitor() {
            @Override
            public void hit(GameEvent.Hit hit) {
                playAt(Sound.HIT, f.ship(hit.targetId()), cam);
            }

            @Override
            public void kill(GameEvent.Kill kill) {
                playAt(Sound.EXPLODE, f.ship(kill.victimId()), cam);
            }

            @Override
            public void pickupTaken(GameEvent.PickupTaken taken) {
                Sound sound = switch (taken.kind()) {
                    case HEALTH -> Sound.PICKUP_HEALTH;
                    case POWER -> Sound.PICKUP_POWER;
                    case LANCE -> Sound.PICKUP_LANCE;
                };
                playAt(sound, f.ship(taken.shipId()), cam);
            }

            @Override
            public void spawn(GameEvent.Spawn spawn) {
                if (spawn.shipId() == followedId) {
                    sounds.play(Sound.RESPAWN, 0.8, 0);
                }
            }
        };
        for (GameEvent e : f.events()) {
            e.accept(cue);
        }
        trackProjectiles(f, cam);
    }

    /**
     * A projectile with an id not seen before was just fired: its sound plays once. A predicted
     * shot of ours is heard when it is predicted; the server's projectile it becomes is never drawn.
     */
    private void trackProjectiles(RenderFrame f, Camera cam) {
        int newest = lastProjectileId;
        int newestPredicted = lastPredictedId;
        for (RenderProjectile p : f.projectiles()) {
            int id = p.projectile().id();
            boolean fresh = id < 0 ? id < lastPredictedId : id > lastProjectileId;
            if (fresh && cam != null) {
                double vol = volumeAt(p.projectile().x0(), p.projectile().y0(), cam)
                        * (p.projectile().ownerId() == ownId ? 0.6 : 0.35);
                if (vol > AUDIBLE) {
                    Sound sound = p.projectile().lance() ? Sound.LANCE
                            : p.projectile().damage() > Rules.PROJECTILE_DAMAGE ? Sound.FIRE_POWERED : Sound.FIRE;
                    sounds.play(sound, vol, pan(p.projectile().x0(), cam));
                }
            }
            if (id < 0) {
                newestPredicted = Math.min(newestPredicted, id);
            } else {
                newest = Math.max(newest, id);
            }
        }
        lastProjectileId = newest;
        lastPredictedId = newestPredicted;
    }

    private void playAt(Sound s, RenderShip where, Camera cam) {
        if (where == null) {
            sounds.play(s, 0.5, 0);
            return;
        }
        double vol = volumeAt(where.x(), where.y(), cam);
        if (vol > AUDIBLE) {
            sounds.play(s, vol, pan(where.x(), cam));
        }
    }

    static double volumeAt(double x, double y, Camera cam) {
        double d = Math.hypot(x - cam.centerX(), y - cam.centerY());
        return Math.max(0, 1 - d / (Camera.VIEW_HEIGHT * 1.2));
    }

    static double pan(double x, Camera cam) {
        return Math.max(-1, Math.min(1, (x - cam.centerX()) / (Camera.VIEW_HEIGHT * 0.8)));
    }
}
