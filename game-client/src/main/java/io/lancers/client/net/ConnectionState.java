package io.lancers.client.net;

/** Where a {@link GameConnection} is; {@link #logName()} is what logs and JSON lines show. */
public enum ConnectionState {
    /** First connection attempt: opening the WebSocket. */
    CONNECTING,
    /** The link is open and {@code hello} was sent; awaiting {@code welcome} (and, when resuming, {@code joined}). */
    HANDSHAKING,
    /** Welcomed, not in a match. */
    LOBBY,
    /** Joined a match as player or spectator; worlds are flowing. */
    IN_MATCH,
    /** The link was lost; trying again with backoff. */
    RECONNECTING,
    /** Reconnected, but the server no longer knows our player: in the lobby, the UI may join as new. */
    RESUME_REFUSED,
    /** Closed by us (or superseded by another connection of ours): final. */
    CLOSED,
    /** Gave up (reconnect budget spent, first connect impossible, or a protocol error on our side): final. */
    FAILED;

    /** How logs and the headless JSON lines name the state: the constant's name, e.g. {@code IN_MATCH}. */
    public String logName() {
        return name();
    }

    /** Welcomed and able to send lobby requests ({@code listMatches}, {@code join}, {@code spectate}). */
    public boolean welcomed() {
        return this == LOBBY || this == IN_MATCH || this == RESUME_REFUSED;
    }

    public boolean terminal() {
        return this == CLOSED || this == FAILED;
    }
}
