package io.lancers.protocol;

import java.util.List;

/** The WebSocket subprotocols this code speaks, negotiated in {@code Sec-WebSocket-Protocol}. */
public final class ProtocolVersion {
    /**
     * The protocol: control messages, INPUT and state frames, as named in {@code welcome},
     * {@code /status}, {@code /metrics}, discovery, broadcasts and replays. {@code lancers.v5} is
     * {@code lancers.v4} with lance pickups, a ship's lance charges and the team scores in state frames
     * (docs/PROTOCOL.md); a server sends every receiver the same state bytes, so it speaks only this.
     */
    public static final String SUBPROTOCOL = "lancers.v5";
    /** Everything spoken: what a client offers. */
    public static final List<String> SPOKEN = List.of(SUBPROTOCOL);
    /**
     * Subprotocols older clients offer and this code no longer speaks: the server accepts the upgrade
     * only to close it at once with a reason an old client shows (docs/PROTOCOL.md §2).
     */
    public static final List<String> RETIRED = List.of("lancers.v4", "lancers.v3", "lancers.v2");
    public static final String ENDPOINT_PATH = "/game";

    private ProtocolVersion() {
    }
}
