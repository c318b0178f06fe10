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
    RATE_LIMITED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
