package io.lancers.server;

import io.lancers.protocol.ProtocolVersion;
import io.lancers.server.match.MatchStatus;
import io.lancers.tls.Fingerprint;

import java.util.List;

/**
 * The {@code GET /status} document (docs/PROTOCOL.md, "/status"): the server and, per match, its
 * players with their scores; whether hello needs a password (never the password), the SHA-256
 * fingerprint of its TLS certificate when it speaks TLS, spectators, tick cost, tick start lateness and outgoing bandwidth.
 */
record ServerStatus(String name, String version, String protocol, long uptimeSeconds, boolean passwordRequired,
                    String tlsSha256,
                    List<Match> matches) {

    record Match(String id, String map, int tickRate, String phase, int round, List<Player> players, int spectators,
                 TickTime tickTimeMs, TickStartLate tickStartLateMs, long bytesSentPerSecond) {
    }

    /** {@code score}: kills in the current round. */
    record Player(int id, String name, int score, int deaths, boolean online, boolean bot, int pingMs) {
    }

    record TickTime(double p50, double p99) {
    }

    /** How long after its scheduled deadline a tick started. */
    record TickStartLate(double p50, double p99, double max) {
    }

    /** @param certificate the fingerprint of the TLS certificate; null without TLS (then absent from the JSON) */
    static ServerStatus of(String name, String version, long uptimeSeconds, boolean passwordRequired,
                           Fingerprint certificate, List<MatchStatus> matches) {
        return new ServerStatus(name, version, ProtocolVersion.SUBPROTOCOL, uptimeSeconds, passwordRequired,
                certificate == null ? null : certificate.toString(),
                matches.stream().map(ServerStatus::match).toList());
    }

    private static Match match(MatchStatus status) {
        return new Match(status.id(), status.mapId(), status.tickRate(), status.phase(), status.round(),
                status.players().stream()
                        .map(p -> new Player(p.id(), p.name(), p.kills(), p.deaths(), p.online(), p.bot(), p.pingMs()))
                        .toList(),
                status.spectators(), new TickTime(status.tickP50Ms(), status.tickP99Ms()),
                new TickStartLate(status.startLateP50Ms(), status.startLateP99Ms(), status.startLateMaxMs()),
                status.bytesPerSecond());
    }
}
