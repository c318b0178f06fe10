package io.lancers.assets.forge;

import java.util.Random;

/**
 * A tiny subtractive synthesiser over mono buffers of doubles at {@link #RATE}: band-limited
 * oscillators, seeded noise, envelopes, a state-variable filter and an echo. Time is in seconds.
 */
final class Synth {

    static final int RATE = 44_100;

    /** A value that changes over time: a pitch glide, a cutoff sweep, an envelope. */
    @FunctionalInterface
    interface Curve {
        double at(double seconds);

        static Curve constant(double value) {
            return t -> value;
        }

        /** An exponential glide from {@code from} to {@code to} over {@code duration}, then holds. */
        static Curve glide(double from, double to, double duration) {
            double ratio = to / from;
            return t -> from * StrictMath.pow(ratio, Shape.clamp(t / duration, 0, 1));
        }

        /** A linear attack to 1, then an exponential decay with time constant {@code tau}. */
        static Curve pluck(double attack, double tau) {
            return t -> t < attack ? t / attack : StrictMath.exp(-(t - attack) / tau);
        }

        /** A slow rise to 1 that peaks at {@code peak} (a power curve), then a decay. */
        static Curve swell(double peak, double tau) {
            return t -> t < peak ? StrictMath.pow(t / peak, 2.2) : StrictMath.exp(-(t - peak) / tau);
        }

        default Curve times(Curve other) {
            return t -> at(t) * other.at(t);
        }
    }

    enum Wave { SINE, TRIANGLE, SAW, SQUARE }

    enum Filter { LOW_PASS, BAND_PASS, HIGH_PASS }

    private Synth() {
    }

    static double[] buffer(double seconds) {
        return new double[(int) StrictMath.round(seconds * RATE)];
    }

    static double time(int sample) {
        return sample / (double) RATE;
    }

    /** An oscillator whose frequency follows {@code frequency}; saw and square are band-limited. */
    static double[] osc(double seconds, Wave wave, Curve frequency) {
        double[] out = buffer(seconds);
        double phase = 0;
        for (int i = 0; i < out.length; i++) {
            double dt = Math.min(frequency.at(time(i)) / RATE, 0.5);
            out[i] = switch (wave) {
                case SINE -> StrictMath.sin(2 * Math.PI * phase);
                case TRIANGLE -> 1 - 4 * Math.abs(phase - 0.5);
                case SAW -> 2 * phase - 1 - polyBlep(phase, dt);
                case SQUARE -> (phase < 0.5 ? 1 : -1) + polyBlep(phase, dt)
                        - polyBlep((phase + 0.5) % 1, dt);
            };
            phase = (phase + dt) % 1;
        }
        return out;
    }

    /**
     * A two-operator FM voice (a sine modulating a sine's phase): bells and chimes. The modulation
     * index follows {@code index}, so the tone starts bright and mellows.
     */
    static double[] fm(double seconds, double carrier, double ratio, Curve index) {
        double[] out = buffer(seconds);
        for (int i = 0; i < out.length; i++) {
            double t = time(i);
            double modulator = StrictMath.sin(2 * Math.PI * carrier * ratio * t);
            out[i] = StrictMath.sin(2 * Math.PI * carrier * t + index.at(t) * modulator);
        }
        return out;
    }

    /** Smooths the jump of a saw or square at a phase wrap (polynomial band-limited step). */
    private static double polyBlep(double phase, double dt) {
        if (phase < dt) {
            double x = phase / dt;
            return x + x - x * x - 1;
        }
        if (phase > 1 - dt) {
            double x = (phase - 1) / dt;
            return x * x + x + x + 1;
        }
        return 0;
    }

    static double[] noise(double seconds, long seed) {
        Random random = new Random(seed); // its algorithm is fixed by the Java spec
        double[] out = buffer(seconds);
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextDouble() * 2 - 1;
        }
        return out;
    }

    /** Multiplies the buffer by {@code envelope}, in place; returns it for chaining. */
    static double[] shape(double[] signal, Curve envelope) {
        for (int i = 0; i < signal.length; i++) {
            signal[i] *= envelope.at(time(i));
        }
        return signal;
    }

    /**
     * A resonant state-variable filter (the "TPT" form, stable under fast sweeps), with the
     * cutoff following {@code cutoff} in Hz and resonance {@code q} (0.707 = no peak).
     */
    static double[] filter(double[] in, Filter type, Curve cutoff, double q) {
        double[] out = new double[in.length];
        double k = 1 / q;
        double ic1 = 0;
        double ic2 = 0;
        for (int i = 0; i < in.length; i++) {
            double fc = Shape.clamp(cutoff.at(time(i)), 10, RATE * 0.45);
            double g = StrictMath.tan(Math.PI * fc / RATE);
            double a1 = 1 / (1 + g * (g + k));
            double a2 = g * a1;
            double a3 = g * a2;
            double v3 = in[i] - ic2;
            double v1 = a1 * ic1 + a2 * v3;
            double v2 = ic2 + a2 * ic1 + a3 * v3;
            ic1 = 2 * v1 - ic1;
            ic2 = 2 * v2 - ic2;
            out[i] = switch (type) {
                case LOW_PASS -> v2;
                case BAND_PASS -> v1;
                case HIGH_PASS -> in[i] - k * v1 - v2;
            };
        }
        return out;
    }

    static double[] filter(double[] in, Filter type, double cutoff, double q) {
        return filter(in, type, Curve.constant(cutoff), q);
    }

    /** Adds {@code source × gain} into {@code target} from {@code atSeconds}; cut at the end. */
    static void mix(double[] target, double[] source, double gain, double atSeconds) {
        int offset = (int) StrictMath.round(atSeconds * RATE);
        for (int i = 0; i < source.length && offset + i < target.length; i++) {
            target[offset + i] += source[i] * gain;
        }
    }

    static void mix(double[] target, double[] source, double gain) {
        mix(target, source, gain, 0);
    }

    /** A feedback echo in place: each repeat {@code delay} later and {@code feedback} quieter. */
    static double[] echo(double[] signal, double delay, double feedback) {
        int d = (int) StrictMath.round(delay * RATE);
        for (int i = d; i < signal.length; i++) {
            signal[i] += signal[i - d] * feedback;
        }
        return signal;
    }

    /** Comb delays of the reverb, in samples at 44.1 kHz: mutually prime, so echoes don't pile up. */
    private static final int[] COMBS = {1557, 1617, 1491, 1422, 1277, 1356};
    private static final int[] ALL_PASSES = {556, 441, 341};

    /**
     * A small room (Schroeder/Freeverb style: damped parallel combs, then series all-passes),
     * mixed in at {@code wet}; {@code feedback} near 0.85 is a hall, near 0.7 a small room.
     */
    static double[] reverb(double[] signal, double feedback, double wet) {
        double damping = 0.3;
        double[] tail = new double[signal.length];
        for (int delay : COMBS) {
            double[] line = new double[delay];
            double lowPassed = 0;
            for (int i = 0, p = 0; i < signal.length; i++, p = (p + 1) % delay) {
                double delayed = line[p];
                lowPassed = delayed * (1 - damping) + lowPassed * damping;
                line[p] = signal[i] + lowPassed * feedback;
                tail[i] += delayed / COMBS.length;
            }
        }
        for (int delay : ALL_PASSES) {
            double[] line = new double[delay];
            for (int i = 0, p = 0; i < tail.length; i++, p = (p + 1) % delay) {
                double delayed = line[p];
                line[p] = tail[i] + delayed * 0.5;
                tail[i] = delayed - tail[i] * 0.5;
            }
        }
        for (int i = 0; i < signal.length; i++) {
            signal[i] += tail[i] * wet;
        }
        return signal;
    }

    /** Soft saturation: warmth and grit without hard clipping. */
    static double[] saturate(double[] signal, double drive) {
        for (int i = 0; i < signal.length; i++) {
            signal[i] = StrictMath.tanh(signal[i] * drive);
        }
        return signal;
    }

    /**
     * Makes a buffer ready to ship: removes DC, fades in and out (so playback starts and stops
     * without a click) and normalises the peak to {@code peak} of full scale.
     */
    static double[] master(double[] signal, double peak) {
        double[] out = filter(signal, Filter.HIGH_PASS, 25, 0.707);
        int fadeIn = Math.min(out.length / 4, (int) (0.003 * RATE));
        int fadeOut = Math.min(out.length / 4, (int) (0.08 * RATE));
        for (int i = 0; i < fadeIn; i++) {
            out[i] *= raisedCosine(i / (double) fadeIn);
        }
        for (int i = 0; i < fadeOut; i++) {
            out[out.length - 1 - i] *= raisedCosine(i / (double) fadeOut);
        }
        double max = 0;
        for (double v : out) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            throw new IllegalStateException("silent sound");
        }
        for (int i = 0; i < out.length; i++) {
            out[i] *= peak / max;
        }
        return out;
    }

    private static double raisedCosine(double x) {
        return 0.5 - 0.5 * StrictMath.cos(Math.PI * x);
    }
}
