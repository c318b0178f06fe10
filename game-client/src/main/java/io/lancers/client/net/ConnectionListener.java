package io.lancers.client.net;

import io.lancers.client.tls.CertificateRefusal;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.World;

import java.time.Duration;

/**
 * What a {@link GameConnection} reports. Every method is called on a network or timer thread,
 * never the JavaFX thread, one call at a time per connection and in order: marshal to the UI
 * thread yourself and do not block (a slow listener delays frame decoding and heartbeats). A
 * listener may call the connection's own methods (e.g. {@code join} from {@code onMatchList}): the
 * connection's lock, which is held during the call, is reentrant. For the same reason a listener
 * must never wait for another thread that might itself be calling into the connection. Every method has a no-op default, so a listener implements only
 * what it needs.
 */
public interface ConnectionListener {

    /** The connection changed state; {@code detail} says why, for people and logs. */
    default void onState(ConnectionState state, String detail) {
    }

    /**
     * The {@code wss://} server's certificate is not trusted (unknown, or changed for a known
     * host:port); the state goes FAILED right after. A UI may ask the player and connect again.
     */
    default void onCertificateRefused(CertificateRefusal refusal) {
    }

    /** A reconnect attempt is scheduled: attempt {@code attempt} (1-based) starts after {@code delay}. */
    default void onReconnectAttempt(int attempt, Duration delay) {
    }

    default void onWelcome(ServerMessage.Welcome welcome) {
    }

    default void onMatchList(ServerMessage.MatchList list) {
    }

    /** Joined (or resumed, {@code joined.resumed()}) a match; a snapshot and worlds follow. */
    default void onJoined(ServerMessage.Joined joined) {
    }

    default void onRoster(ServerMessage.Roster roster) {
    }

    default void onChat(ServerMessage.Chat chat) {
    }

    default void onNotice(ServerMessage.Notice notice) {
    }

    /** A refusal from the server, e.g. {@code resume_rejected}, {@code match_full}, {@code rate_limited}. */
    default void onError(ServerMessage.Error error) {
    }

    default void onLeft(ServerMessage.Left left) {
    }

    /** The vote on the next map opened or changed (the match is in its intermission). */
    default void onMapVote(ServerMessage.MapVote vote) {
    }

    /**
     * A new authoritative world, complete (deltas are already applied); worlds arrive in tick order.
     * Unlike the others, called without the connection's lock (decoding never holds it), on the
     * thread that received the frame.
     */
    default void onWorld(World world) {
    }
}
