package io.lancers.bench;

/** Sizes of WebSocket framing (RFC 6455 §5.2), for counting what a message really costs on the wire. */
public final class WebSocketFrames {
    private WebSocketFrames() {
    }

    /**
     * Header bytes of an unmasked frame (server to client) carrying {@code payload} bytes: 2, plus 2
     * for a 16-bit length (126..65535) or 8 for a 64-bit one.
     */
    public static int serverHeaderBytes(int payload) {
        if (payload < 0) {
            throw new IllegalArgumentException("negative payload " + payload);
        }
        if (payload < 126) {
            return 2;
        }
        return payload < 65_536 ? 4 : 10;
    }

    /** Payload plus its unmasked frame header. */
    public static int serverFrameBytes(int payload) {
        return payload + serverHeaderBytes(payload);
    }
}
