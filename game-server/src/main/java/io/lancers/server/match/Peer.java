package io.lancers.server.match;

/**
 * One connection as the match layer sees it. The net layer implements it over a WebSocket
 * session; the match layer never touches a socket. Sends and {@link #close} come from the match's
 * sender thread (one at a time, in the order the tick queued them), {@link #pendingSends()} from
 * its tick thread meanwhile; no method may block.
 */
public interface Peer {

    /** For logs, e.g. "c17 127.0.0.1:50312". */
    String label();

    /**
     * Writes a message asynchronously, after everything sent before it. The frame is shared by every
     * receiver of the message: the peer writes its bytes as they are ({@link SharedFrame#wire()}).
     */
    void send(SharedFrame frame);

    /** Sends not yet completed: the slow-consumer signal. */
    int pendingSends();

    void close(int code, String reason);
}
