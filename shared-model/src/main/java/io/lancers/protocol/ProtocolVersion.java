package io.lancers.protocol;

import java.util.List;

/** The WebSocket subprotocols this code speaks, negotiated in {@code Sec-WebSocket-Protocol}. */
public final class ProtocolVersion {
    /**
     * The base protocol: control messages and state frames, as named in {@code welcome}, {@code /status},
     * broadcasts and replays; with it INPUT carries no view tick.
     */
    public static final String SUBPROTOCOL = "lancers.v2";
    /** {@link #SUBPROTOCOL} with a view tick in INPUT (lag compensation); nothing else differs. */
    public static final String SUBPROTOCOL_V3 = "lancers.v3";
    /** {@link #SUBPROTOCOL_V3} with the LANCE button in INPUT; nothing else differs. */
    public static final String SUBPROTOCOL_V4 = "lancers.v4";
    /** Everything spoken, the preferred first: what a client offers. */
    public static final List<String> SPOKEN = List.of(SUBPROTOCOL_V4, SUBPROTOCOL_V3, SUBPROTOCOL);
    public static final String ENDPOINT_PATH = "/game";

    private ProtocolVersion() {
    }
}
