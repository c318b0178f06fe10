package io.lancers.assets.forge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes a RIFF WAVE file: PCM, 16-bit signed little-endian, mono, at {@link Synth#RATE}. */
final class Wav {

    private static final int BYTES_PER_SAMPLE = 2;

    private Wav() {
    }

    static byte[] encode(double[] samples) {
        int dataSize = samples.length * BYTES_PER_SAMPLE;
        ByteBuffer out = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataSize)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(Synth.RATE)
                .putInt(Synth.RATE * BYTES_PER_SAMPLE) // byte rate
                .putShort((short) BYTES_PER_SAMPLE) // block align
                .putShort((short) 16) // bits per sample
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        for (double sample : samples) {
            double clamped = Shape.clamp(sample, -1, 1);
            out.putShort((short) StrictMath.round(clamped * Short.MAX_VALUE));
        }
        return out.array();
    }
}
