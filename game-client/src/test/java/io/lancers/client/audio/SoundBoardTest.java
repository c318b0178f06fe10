package io.lancers.client.audio;

import io.lancers.assets.Assets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On this machine's real audio system: a board with an output plays every sound without a word;
 * a machine without one (CI, this build machine) gets exactly one one-line warning and silence.
 */
class SoundBoardTest {
    private final Logger audioLog = Logger.getLogger(SoundBoard.class.getPackageName());
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        audioLog.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        audioLog.removeHandler(capture);
    }

    @Test
    void playsWithAnOutputAndDeclinesWithOneWarningWithout() {
        boolean hasOutput = AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, AudioLine.STEREO));
        try (SoundBoard board = new SoundBoard(true)) {
            board.setVolume(0.05);
            for (SoundBoard.Sound s : SoundBoard.Sound.values()) {
                board.play(s, 0.5, 0);
            }
            if (hasOutput) {
                assertTrue(board.active(), "an output exists, so the board plays");
                assertEquals(List.of(), warnings);
            } else {
                assertFalse(board.active());
                assertEquals(1, warnings.size(), "exactly one warning: " + warnings);
                String message = warnings.get(0).getMessage();
                assertTrue(message.startsWith("sound unavailable, playing silently: no audio output device"), message);
                assertFalse(message.contains("\n"), "one line");
            }
            board.setEnabled(false);
            assertFalse(board.active(), "a disabled board is silent");
            board.play(SoundBoard.Sound.FIRE, 1, 0);
        }
        assertTrue(warnings.size() <= 1, "playing never adds warnings: " + warnings);
    }

    @Test
    void theSilentBoardNeverPlays() {
        SoundBoard board = SoundBoard.silent();
        board.setEnabled(true);
        assertFalse(board.active());
        board.play(SoundBoard.Sound.EXPLODE, 1, 0);
        assertEquals(List.of(), warnings, "opening nothing, it has nothing to warn about");
    }

    /** The mixer's input, independent of any device: every sound decodes to mono 44.1 kHz samples. */
    @Test
    void everySoundDecodesToMonoSamples() throws IOException {
        for (String path : Assets.Sounds.ALL) {
            short[] samples = PcmClip.read(Assets.url(path));
            assertTrue(samples.length > PcmClip.RATE / 20, path + " lasts at least 50 ms: " + samples.length);
            int peak = 0;
            for (short v : samples) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertTrue(peak > 10_000, path + " is not silence (peak " + peak + ")");
        }
        // fire.wav is documented as 0.2 s
        assertEquals(0.2, PcmClip.read(Assets.url(Assets.Sounds.FIRE)).length / PcmClip.RATE, 0.01);
    }
}
