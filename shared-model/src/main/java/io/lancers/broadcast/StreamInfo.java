package io.lancers.broadcast;

import io.lancers.protocol.ServerMessage;

import java.util.Objects;

/**
 * What a viewer needs to know about a match stream before the first world: whose match, which map
 * (a built-in map id: the client has the map), the tick rate, the rules and how many ticks a
 * fragment spans. Every full part carries it, so a viewer can start with any fragment.
 *
 * @param protocol      the state frames' protocol, {@code lancers.v5} ({@code lancers.v2} in recordings of format 1)
 * @param matchId       the room's id on its server, e.g. {@code m1}
 * @param mapId         built-in map id
 * @param tickRate      ticks per second
 * @param fragmentTicks ticks per fragment: fragment {@code n} starts at tick {@code s_0 + n × fragmentTicks}
 * @param rules         the match rules as the server announces them to players
 */
public record StreamInfo(String protocol, String matchId, String mapId, int tickRate, int fragmentTicks,
                         ServerMessage.Rules rules) {
    /** A fragment spans at most ten minutes at the highest tick rate: more is a forged or broken header. */
    public static final int MAX_FRAGMENT_TICKS = 128 * 600;

    public StreamInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(rules, "rules");
        if (matchId == null || matchId.isBlank() || mapId == null || mapId.isBlank()) {
            throw new IllegalArgumentException("matchId and mapId must not be blank");
        }
        if (tickRate < 1 || tickRate > 1000) {
            throw new IllegalArgumentException("tickRate must be 1..1000, was " + tickRate);
        }
        if (fragmentTicks < 1 || fragmentTicks > MAX_FRAGMENT_TICKS) {
            throw new IllegalArgumentException("fragmentTicks must be 1.." + MAX_FRAGMENT_TICKS + ", was " + fragmentTicks);
        }
    }

    /** The same stream on another map (its room moved to it between rounds). */
    public StreamInfo withMapId(String newMapId) {
        return new StreamInfo(protocol, matchId, newMapId, tickRate, fragmentTicks, rules);
    }

    /** A fragment's length in seconds. */
    public double fragmentSeconds() {
        return (double) fragmentTicks / tickRate;
    }
}
