package io.lancers.protocol;

import io.lancers.map.ArenaMap;
import io.lancers.sim.GameMode;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Team;
import io.lancers.sim.Teams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Control messages the server sends, as JSON text frames {@code {"type": "...", ...fields}}.
 * The wire name of each type is in {@link ControlCodec}. State is binary, see {@link StateCodec}.
 */
public sealed interface ServerMessage {

    /** Answer to hello: who the server is and the timing the client must keep. */
    record Welcome(String serverName, String serverVersion, String protocol, long heartbeatIntervalMs,
                   long heartbeatTimeoutMs, long resumeGraceMs, Limits limits) implements ServerMessage {
    }

    /** Limits the server enforces; a client should respect them rather than be kicked. */
    record Limits(int maxNameLength, int maxChatLength, int chatPerTenSeconds, int maxInputsPerTick,
                  int maxTextFrameBytes, int maxBinaryFrameBytes) {
    }

    record MatchList(List<MatchInfo> matches) implements ServerMessage {
        public MatchList {
            matches = List.copyOf(matches);
        }
    }

    /**
     * One match in the list: enough for a lobby or discovery screen.
     *
     * @param mode {@code "ffa"} or {@code "tdm"} ({@link GameMode#wire()}); absent (null) from older servers: ffa
     */
    record MatchInfo(String id, String mapId, String mapName, String phase, int players, int maxPlayers,
                     int bots, int spectators, int tickRate, String mode) {
        public MatchInfo {
            mode = GameMode.ofWire(mode == null ? GameMode.FFA.wire() : mode).wire();
        }

        /** A free-for-all match. */
        public MatchInfo(String id, String mapId, String mapName, String phase, int players, int maxPlayers, int bots,
                         int spectators, int tickRate) {
            this(id, mapId, mapName, phase, players, maxPlayers, bots, spectators, tickRate, GameMode.FFA.wire());
        }
    }

    /**
     * You are in a match. A binary snapshot follows. Spectators get {@code playerId} 0 and no
     * resume token.
     */
    record Joined(String matchId, String role, int playerId, String resumeToken, boolean resumed, int tickRate,
                  Rules rules, ArenaMap map) implements ServerMessage {
        /** The match's simulation settings: its rules at its tick rate. */
        public MatchConfig matchConfig() {
            return rules.at(tickRate);
        }
    }

    /**
     * The match's rules as configured on the server: its {@link MatchConfig} without the tick rate,
     * which travels beside them ({@code joined.tickRate}). The wire keeps that shape; these two
     * methods are the only mapping, and a test keeps the components in step. {@code mode} and
     * {@code friendlyFire} came later: absent (null), as from older servers and recordings, they
     * mean free-for-all.
     *
     * @param mode {@link GameMode#wire()}: {@code "ffa"} or {@code "tdm"}
     */
    record Rules(int durationSeconds, int killLimit, int intermissionSeconds, int respawnSeconds, String mode,
                 Boolean friendlyFire) {
        public Rules {
            mode = GameMode.ofWire(mode == null ? GameMode.FFA.wire() : mode).wire();
            friendlyFire = friendlyFire != null && friendlyFire;
        }

        /** Free-for-all rules. */
        public Rules(int durationSeconds, int killLimit, int intermissionSeconds, int respawnSeconds) {
            this(durationSeconds, killLimit, intermissionSeconds, respawnSeconds, GameMode.FFA.wire(), false);
        }

        public static Rules of(MatchConfig config) {
            return new Rules(config.durationSeconds(), config.killLimit(), config.intermissionSeconds(),
                    config.respawnSeconds(), config.mode().wire(), config.friendlyFire());
        }

        public MatchConfig at(int tickRate) {
            return new MatchConfig(tickRate, durationSeconds, killLimit, intermissionSeconds, respawnSeconds,
                    GameMode.ofWire(mode), friendlyFire);
        }
    }

    /** You left the match (asked for, or the match closed); back in the lobby. */
    record Left(String matchId, String reason) implements ServerMessage {
    }

    /** Everyone in the match, sent on join and whenever presence, names or pings change. */
    record Roster(String matchId, List<PlayerInfo> players, int spectators) implements ServerMessage {
        public Roster {
            players = List.copyOf(players);
        }

        /** Who plays for which team, as these players say (none on a team in a free-for-all; §5.3). */
        public static Teams teamsOf(List<PlayerInfo> players) {
            Map<Integer, Team> byShip = new HashMap<>();
            for (PlayerInfo p : players) {
                if (p.team() != Team.NONE) {
                    byShip.put(p.id(), p.team());
                }
            }
            return new Teams(byShip);
        }
    }

    /**
     * One player of the roster.
     *
     * @param team its team in a team match; NONE in free-for-all (also when absent, from older servers)
     */
    record PlayerInfo(int id, String name, int color, boolean bot, boolean online, int pingMs, Team team) {
        public PlayerInfo {
            team = team == null ? Team.NONE : team;
        }

        /** A player of a free-for-all match. */
        public PlayerInfo(int id, String name, int color, boolean bot, boolean online, int pingMs) {
            this(id, name, color, bot, online, pingMs, Team.NONE);
        }
    }

    /** A chat line. {@code fromId} is 0 for a spectator. */
    record Chat(int fromId, String from, String text, long serverTime) implements ServerMessage {
    }

    /** A system notice: join, leave, offline, online, match events. {@code playerId} 0 if none. */
    record Notice(String kind, int playerId, String text) implements ServerMessage {
    }

    /** A refusal: a machine-readable {@code code} (see {@link ErrorCode}) and a message for people. */
    record Error(String code, String message) implements ServerMessage {
    }

    record Heartbeat(long t, int tick) implements ServerMessage {
    }

    record HeartbeatAck(long t) implements ServerMessage {
    }

    /**
     * The vote on the next map, sent to everyone in the match when an intermission starts and
     * whenever a vote changes. {@code options} are in rotation order: on a tie (no votes included)
     * the first of the tied ones wins. {@code hostPick} is the host's choice, which beats the vote,
     * or null. {@code closesAtTick}: the tick the next round starts on the chosen map.
     */
    record MapVote(String matchId, List<VoteOption> options, String hostPick, int closesAtTick)
            implements ServerMessage {
        public MapVote {
            options = List.copyOf(options);
        }
    }

    /** One map on the ballot and the human players' votes for it. */
    record VoteOption(String mapId, String mapName, int votes) {
    }
}
