package io.lancers.client.audio;

import io.lancers.assets.Assets;

import javax.sound.sampled.LineUnavailableException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The game's sound effects, played with {@code javax.sound.sampled} (part of the JDK; no native
 * libraries beyond the OS audio system): the WAVs are decoded once and mixed in software
 * ({@link SoftMixer}) into one output line ({@link AudioLine}). A machine without an audio output
 * gets one warning and silence for good. Nothing here ever throws at a caller.
 */
public final class SoundBoard implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SoundBoard.class.getName());

    /** The effects the game plays, each with its file in the assets. */
    public enum Sound {
        FIRE(Assets.Sounds.FIRE), FIRE_POWERED(Assets.Sounds.FIRE_POWERED), LANCE(Assets.Sounds.LANCE),
        HIT(Assets.Sounds.HIT),
        EXPLODE(Assets.Sounds.EXPLODE), PICKUP_HEALTH(Assets.Sounds.PICKUP_HEALTH),
        PICKUP_POWER(Assets.Sounds.PICKUP_POWER), PICKUP_LANCE(Assets.Sounds.PICKUP_LANCE), RESPAWN(Assets.Sounds.RESPAWN),
        CHAT(Assets.Sounds.CHAT_MESSAGE);

        private final String path;

        Sound(String path) {
            this.path = path;
        }
    }

    private final Map<Sound, short[]> clips = new EnumMap<>(Sound.class);
    private final SoftMixer mixer = new SoftMixer();
    private final AudioLine line;
    private volatile boolean enabled;

    /**
     * Opens the audio output and decodes the effects.
     *
     * @param enabled whether sounds play at first (the player's setting)
     */
    public SoundBoard(boolean enabled) {
        this.enabled = enabled;
        this.line = open();
    }

    private SoundBoard() {
        this.enabled = false;
        this.line = null;
    }

    /** A board that never makes a sound and opens nothing (for {@code --no-sound}). */
    public static SoundBoard silent() {
        return new SoundBoard();
    }

    /** The line, with every clip decoded; null (after one warning) when either is impossible. */
    private AudioLine open() {
        AudioLine opened = null;
        try {
            opened = AudioLine.open(mixer);
            for (Sound s : Sound.values()) {
                clips.put(s, PcmClip.read(Assets.url(s.path)));
            }
            return opened;
        } catch (LineUnavailableException | IOException | RuntimeException e) {
            // No output device or audio server; a sound missing from (or unreadable in) the assets jar.
            if (opened != null) {
                opened.close();
            }
            clips.clear();
            LOG.warning("sound unavailable, playing silently: " + e.getMessage());
            return null;
        }
    }

    public void setEnabled(boolean on) {
        enabled = on;
    }

    /** The master volume, 0 (mute) .. 1 (the effects as recorded); clamped. */
    public void setVolume(double volume) {
        mixer.setVolume(volume);
    }

    public boolean active() {
        return enabled && line != null && line.working();
    }

    /** Plays {@code sound} at {@code volume} (0..1), balanced by {@code pan} (-1 left .. 1 right). */
    public void play(Sound sound, double volume, double pan) {
        if (active()) {
            mixer.play(clips.get(sound), volume, pan);
        }
    }

    /** Releases the audio output (the game is closing). */
    @Override
    public void close() {
        if (line != null) {
            line.close();
        }
    }
}
