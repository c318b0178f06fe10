package io.lancers.server.net;

import io.lancers.protocol.ServerMessage;

/**
 * What every connection of one server shares: the welcome it sends (which also carries the
 * heartbeat timing it keeps) and how long it waits for the hello.
 */
public record ConnectionSettings(ServerMessage.Welcome welcome, long helloTimeoutMs) {
}
