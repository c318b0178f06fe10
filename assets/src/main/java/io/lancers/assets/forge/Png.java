package io.lancers.assets.forge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG encoder: IHDR, one IDAT, IEND and nothing else (no time or text chunks), so the
 * same pixels always give the same bytes. Writes RGB when every pixel is opaque, RGBA otherwise.
 */
final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int COLOUR_RGB = 2;
    private static final int COLOUR_RGBA = 6;

    private Png() {
    }

    static byte[] encode(Canvas canvas) {
        int width = canvas.width();
        int height = canvas.height();
        byte[] rgba = canvas.rgba8();
        boolean opaque = true;
        for (int i = 3; i < rgba.length; i += 4) {
            opaque &= rgba[i] == (byte) 0xff;
        }
        int channels = opaque ? 3 : 4;

        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height)
                .put((byte) 8) // bit depth
                .put((byte) (opaque ? COLOUR_RGB : COLOUR_RGBA))
                .put((byte) 0).put((byte) 0).put((byte) 0); // deflate, adaptive filters, no interlace

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", deflate(filtered(rgba, width, height, channels)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Each row with the "Paeth" filter, which suits smooth gradients and flat areas alike. */
    private static byte[] filtered(byte[] rgba, int width, int height, int channels) {
        int stride = width * channels;
        byte[] raw = new byte[height * stride];
        for (int p = 0, q = 0; p < width * height; p++) {
            for (int c = 0; c < channels; c++) {
                raw[q++] = rgba[4 * p + c];
            }
        }
        byte[] out = new byte[height * (stride + 1)];
        for (int y = 0; y < height; y++) {
            int rowStart = y * (stride + 1);
            out[rowStart] = 4; // Paeth
            for (int x = 0; x < stride; x++) {
                int left = x >= channels ? raw[y * stride + x - channels] & 0xff : 0;
                int up = y > 0 ? raw[(y - 1) * stride + x] & 0xff : 0;
                int upLeft = x >= channels && y > 0 ? raw[(y - 1) * stride + x - channels] & 0xff : 0;
                int value = raw[y * stride + x] & 0xff;
                out[rowStart + 1 + x] = (byte) (value - paeth(left, up, upLeft));
            }
        }
        return out;
    }

    private static int paeth(int left, int up, int upLeft) {
        int p = left + up - upLeft;
        int pa = Math.abs(p - left);
        int pb = Math.abs(p - up);
        int pc = Math.abs(p - upLeft);
        if (pa <= pb && pa <= pc) {
            return left;
        }
        return pb <= pc ? up : upLeft;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
