package io.lancers.server.net;

import io.lancers.protocol.ServerMessage;

/**
 * What every connection of one server shares: the welcome it sends (which also carries the
 * heartbeat timing it keeps), how long it waits for the hello, how long a TCP connection may take
 * to become a WebSocket at all, how many one remote address may hold open, and the kernel send
 * buffer (SO_SNDBUF) of each accepted socket, 0 for the OS default; and the password and host
 * token hello is checked against.
 */
public record ConnectionSettings(ServerMessage.Welcome welcome, long helloTimeoutMs, long handshakeTimeoutMs,
                                 int maxConnectionsPerAddress, int socketSendBufferBytes, Access access) {
    /** The server's default: a TCP connection has this long to become a WebSocket. */
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MS = 5_000;

    public ConnectionSettings {
        java.util.Objects.requireNonNull(access, "access");
    }

    /** An open server without a host. */
    public ConnectionSettings(ServerMessage.Welcome welcome, long helloTimeoutMs, long handshakeTimeoutMs,
                              int maxConnectionsPerAddress, int socketSendBufferBytes) {
        this(welcome, helloTimeoutMs, handshakeTimeoutMs, maxConnectionsPerAddress, socketSendBufferBytes, Access.OPEN);
    }
}
