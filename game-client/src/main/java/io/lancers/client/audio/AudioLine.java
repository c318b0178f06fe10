package io.lancers.client.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import java.util.logging.Logger;

/**
 * The one output line: a daemon thread pulls the {@link SoftMixer}'s stereo mix into a
 * {@link SourceDataLine} in small chunks, and waits (line drained) while nothing plays.
 */
final class AudioLine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AudioLine.class.getName());
    static final AudioFormat STEREO = new AudioFormat(PcmClip.RATE, 16, 2, true, false);
    /** Frames per write: about 12 ms, the latency a new sound adds on top of the line's buffer. */
    private static final int CHUNK_FRAMES = 512;
    /** The line's buffer, about 46 ms: small for latency, large enough not to underrun on a busy machine. */
    private static final int BUFFER_FRAMES = 4 * CHUNK_FRAMES;

    private final SourceDataLine line;
    private final SoftMixer mixer;
    private final Thread pump;
    private volatile boolean failed;

    private AudioLine(SourceDataLine line, SoftMixer mixer) {
        this.line = line;
        this.mixer = mixer;
        this.pump = new Thread(this::run, "lancers-audio");
        pump.setDaemon(true);
    }

    /**
     * Opens the system's default output for {@link #STEREO} and starts feeding it from {@code mixer}.
     *
     * @throws LineUnavailableException when the machine has no such output (no sound card, no
     *                                  audio server, another program holds it)
     */
    static AudioLine open(SoftMixer mixer) throws LineUnavailableException {
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(STEREO);
        } catch (IllegalArgumentException | SecurityException noLine) {
            // The JDK's way of saying "no device": no mixer offers a matching line.
            throw new LineUnavailableException("no audio output device (" + noLine.getMessage() + ")");
        }
        line.open(STEREO, BUFFER_FRAMES * STEREO.getFrameSize());
        line.start();
        AudioLine audio = new AudioLine(line, mixer);
        audio.pump.start();
        return audio;
    }

    /** False once the line failed while playing (it then stays silent). */
    boolean working() {
        return !failed;
    }

    private void run() {
        short[] mix = new short[CHUNK_FRAMES * 2];
        byte[] bytes = new byte[mix.length * 2];
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (mixer.idle()) {
                    line.drain();
                    mixer.awaitVoice();
                }
                mixer.mix(mix, CHUNK_FRAMES);
                for (int i = 0; i < mix.length; i++) {
                    bytes[2 * i] = (byte) mix[i];
                    bytes[2 * i + 1] = (byte) (mix[i] >> 8);
                }
                line.write(bytes, 0, bytes.length);
            }
        } catch (InterruptedException closing) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            failed = true;
            LOG.warning("sound failed, playing silently from now on: " + e);
        } finally {
            line.close();
        }
    }

    @Override
    public void close() {
        pump.interrupt();
    }
}
