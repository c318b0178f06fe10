package io.lancers.client.audio;

import io.lancers.assets.Assets;

import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The game's sound effects, as javafx-media {@code AudioClip}s. Media needs native libraries
 * (GStreamer on Linux) that a machine may lack: then the board logs one warning and stays silent
 * for good. Nothing here ever throws at a caller.
 */
public final class SoundBoard {
    private static final Logger LOG = Logger.getLogger(SoundBoard.class.getName());

    /** The effects the game plays, each with its file in the assets. */
    public enum Sound {
        FIRE(Assets.Sounds.FIRE), FIRE_POWERED(Assets.Sounds.FIRE_POWERED), HIT(Assets.Sounds.HIT),
        EXPLODE(Assets.Sounds.EXPLODE), PICKUP_HEALTH(Assets.Sounds.PICKUP_HEALTH),
        PICKUP_POWER(Assets.Sounds.PICKUP_POWER), RESPAWN(Assets.Sounds.RESPAWN), CHAT(Assets.Sounds.CHAT_MESSAGE);

        private final String path;

        Sound(String path) {
            this.path = path;
        }
    }

    private final Map<Sound, javafx.scene.media.AudioClip> clips = new EnumMap<>(Sound.class);
    private volatile boolean enabled;
    private boolean broken;

    /**
     * Loads the clips (needs the JavaFX toolkit running).
     *
     * @param enabled whether sounds play at first (the player's setting)
     */
    public SoundBoard(boolean enabled) {
        this.enabled = enabled;
        load();
    }

    private SoundBoard() {
        this.enabled = false;
        this.broken = true;
    }

    /** A board that never makes a sound and loads nothing (for {@code --no-sound}). */
    public static SoundBoard silent() {
        return new SoundBoard();
    }

    private void load() {
        try {
            // AudioClip fails late, on its own thread, once per play: a player made here fails
            // now, on this thread, when the machine has no media back end.
            new javafx.scene.media.MediaPlayer(new javafx.scene.media.Media(
                    Assets.url(Sound.FIRE.path).toExternalForm())).dispose();
            for (Sound s : Sound.values()) {
                clips.put(s, new javafx.scene.media.AudioClip(Assets.url(s.path).toExternalForm()));
            }
        } catch (RuntimeException | LinkageError e) {
            // MediaException, UnsatisfiedLinkError, NoClassDefFoundError: no media on this machine;
            // IllegalArgumentException: a sound missing from the assets jar.
            broken = true;
            clips.clear();
            LOG.warning("sound unavailable, playing silently: " + e);
        }
    }

    public void setEnabled(boolean on) {
        enabled = on;
    }

    public boolean active() {
        return enabled && !broken && !clips.isEmpty();
    }

    /** Plays {@code sound} at {@code volume} (0..1), balanced by {@code pan} (-1 left .. 1 right). */
    public void play(Sound sound, double volume, double pan) {
        if (!enabled || broken) {
            return;
        }
        javafx.scene.media.AudioClip clip = clips.get(sound);
        if (clip == null) {
            return;
        }
        try {
            clip.play(Math.max(0, Math.min(1, volume)), Math.max(-1, Math.min(1, pan)), 1, 0, 0);
        } catch (RuntimeException | LinkageError e) {
            broken = true;
            LOG.warning("sound failed, playing silently from now on: " + e);
        }
    }
}
