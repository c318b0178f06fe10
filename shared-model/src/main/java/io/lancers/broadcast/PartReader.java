package io.lancers.broadcast;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads from a part or a file region with a bounds check on each, so that short or
 * forged input ends in a {@link BroadcastFormatException} naming {@code what} was being read.
 */
final class PartReader {
    private final ByteBuffer in;
    private final String what;

    PartReader(byte[] bytes, String what) {
        this.in = ByteBuffer.wrap(bytes);
        this.what = what;
    }

    int remaining() {
        return in.remaining();
    }

    void magic(byte[] expected, String kind) throws BroadcastFormatException {
        if (in.remaining() < expected.length) {
            throw new BroadcastFormatException(what + ": too short to be a " + kind + " (" + in.remaining() + " bytes)");
        }
        for (byte b : expected) {
            if (in.get() != b) {
                throw new BroadcastFormatException(what + ": not a " + kind + " (wrong magic bytes)");
            }
        }
    }

    /** The format version byte: newer than this code knows is refused with a message saying so. */
    void version(int known) throws BroadcastFormatException {
        int version = u8("format version");
        if (version > known) {
            throw new BroadcastFormatException(what + ": format version " + version
                    + " is newer than this program reads (" + known + "); update Lancers");
        }
        if (version < 1) {
            throw new BroadcastFormatException(what + ": format version 0 does not exist");
        }
    }

    int u8(String field) throws BroadcastFormatException {
        require(1, field);
        return in.get() & 0xFF;
    }

    /** A u32 that must fit a non-negative int (ticks, counts, lengths). */
    int u31(String field) throws BroadcastFormatException {
        require(4, field);
        int value = in.getInt();
        if (value < 0) {
            throw new BroadcastFormatException(what + ": " + field + " out of range: " + Integer.toUnsignedString(value));
        }
        return value;
    }

    /** {@code length} bytes, after checking that they are there (a forged length cannot make us allocate). */
    byte[] bytes(int length, String field) throws BroadcastFormatException {
        require(length, field);
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    String utf8(int length, String field) throws BroadcastFormatException {
        byte[] raw = bytes(length, field);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new BroadcastFormatException(what + ": " + field + " is not UTF-8");
        }
    }

    void requireEnd() throws BroadcastFormatException {
        if (in.hasRemaining()) {
            throw new BroadcastFormatException(what + ": " + in.remaining() + " trailing bytes");
        }
    }

    private void require(int n, String field) throws BroadcastFormatException {
        if (in.remaining() < n) {
            throw new BroadcastFormatException(what + ": truncated in " + field + " (needs " + n + " bytes, "
                    + in.remaining() + " left)");
        }
    }
}
