package io.lancers.client.audio;

import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The game's sound effects, as javafx-media {@code AudioClip}s. Media needs native libraries
 * (GStreamer on Linux) that a machine may lack: then the board logs one warning and stays silent
 * for good. Nothing here ever throws at a caller.
 */
public final class SoundBoard {
    private static final Logger LOG = Logger.getLogger(SoundBoard.class.getName());

    public enum Sound { FIRE, HIT, EXPLODE, PICKUP, RESPAWN }

    private final Map<Sound, javafx.scene.media.AudioClip> clips = new EnumMap<>(Sound.class);
    private volatile boolean enabled;
    private boolean broken;

    /**
     * @param resources where each sound's file is on the classpath (null: that sound is missing)
     * @param enabled   whether sounds play at all (the player's setting)
     */
    public SoundBoard(Function<Sound, URL> resources, boolean enabled) {
        this.enabled = enabled;
        if (enabled) {
            load(resources);
        }
    }

    /** A board that never makes a sound and loads nothing (for {@code --no-sound}). */
    public static SoundBoard silent() {
        return new SoundBoard(s -> null, false);
    }

    private void load(Function<Sound, URL> resources) {
        try {
            for (Sound s : Sound.values()) {
                URL url = resources.apply(s);
                if (url == null) {
                    LOG.warning("sound missing from assets: " + s);
                    continue;
                }
                clips.put(s, new javafx.scene.media.AudioClip(url.toExternalForm()));
            }
        } catch (RuntimeException | LinkageError e) {
            // MediaException, UnsatisfiedLinkError, NoClassDefFoundError: no media on this machine.
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
