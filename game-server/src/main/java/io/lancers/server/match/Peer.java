package io.lancers.server.match;

import java.nio.ByteBuffer;

/**
 * One connection as the match layer sees it. The net layer implements it over a WebSocket
 * session; the match layer never touches a socket. Sends and {@link #close} come from the match's
 * sender thread (one at a time, in the order the tick queued them), {@link #pendingSends()} from
 * its tick thread meanwhile; no method may block.
 */
public interface Peer {

    /** For logs, e.g. "c17 127.0.0.1:50312". */
    String label();

    /** Sends a JSON control message asynchronously; never blocks the tick. */
    void sendText(String json);

    /**
     * Sends a binary state frame asynchronously. The bytes behind the buffer are shared by all
     * receivers of this tick: the buffer is a read-only duplicate the peer may consume.
     */
    void sendBinary(ByteBuffer frame);

    /** Sends not yet completed: the slow-consumer signal. */
    int pendingSends();

    void close(int code, String reason);
}
