package io.lancers.assets.forge;

import static io.lancers.assets.forge.Synth.Filter.BAND_PASS;
import static io.lancers.assets.forge.Synth.Filter.HIGH_PASS;
import static io.lancers.assets.forge.Synth.Filter.LOW_PASS;
import static io.lancers.assets.forge.Synth.Wave.SAW;
import static io.lancers.assets.forge.Synth.Wave.SINE;
import static io.lancers.assets.forge.Synth.Wave.SQUARE;
import static io.lancers.assets.forge.Synth.Wave.TRIANGLE;
import static io.lancers.assets.forge.Synth.buffer;
import static io.lancers.assets.forge.Synth.echo;
import static io.lancers.assets.forge.Synth.filter;
import static io.lancers.assets.forge.Synth.fm;
import static io.lancers.assets.forge.Synth.mix;
import static io.lancers.assets.forge.Synth.noise;
import static io.lancers.assets.forge.Synth.osc;
import static io.lancers.assets.forge.Synth.shape;

import io.lancers.assets.forge.Synth.Curve;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Synthesises every sound effect. Each method is one recipe; layers are mixed, then mastered. */
final class SoundForge {

    /** Peak level of every sound: -1 dBFS, headroom for resampling in the player. */
    static final double PEAK = 0.89;

    private SoundForge() {
    }

    /** Every sound, mastered, by file name (without directory), in a stable order. */
    static Map<String, double[]> all() {
        Map<String, double[]> sounds = new LinkedHashMap<>();
        sounds.put("fire.wav", fire());
        sounds.put("fire-powered.wav", poweredFire());
        sounds.put("lance.wav", lance());
        sounds.put("hit.wav", hit());
        sounds.put("explode.wav", explode());
        sounds.put("pickup-health.wav", healthPickup());
        sounds.put("pickup-power.wav", powerPickup());
        sounds.put("pickup-lance.wav", lancePickup());
        sounds.put("respawn.wav", respawn());
        sounds.put("match-start.wav", matchStart());
        sounds.put("match-end.wav", matchEnd());
        sounds.put("ui-click.wav", uiClick());
        sounds.put("chat-message.wav", chatMessage());
        sounds.replaceAll((name, samples) -> Synth.master(samples, PEAK));
        return sounds;
    }

    /** A short laser "pew": a falling square zap over a little thump and a bright click. */
    private static double[] fire() {
        double length = 0.2;
        double[] out = buffer(length);
        double[] zap = osc(length, SQUARE, Curve.glide(1500, 220, 0.16));
        zap = filter(zap, LOW_PASS, Curve.glide(7000, 1100, 0.15), 1.2);
        mix(out, shape(zap, Curve.pluck(0.002, 0.045)), 0.55);
        mix(out, shape(osc(length, SINE, Curve.glide(320, 90, 0.1)), Curve.pluck(0.002, 0.03)), 0.5);
        mix(out, shape(filter(noise(length, 1), HIGH_PASS, 3000, 0.7), Curve.pluck(0.0005, 0.007)), 0.35);
        return echo(out, 0.045, 0.22);
    }

    /** A heavy charged shot: detuned saws through a resonant falling filter, a sub drop, a hiss. */
    private static double[] poweredFire() {
        double length = 0.55;
        double[] out = buffer(length);
        double[] saws = buffer(length);
        mix(saws, osc(length, SAW, Curve.glide(820, 110, 0.38)), 0.5);
        mix(saws, osc(length, SAW, Curve.glide(830, 111.5, 0.38)), 0.5);
        saws = filter(saws, LOW_PASS, Curve.glide(6000, 350, 0.35), 2.5);
        mix(out, shape(saws, Curve.pluck(0.003, 0.12)), 0.8);
        mix(out, shape(osc(length, SINE, Curve.glide(140, 38, 0.25)), Curve.pluck(0.004, 0.11)), 0.8);
        double[] hiss = filter(noise(length, 2), BAND_PASS, Curve.glide(5000, 500, 0.2), 1.5);
        mix(out, shape(hiss, Curve.pluck(0.001, 0.07)), 0.5);
        mix(out, shape(osc(length, SINE, Curve.glide(2000, 1150, 0.08)), Curve.pluck(0.001, 0.04)), 0.12);
        return echo(Synth.saturate(out, 1.4), 0.07, 0.28);
    }

    /**
     * The charged lance: a short rising whine (the charge let go), snapping into a bright FM crack
     * with a hard sub punch and a long thin tail, so it reads apart from the gun's zap at a distance.
     */
    private static double[] lance() {
        double length = 0.7;
        double[] out = buffer(length);
        mix(out, shape(osc(length, SINE, Curve.glide(600, 2400, 0.06)), Curve.pluck(0.03, 0.03)), 0.35);
        double[] crack = fm(length, 1800, 2.41, Curve.glide(9, 0.5, 0.25));
        mix(out, shape(crack, Curve.pluck(0.001, 0.16)), 0.7, 0.05);
        mix(out, shape(osc(length, SINE, Curve.glide(180, 45, 0.12)), Curve.pluck(0.002, 0.1)), 0.9, 0.05);
        double[] tail = filter(noise(length, 21), BAND_PASS, Curve.glide(7000, 1800, 0.5), 2.0);
        mix(out, shape(tail, Curve.pluck(0.002, 0.2)), 0.4, 0.05);
        return echo(Synth.saturate(out, 1.3), 0.09, 0.3);
    }

    /** A projectile striking a hull: a thud, a burst of grit and a short metallic ring. */
    private static double[] hit() {
        double length = 0.3;
        double[] out = buffer(length);
        mix(out, shape(osc(length, SINE, Curve.glide(230, 70, 0.08)), Curve.pluck(0.001, 0.05)), 0.8);
        mix(out, shape(filter(noise(length, 3), BAND_PASS, 2400, 1.4), Curve.pluck(0.0005, 0.022)), 1.1);
        double[] partials = {1, 2.76, 5.40, 8.93}; // the modes of a struck bar: clangy, not tonal
        for (int k = 0; k < partials.length; k++) {
            double[] ring = osc(length, SINE, Curve.constant(540 * partials[k]));
            mix(out, shape(ring, Curve.pluck(0.001, 0.07 / (k + 1))), 0.22 / (k + 1));
        }
        return out;
    }

    /** A ship blowing up: a blast, a roaring filtered-noise body, a sub boom and crackles. */
    private static double[] explode() {
        double length = 1.5;
        double[] out = buffer(length);
        double[] body = filter(noise(length, 4), LOW_PASS, Curve.glide(4000, 140, 1.1), 0.9);
        mix(out, shape(body, Curve.pluck(0.004, 0.32)), 1.0);
        double[] rumble = filter(noise(length, 5), LOW_PASS, 110, 0.8);
        mix(out, shape(rumble, Curve.pluck(0.02, 0.5)), 2.8);
        mix(out, shape(osc(length, SINE, Curve.glide(85, 28, 0.7)), Curve.pluck(0.003, 0.28)), 0.9);
        mix(out, shape(filter(noise(length, 6), HIGH_PASS, 1200, 0.7), Curve.pluck(0.0005, 0.012)), 0.7);
        mix(out, crackles(0.9, 7), 0.3, 0.05);
        return Synth.reverb(Synth.saturate(out, 1.6), 0.8, 0.3);
    }

    /** Sparse, ever rarer pops of bright noise: debris and burning fragments. */
    private static double[] crackles(double seconds, long seed) {
        double[] out = buffer(seconds);
        Random random = new Random(seed);
        double[] grit = filter(noise(0.004, seed + 1), HIGH_PASS, 2500, 0.8);
        for (int i = 0; i < out.length; i += 64) {
            double t = Synth.time(i);
            if (random.nextDouble() < 0.09 * StrictMath.exp(-t / 0.3)) {
                double gain = 0.3 + 0.7 * random.nextDouble();
                mix(out, shape(grit.clone(), Curve.pluck(0.0002, 0.0012)), gain, t);
            }
        }
        return out;
    }

    /** A warm rising major arpeggio with a soft chorus: restoring, friendly. */
    private static double[] healthPickup() {
        double length = 0.6;
        double[] out = buffer(length);
        double[] notes = {523.25, 659.26, 783.99, 1046.50}; // C5 E5 G5 C6
        for (int n = 0; n < notes.length; n++) {
            double at = 0.055 * n;
            double noteLength = length - at;
            double f = notes[n];
            double[] voice = buffer(noteLength);
            mix(voice, osc(noteLength, SINE, Curve.constant(f)), 0.6);
            mix(voice, osc(noteLength, SINE, Curve.constant(f * 1.004)), 0.4);
            mix(voice, osc(noteLength, TRIANGLE, Curve.constant(f * 2)), 0.12);
            mix(out, shape(voice, Curve.pluck(0.004, 0.09 + 0.03 * n)), 0.5, at);
        }
        return Synth.reverb(echo(out, 0.09, 0.2), 0.78, 0.35);
    }

    /** A buzzing charge-up sweep that lands on a bright power fifth. */
    private static double[] powerPickup() {
        double length = 0.65;
        double[] out = buffer(length);
        double[] sweep = osc(length, SAW, Curve.glide(140, 880, 0.32));
        sweep = filter(sweep, LOW_PASS, Curve.glide(500, 5500, 0.32), 4);
        mix(out, shape(sweep, t -> t < 0.32 ? Shape.smoothstep(0, 0.03, t) : StrictMath.exp(-(t - 0.32) / 0.06)), 0.45);
        double[] fifth = {440, 659.26, 880}; // A4 E5 A5
        for (int n = 0; n < fifth.length; n++) {
            double at = 0.2 + 0.07 * n;
            double noteLength = length - at;
            double[] stab = filter(osc(noteLength, SQUARE, Curve.constant(fifth[n])), LOW_PASS, 3800, 0.9);
            mix(out, shape(stab, Curve.pluck(0.002, 0.07 + 0.04 * n)), 0.3, at);
        }
        return Synth.reverb(echo(out, 0.1, 0.25), 0.78, 0.3);
    }

    /** A blade drawn: a quick rising noise scrape, then two bright inharmonic rings, the second higher. */
    private static double[] lancePickup() {
        double length = 0.6;
        double[] out = buffer(length);
        double[] scrape = filter(noise(0.14, 7), BAND_PASS, Curve.glide(1800, 7000, 0.12), 3);
        mix(out, shape(scrape, Curve.pluck(0.01, 0.05)), 0.4);
        double[] rings = {1318.5, 1975.5}; // E6, B6
        for (int n = 0; n < rings.length; n++) {
            double at = 0.08 + 0.09 * n;
            double noteLength = length - at;
            double f = rings[n];
            double[] ring = buffer(noteLength);
            mix(ring, osc(noteLength, SINE, Curve.constant(f)), 0.6);
            mix(ring, osc(noteLength, SINE, Curve.constant(f * 2.76)), 0.25); // a struck bar's partial
            mix(ring, osc(noteLength, TRIANGLE, Curve.constant(f * 1.003)), 0.2);
            mix(out, shape(ring, Curve.pluck(0.002, 0.12 + 0.05 * n)), 0.45, at);
        }
        return Synth.reverb(echo(out, 0.08, 0.2), 0.8, 0.3);
    }

    /** Materialising: a rising, wavering swell with a whoosh, topped by a bell ping. */
    private static double[] respawn() {
        double length = 0.95;
        double[] out = buffer(length);
        Curve pitch = Curve.glide(220, 880, 0.62);
        Curve vibrato = t -> 1 + 0.015 * StrictMath.sin(2 * Math.PI * 7 * t);
        Curve swell = Curve.swell(0.6, 0.12);
        mix(out, shape(osc(length, TRIANGLE, pitch.times(vibrato)), swell), 0.5);
        mix(out, shape(osc(length, SINE, pitch.times(vibrato).times(Curve.constant(1.5))), swell), 0.25);
        double[] whoosh = filter(noise(length, 8), BAND_PASS, Curve.glide(300, 4500, 0.62), 2.2);
        mix(out, shape(whoosh, swell), 0.5);
        double ping = 0.6;
        mix(out, shape(fm(length - ping, 1760, 1.41, Curve.pluck(0.001, 0.05).times(Curve.constant(2))),
                Curve.pluck(0.002, 0.12)), 0.35, ping);
        return Synth.reverb(echo(out, 0.08, 0.2), 0.8, 0.4);
    }

    /** Two ready blips, then a bright major chord that opens up: go! */
    private static double[] matchStart() {
        double length = 1.3;
        double[] out = buffer(length);
        for (int n = 0; n < 2; n++) {
            double[] blip = filter(osc(0.12, SQUARE, Curve.constant(440)), LOW_PASS, 2500, 0.8);
            mix(out, shape(blip, Curve.pluck(0.002, 0.035)), 0.35, 0.2 * n);
        }
        double at = 0.42;
        double chordLength = length - at;
        double[] chord = buffer(chordLength);
        double[] notes = {440, 554.37, 659.26, 880}; // A4 C#5 E5 A5
        for (double f : notes) {
            mix(chord, osc(chordLength, SAW, Curve.constant(f)), 0.25);
            mix(chord, osc(chordLength, SAW, Curve.constant(f * 1.006)), 0.25);
        }
        chord = filter(chord, LOW_PASS, t -> t < 0.08 ? 700 + 5800 * t / 0.08 : 2200 + 4300 * StrictMath.exp(-(t - 0.08) / 0.2), 1.2);
        mix(out, shape(chord, Curve.pluck(0.01, 0.32)), 0.7, at);
        mix(out, shape(osc(chordLength, SINE, Curve.constant(110)), Curve.pluck(0.01, 0.3)), 0.5, at);
        return Synth.reverb(echo(out, 0.12, 0.2), 0.84, 0.45);
    }

    /** A closing cadence, G major to C major, settling on a long low chord. */
    private static double[] matchEnd() {
        double length = 1.9;
        double[] out = buffer(length);
        double[][] chords = {
                {392.00, 493.88, 587.33},          // G4 B4 D5
                {329.63, 392.00, 523.25},          // E4 G4 C5
                {261.63, 329.63, 392.00, 523.25},  // C4 E4 G4 C5
        };
        double[] starts = {0, 0.28, 0.56};
        double[] taus = {0.1, 0.1, 0.45};
        for (int c = 0; c < chords.length; c++) {
            double chordLength = length - starts[c];
            double[] chord = buffer(chordLength);
            for (double f : chords[c]) {
                mix(chord, osc(chordLength, SAW, Curve.constant(f)), 0.2);
                mix(chord, osc(chordLength, SAW, Curve.constant(f * 0.995)), 0.2);
                mix(chord, osc(chordLength, SINE, Curve.constant(f / 2)), 0.15);
            }
            chord = filter(chord, LOW_PASS, Curve.glide(3500, 900, 0.5), 1);
            mix(out, shape(chord, Curve.pluck(0.012, taus[c])), 0.6, starts[c]);
        }
        return Synth.reverb(echo(out, 0.14, 0.2), 0.85, 0.5);
    }

    /** A tight, dry tick for buttons. */
    private static double[] uiClick() {
        double length = 0.06;
        double[] out = buffer(length);
        mix(out, shape(osc(length, SINE, Curve.glide(2000, 1200, 0.02)), Curve.pluck(0.0005, 0.006)), 0.6);
        mix(out, shape(osc(length, SINE, Curve.constant(620)), Curve.pluck(0.0008, 0.01)), 0.4);
        mix(out, shape(filter(noise(length, 9), HIGH_PASS, 4000, 0.7), Curve.pluck(0.0002, 0.002)), 0.3);
        return out;
    }

    /** A soft two-note FM chime, rising: a message arrived. */
    private static double[] chatMessage() {
        double length = 0.45;
        double[] out = buffer(length);
        double[] notes = {987.77, 1318.51}; // B5 E6
        for (int n = 0; n < notes.length; n++) {
            double at = 0.09 * n;
            double[] bell = fm(length - at, notes[n], 2, Curve.pluck(0.001, 0.06).times(Curve.constant(1.6)));
            mix(out, shape(bell, Curve.pluck(0.003, 0.1)), 0.5, at);
        }
        return Synth.reverb(echo(out, 0.075, 0.15), 0.75, 0.3);
    }
}
