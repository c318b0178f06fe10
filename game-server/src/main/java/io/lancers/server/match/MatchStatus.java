package io.lancers.server.match;

import java.util.List;

/**
 * One match for {@code /status} and {@code /metrics}.
 *
 * @param players        humans and bots, by id
 * @param tickP50Ms      median tick duration over the last ticks
 * @param tickP99Ms      99th percentile tick duration over the last ticks
 * @param startLateP50Ms median tick start lateness (start minus scheduled deadline) over the last ticks
 * @param startLateP99Ms 99th percentile tick start lateness over the last ticks
 * @param startLateMaxMs the latest tick start over the last ticks
 * @param bytesPerSecond bytes handed to peers during the last second of ticks
 * @param bytesSentTotal bytes handed to peers since the match's first tick
 */
public record MatchStatus(String id, String mapId, int tickRate, String phase, int round, List<PlayerStatus> players,
                          int spectators, double tickP50Ms, double tickP99Ms, double startLateP50Ms,
                          double startLateP99Ms, double startLateMaxMs, long bytesPerSecond,
                          long bytesSentTotal) {

    public MatchStatus {
        players = List.copyOf(players);
    }

    /** {@code kills} is the score of the current round. */
    public record PlayerStatus(int id, String name, int kills, int deaths, boolean online, boolean bot, int pingMs) {
    }
}
