package io.lancers.broadcast;

import java.io.IOException;

/**
 * Bytes that are not a valid fragment part or replay file of a format this code reads: truncated,
 * corrupt, foreign or from a newer version. The message says which, for people.
 */
public final class BroadcastFormatException extends IOException {
    public BroadcastFormatException(String message) {
        super(message);
    }

    public BroadcastFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
