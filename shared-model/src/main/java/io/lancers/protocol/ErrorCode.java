package io.lancers.protocol;

/** Machine-readable codes of {@link ServerMessage.Error}; the wire form is {@link #wire()}. */
public enum ErrorCode {
    /** Hello had a resume token that is unknown, expired or already void. */
    RESUME_REJECTED,
    /** Join/spectate named a match that does not exist. */
    NO_SUCH_MATCH,
    /** The match has reached its player cap. */
    MATCH_FULL,
    /** The name is empty, too long, has control characters or is taken in that match. */
    INVALID_NAME,
    /** The message is not allowed in the connection's current phase (e.g. join twice). */
    WRONG_PHASE,
    /** Chat text empty or over the limit. */
    INVALID_CHAT,
    /** Chat beyond the rate limit; the message was dropped. */
    RATE_LIMITED,
    /** A host-only message (kick, nextMap, endMatch) from a connection that is not the host's. */
    NOT_HOST,
    /** Kick named no human player of that match. */
    NO_SUCH_PLAYER,
    /** NextMap or vote named a map that is not built in, or not on the ballot. */
    NO_SUCH_MAP,
    /** A vote outside the intermission, or from a spectator. */
    NOT_VOTING,
    /** The server needs a password and hello had none; the connection is closed (4005). */
    PASSWORD_REQUIRED,
    /** Hello's password is wrong; the connection is closed (4005). */
    WRONG_PASSWORD,
    /** Too many wrong passwords from this address lately: not even checked; closed (4005). */
    TOO_MANY_ATTEMPTS;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
