package io.lancers.server.match;

import io.lancers.protocol.ErrorCode;

/** A refusal by the match layer; the net layer turns it into an {@code error} message. */
public final class MatchException extends RuntimeException {
    private final ErrorCode code;

    public MatchException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
