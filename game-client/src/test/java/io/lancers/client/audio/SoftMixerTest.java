package io.lancers.client.audio;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftMixerTest {

    private static short[] constant(int length, int value) {
        short[] s = new short[length];
        java.util.Arrays.fill(s, (short) value);
        return s;
    }

    private static short[] mix(SoftMixer mixer, int frames) {
        short[] out = new short[frames * 2];
        mixer.mix(out, frames);
        return out;
    }

    @Test
    void nothingPlayingIsSilence() {
        SoftMixer mixer = new SoftMixer();
        assertTrue(mixer.idle());
        assertArrayEquals(new short[8], mix(mixer, 4));
    }

    @Test
    void aCentredVoiceIsEqualPowerOnBothChannels() {
        SoftMixer mixer = new SoftMixer();
        mixer.play(new short[] {1000, -2000}, 1, 0);
        assertFalse(mixer.idle());
        short c = (short) Math.round(1000 * Math.cos(Math.PI / 4));
        short d = (short) Math.round(-2000 * Math.cos(Math.PI / 4));
        assertArrayEquals(new short[] {c, c, d, d, 0, 0}, mix(mixer, 3));
        assertTrue(mixer.idle(), "a finished voice leaves");
    }

    @Test
    void panPutsAVoiceOnOneSide() {
        SoftMixer left = new SoftMixer();
        left.play(constant(2, 1000), 1, -1);
        assertArrayEquals(new short[] {1000, 0, 1000, 0}, mix(left, 2));
        SoftMixer right = new SoftMixer();
        right.play(constant(2, 1000), 0.5, 1);
        assertArrayEquals(new short[] {0, 500, 0, 500}, mix(right, 2));
    }

    @Test
    void voicesAddUpAndTheSumIsClampedTo16Bits() {
        SoftMixer mixer = new SoftMixer();
        mixer.play(constant(1, 1000), 1, -1);
        mixer.play(constant(1, 2000), 1, -1);
        assertArrayEquals(new short[] {3000, 0}, mix(mixer, 1));
        mixer.play(constant(1, 30000), 1, 1);
        mixer.play(constant(1, 30000), 1, 1);
        mixer.play(constant(1, 30000), 1, 1);
        mixer.play(constant(1, -30000), 1, -1);
        mixer.play(constant(1, -30000), 1, -1);
        assertArrayEquals(new short[] {Short.MIN_VALUE, Short.MAX_VALUE}, mix(mixer, 1));
    }

    @Test
    void theMasterVolumeScalesVoicesAlreadyPlaying() {
        SoftMixer mixer = new SoftMixer();
        mixer.play(constant(2, 1000), 1, -1);
        assertArrayEquals(new short[] {1000, 0}, mix(mixer, 1));
        mixer.setVolume(0.25);
        assertArrayEquals(new short[] {250, 0}, mix(mixer, 1));
        mixer.setVolume(7);
        mixer.play(constant(1, 1000), 1, -1);
        assertArrayEquals(new short[] {1000, 0}, mix(mixer, 1), "volume is clamped to 1");
    }

    @Test
    void beyondTheVoiceLimitTheOldestIsSilenced() {
        SoftMixer mixer = new SoftMixer();
        mixer.play(constant(4, 5000), 1, -1);
        for (int i = 0; i < SoftMixer.MAX_VOICES; i++) {
            mixer.play(constant(4, 1), 1, -1);
        }
        assertEquals(SoftMixer.MAX_VOICES, mix(mixer, 1)[0]);
    }

    @Test
    void awaitingAVoiceReturnsOnceOneIsQueued() throws InterruptedException {
        SoftMixer mixer = new SoftMixer();
        Thread player = new Thread(() -> mixer.play(constant(1, 1000), 1, -1));
        player.start();
        mixer.awaitVoice();
        assertArrayEquals(new short[] {1000, 0}, mix(mixer, 1));
        player.join();
    }

    /** However the line asks for it, in one gulp or in small chunks, the mix is the same stream. */
    @Property(tries = 200)
    void theMixDoesNotDependOnTheChunkSize(@ForAll @Size(min = 1, max = 4) List<@Size(min = 1, max = 300) List<Short>> clips,
                                           @ForAll @IntRange(min = 1, max = 97) int chunk) {
        SoftMixer whole = new SoftMixer();
        SoftMixer chunked = new SoftMixer();
        int longest = 0;
        for (int i = 0; i < clips.size(); i++) {
            short[] s = new short[clips.get(i).size()];
            for (int j = 0; j < s.length; j++) {
                s[j] = clips.get(i).get(j);
            }
            double pan = i % 3 - 1;
            whole.play(s, 0.7, pan);
            chunked.play(s, 0.7, pan);
            longest = Math.max(longest, s.length);
        }
        short[] expected = mix(whole, longest);
        short[] actual = new short[longest * 2];
        for (int done = 0; done < longest; done += chunk) {
            int n = Math.min(chunk, longest - done);
            System.arraycopy(mix(chunked, n), 0, actual, done * 2, n * 2);
        }
        assertArrayEquals(expected, actual);
        assertTrue(chunked.idle());
    }
}
