package io.lancers.protocol;

/**
 * WebSocket close codes the server uses, with the reason text it sends beside them.
 * 1000–1011 are RFC 6455's; 4000–4999 are this protocol's own.
 */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    /** Server shutting down. */
    public static final int GOING_AWAY = 1001;
    /** Malformed binary frame, invalid JSON, unknown message type, message in the wrong phase. */
    public static final int PROTOCOL_ERROR = 1002;
    /** Binary frame of unknown type or impossible values. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** Flood (inputs, chat, connections) or origin refused after upgrade. */
    public static final int POLICY_VIOLATION = 1008;
    /** Frame larger than the limit. */
    public static final int TOO_BIG = 1009;
    public static final int INTERNAL_ERROR = 1011;

    /** No heartbeat or any other message within the heartbeat timeout. */
    public static final int HEARTBEAT_TIMEOUT = 4000;
    /** No hello within the hello timeout after the upgrade. */
    public static final int HELLO_TIMEOUT = 4001;
    /** The same player resumed on another connection; this one is superseded. */
    public static final int SUPERSEDED = 4002;
    /** The client did not read its socket and fell too far behind. */
    public static final int SLOW_CONSUMER = 4003;
    /** Kicked by the server's rules (for example too many protocol violations). */
    public static final int KICKED = 4004;
    /** The server's password was missing or wrong (after an {@code error} saying which). */
    public static final int ACCESS_DENIED = 4005;

    private CloseCodes() {
    }
}
