package io.lancers.client.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Decoding a sound file into the mixer's samples: 16-bit signed mono at {@link #RATE} Hz. */
final class PcmClip {
    /** The sample rate of the project's sounds, and so of the mix. */
    static final float RATE = 44100f;
    static final AudioFormat MONO = new AudioFormat(RATE, 16, 1, true, false);

    private PcmClip() {
    }

    /**
     * Reads a WAV (or any file {@code javax.sound.sampled} reads without a device) into mono samples.
     *
     * @throws IOException if it cannot be read, or not converted to {@link #MONO}
     */
    static short[] read(URL url) throws IOException {
        try (InputStream raw = new BufferedInputStream(url.openStream());
             AudioInputStream file = AudioSystem.getAudioInputStream(raw);
             AudioInputStream pcm = file.getFormat().matches(MONO) ? file : convert(file, url)) {
            byte[] bytes = pcm.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return samples;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("not a sound file this JDK reads: " + url, e);
        }
    }

    private static AudioInputStream convert(AudioInputStream file, URL url) throws IOException {
        if (!AudioSystem.isConversionSupported(MONO, file.getFormat())) {
            throw new IOException(url + " is " + file.getFormat() + ", which cannot be converted to " + MONO);
        }
        return AudioSystem.getAudioInputStream(MONO, file);
    }
}
