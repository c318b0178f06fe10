package io.lancers.protocol;

/** The WebSocket subprotocol this code speaks, negotiated in {@code Sec-WebSocket-Protocol}. */
public final class ProtocolVersion {
    public static final String SUBPROTOCOL = "lancers.v2";
    public static final String ENDPOINT_PATH = "/game";

    private ProtocolVersion() {
    }
}
