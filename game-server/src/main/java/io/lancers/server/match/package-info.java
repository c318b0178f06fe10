/**
 * Everything that decides the game on the server, and nothing that touches a socket.
 *
 * <p>The net layer calls {@link io.lancers.server.match.MatchRegistry} (list, join, spectate,
 * resume, status) and then the {@link io.lancers.server.match.Membership} it gets; the match layer
 * answers through the connection's {@link io.lancers.server.match.Peer}. Requests complete on the
 * room's tick thread, failures are {@link io.lancers.server.match.MatchException}s carrying the
 * {@code ErrorCode} for the {@code error} message.
 *
 * <p>Each {@link io.lancers.server.match.Match} owns its world and runs {@code tick()} on its own
 * thread at absolute deadlines; network threads only enqueue commands and inputs.
 */
package io.lancers.server.match;
