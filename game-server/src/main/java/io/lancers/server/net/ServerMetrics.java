package io.lancers.server.net;

import io.lancers.protocol.ProtocolVersion;
import io.lancers.release.ReleaseVersion;
import io.lancers.server.match.MatchRegistry;
import io.lancers.server.match.MatchStatus;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.function.ToDoubleFunction;

/**
 * The server's Prometheus metrics (docs/PROTOCOL.md, "/metrics"). Every value is read when
 * scraped, from the same sources as {@code /status}: nothing is counted twice.
 */
final class ServerMetrics {
    private static final double MS = 1e-3;

    private ServerMetrics() {
    }

    /**
     * @param refusals requests turned down, by reason
     * @param closes   WebSocket connections closed, by close code (either side's)
     */
    static PrometheusRegistry registry(MatchRegistry matches, OpenConnections open, Tally refusals, Tally closes) {
        PrometheusRegistry registry = new PrometheusRegistry();
        Info.builder().name("lancers_build").help("The server's version and the protocol it speaks.")
                .labelNames("version", "protocol").register(registry)
                .setLabelValues(ReleaseVersion.VERSION, ProtocolVersion.SUBPROTOCOL);
        GaugeWithCallback.builder().name("lancers_players")
                .help("Participants in a match: connected humans, and bots.").labelNames("match", "kind")
                .callback(cb -> matches.status().forEach(m -> {
                    cb.call(m.players().stream().filter(p -> !p.bot() && p.online()).count(), m.id(), "human");
                    cb.call(m.players().stream().filter(MatchStatus.PlayerStatus::bot).count(), m.id(), "bot");
                })).register(registry);
        perMatch(registry, matches, "lancers_spectators", "Spectators watching a match.", MatchStatus::spectators);
        GaugeWithCallback.builder().name("lancers_tick_duration_seconds")
                .help("Time one simulation tick took, over the last 256 ticks.").labelNames("match", "quantile")
                .callback(cb -> matches.status().forEach(m -> {
                    cb.call(m.tickP50Ms() * MS, m.id(), "0.5");
                    cb.call(m.tickP99Ms() * MS, m.id(), "0.99");
                })).register(registry);
        GaugeWithCallback.builder().name("lancers_tick_start_lateness_seconds")
                .help("How long after its scheduled deadline a tick started, over the last 256 ticks.")
                .labelNames("match", "quantile")
                .callback(cb -> matches.status().forEach(m -> {
                    cb.call(m.startLateP50Ms() * MS, m.id(), "0.5");
                    cb.call(m.startLateP99Ms() * MS, m.id(), "0.99");
                    cb.call(m.startLateMaxMs() * MS, m.id(), "1");
                })).register(registry);
        CounterWithCallback.builder().name("lancers_sent_bytes")
                .help("Bytes handed to peers (state frames and messages) since the server started.")
                .labelNames("match")
                .callback(cb -> matches.status().forEach(m -> cb.call(m.bytesSentTotal(), m.id())))
                .register(registry);
        GaugeWithCallback.builder().name("lancers_connections").help("Open WebSocket connections.")
                .callback(cb -> cb.call(open.total())).register(registry);
        tally(registry, "lancers_refusals", "Requests turned down, by reason: upgrade_subprotocol, upgrade_origin, "
                + "too_many_connections, or the error code sent (match_full, invalid_name, ...).", "reason", refusals);
        tally(registry, "lancers_connections_closed", "WebSocket connections closed, by close code.", "code", closes);
        return registry;
    }

    private static void perMatch(PrometheusRegistry registry, MatchRegistry matches, String name, String help,
                                 ToDoubleFunction<MatchStatus> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("match")
                .callback(cb -> matches.status().forEach(m -> cb.call(value.applyAsDouble(m), m.id())))
                .register(registry);
    }

    private static void tally(PrometheusRegistry registry, String name, String help, String label, Tally tally) {
        CounterWithCallback.builder().name(name).help(help).labelNames(label)
                .callback(cb -> tally.snapshot().forEach((key, count) -> cb.call(count, key)))
                .register(registry);
    }
}
