package io.lancers.client.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Mixes short mono clips into one stereo stream in software, so one output line serves every
 * effect at once. Any thread may {@link #play}; one thread (the audio line's) calls {@link #mix}.
 * Pure arithmetic on sample buffers: no device, no clock.
 */
final class SoftMixer {
    /** Voices heard at once; a new one beyond this silences the oldest (explosions pile up). */
    static final int MAX_VOICES = 24;

    private final LinkedBlockingQueue<Voice> incoming = new LinkedBlockingQueue<>();
    private final List<Voice> playing = new ArrayList<>();
    private volatile float master = 1f;
    private int[] sum = new int[0];

    /** A clip on its way through the mix, with its gains for the left and right channel. */
    private static final class Voice {
        final short[] samples;
        final float left;
        final float right;
        int position;

        Voice(short[] samples, float left, float right) {
            this.samples = samples;
            this.left = left;
            this.right = right;
        }
    }

    /**
     * Queues {@code samples} (mono, 16-bit) to start with the next {@link #mix}.
     *
     * @param volume 0..1, clamped
     * @param pan    -1 left .. 1 right, clamped; equal-power, so a sound keeps its loudness as it moves
     */
    void play(short[] samples, double volume, double pan) {
        double v = Math.max(0, Math.min(1, volume));
        double angle = (Math.max(-1, Math.min(1, pan)) + 1) * Math.PI / 4;
        incoming.add(new Voice(samples, (float) (v * Math.cos(angle)), (float) (v * Math.sin(angle))));
    }

    /** The master volume, 0..1 (clamped), applied to everything mixed from now on, playing voices too. */
    void setVolume(double volume) {
        master = (float) Math.max(0, Math.min(1, volume));
    }

    /**
     * Writes the next {@code frames} stereo frames (left, right interleaved) into {@code out}, the
     * sum of every voice clamped to the 16-bit range; silence when nothing plays. Finished voices leave.
     */
    void mix(short[] out, int frames) {
        incoming.drainTo(playing);
        while (playing.size() > MAX_VOICES) {
            playing.remove(0);
        }
        int n = frames * 2;
        if (sum.length < n) {
            sum = new int[n];
        }
        Arrays.fill(sum, 0, n, 0);
        float gain = master;
        for (int i = playing.size() - 1; i >= 0; i--) {
            Voice v = playing.get(i);
            float l = v.left * gain;
            float r = v.right * gain;
            int count = Math.min(frames, v.samples.length - v.position);
            for (int f = 0; f < count; f++) {
                short s = v.samples[v.position + f];
                sum[2 * f] += Math.round(s * l);
                sum[2 * f + 1] += Math.round(s * r);
            }
            v.position += count;
            if (v.position >= v.samples.length) {
                playing.remove(i);
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
        }
    }

    /** Voices still sounding or queued (the mixing thread's view). */
    boolean idle() {
        return playing.isEmpty() && incoming.isEmpty();
    }

    /** Blocks the mixing thread until a voice is queued, when none plays; returns at once otherwise. */
    void awaitVoice() throws InterruptedException {
        if (playing.isEmpty()) {
            playing.add(incoming.take());
        }
    }
}
