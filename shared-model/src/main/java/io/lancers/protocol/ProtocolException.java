package io.lancers.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A peer sent something this protocol does not allow. Carries the WebSocket close code (see
 * {@link CloseCodes}) and a reason short enough for a close frame; the receiver closes with both.
 * Decoders throw nothing else on any input.
 */
public final class ProtocolException extends Exception {
    /** A close frame's payload is at most 125 bytes, two of which are the code. */
    public static final int MAX_REASON_BYTES = 123;

    private final int closeCode;

    public ProtocolException(int closeCode, String reason) {
        // No stack trace: this is an expected fault of the peer, and a flooding peer must stay cheap.
        super(fitCloseFrame(reason), null, false, false);
        this.closeCode = closeCode;
    }

    public int closeCode() {
        return closeCode;
    }

    /** The reason, cut at a code-point boundary to at most {@link #MAX_REASON_BYTES} UTF-8 bytes. */
    public String reason() {
        return getMessage();
    }

    static String fitCloseFrame(String reason) {
        String text = reason == null ? "" : reason;
        if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int cpBytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + cpBytes > MAX_REASON_BYTES) {
                break;
            }
            bytes += cpBytes;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }
}
