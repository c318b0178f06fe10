package io.lancers.broadcast;

import java.util.List;
import java.util.Objects;

/**
 * The JSON header at the start of a replay file: what the recording is, before any fragment.
 *
 * @param format        the replay format version, {@link ReplayFile#FORMAT_VERSION}
 * @param serverVersion the recording server's version ("dev" when run from classes)
 * @param protocol      the state frames' protocol, {@code lancers.v5} ({@code lancers.v2} in recordings of format 1)
 * @param matchId       the room's id on its server
 * @param mapId         built-in map id
 * @param date          when the recording started, ISO-8601 UTC ({@code 2026-12-03T09:30:00Z})
 * @param tickRate      ticks per second
 * @param fragmentTicks ticks per fragment
 * @param round         the room's round the recording starts in (1 = its first match)
 * @param players       the names in the roster when the recording started
 */
public record ReplayHeader(int format, String serverVersion, String protocol, String matchId, String mapId,
                           String date, int tickRate, int fragmentTicks, int round, List<String> players) {
    public ReplayHeader {
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(date, "date");
        players = List.copyOf(players);
        if (matchId == null || matchId.isBlank() || mapId == null || mapId.isBlank()) {
            throw new IllegalArgumentException("matchId and mapId must not be blank");
        }
        if (tickRate < 1 || fragmentTicks < 1) {
            throw new IllegalArgumentException("tickRate and fragmentTicks must be positive");
        }
    }
}
