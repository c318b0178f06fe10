package io.lancers.server.match;

import io.lancers.protocol.ServerMessage;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.MatchState;
import io.lancers.sim.GameMode;
import io.lancers.sim.Ship;
import io.lancers.sim.Team;
import io.lancers.sim.TeamScores;
import io.lancers.sim.Teams;
import io.lancers.sim.World;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What one room tells everyone in it, in English: presence notices (joined, left, lost connection,
 * back), the match cycle (round begins, match over and who won), the roster when presence changed
 * and, at most every few seconds, when only pings did. {@link Match} reports what happened; this
 * class words it and sends it, through {@link FrameFanout}, at the tick's announcement phases.
 * Tick thread only.
 */
final class Announcements {
    private static final Logger LOG = Logger.getLogger(Announcements.class.getName());

    /** A roster that only refreshes pings goes out at most this often. */
    private static final double PING_ROSTER_SECONDS = 2;
    /** The notice that tells a spectator it watches with a delay (PROTOCOL.md §5). */
    static final String DELAY_NOTICE = "delay";

    private final String matchId;
    private final GameMode mode;
    private final int pingRosterTicks;
    private final FrameFanout fanout;
    /** The room's players and spectators, read live (the room's own collections, tick thread). */
    private final Map<Integer, Player> players;
    private final Set<Membership> spectators;

    private final List<ServerMessage.Notice> notices = new ArrayList<>();
    private boolean rosterChanged;
    private boolean pingsChanged;
    private int nextPingRosterTick;

    Announcements(String matchId, MatchConfig config, FrameFanout fanout, Map<Integer, Player> players,
                  Set<Membership> spectators) {
        this.matchId = matchId;
        this.mode = config.mode();
        this.pingRosterTicks = config.ticks(PING_ROSTER_SECONDS);
        this.fanout = fanout;
        this.players = players;
        this.spectators = spectators;
    }

    void joined(Player player) {
        presence("join", player, player.name + " joined");
    }

    void left(Player player) {
        presence("leave", player, player.name + " left");
    }

    /** What the host did to the match, for everyone in it. */
    void host(String text) {
        notices.add(new ServerMessage.Notice("host", 0, text));
    }

    void offline(Player player) {
        presence("offline", player, player.name + " lost connection");
    }

    void back(Player player) {
        presence("online", player, player.name + " is back");
    }

    /** A presence notice: goes out with a fresh roster at the next announcement. */
    private void presence(String kind, Player player, String text) {
        notices.add(new ServerMessage.Notice(kind, player.id, text));
        rosterChanged = true;
    }

    /** Someone arrived or left without a notice (a spectator), or a new connection needs the roster. */
    void rosterChanged() {
        rosterChanged = true;
    }

    /** A player's ping changed: the roster refreshes at the next announcement at most every few seconds. */
    void pingChanged() {
        pingsChanged = true;
    }

    /** Forgets the notices so far (nobody was there to be told). */
    void forgetNotices() {
        notices.clear();
    }

    /** Told to a spectator that watches {@code seconds} late, right after its joined. */
    static ServerMessage.Notice spectatorDelay(double seconds) {
        return new ServerMessage.Notice(DELAY_NOTICE, 0, "You watch the game "
                + BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString() + " s late");
    }

    /** The match cycle's notices; {@code teams}: who played for which team (NONE in free-for-all). */
    void matchCycle(MatchState before, World after, Teams teams) {
        MatchState now = after.match();
        String text;
        if (before.phase() == MatchPhase.PLAYING && now.phase() == MatchPhase.INTERMISSION) {
            text = mode == GameMode.TDM ? teamMatchOver(after.match().teamScores()) : matchOver(after.ships());
        } else if (now.round() != before.round()) {
            text = "Round " + now.round() + " begins";
        } else {
            return;
        }
        LOG.info(() -> matchId + ": " + text);
        notices.add(new ServerMessage.Notice("match", 0, text));
    }

    private String matchOver(List<Ship> ships) {
        int best = ships.stream().mapToInt(Ship::kills).max().orElse(0);
        List<String> leaders = ships.stream().filter(s -> s.kills() == best).map(s -> nameOf(s.id())).toList();
        String kills = best + (best == 1 ? " kill" : " kills");
        if (best == 0) {
            return "Match over — nobody scored";
        }
        if (leaders.size() == 1) {
            return "Match over — " + leaders.get(0) + " wins with " + kills;
        }
        return "Match over — " + String.join(", ", leaders) + " tie with " + kills;
    }

    /** The team result: each team's kills of the other, as the match kept them (a teammate's kill being none). */
    private static String teamMatchOver(TeamScores scores) {
        int red = scores.red();
        int blue = scores.blue();
        String score = Math.max(red, blue) + "–" + Math.min(red, blue);
        if (red == blue) {
            return "Match over — the teams tie " + score;
        }
        return "Match over — " + (red > blue ? "Red" : "Blue") + " wins " + score;
    }

    private String nameOf(int playerId) {
        Player player = players.get(playerId);
        return player == null ? "#" + playerId : player.name;
    }

    /** The roster if presence changed (or pings did, at most every few seconds), then the notices. */
    void announce(int tick) {
        boolean pingsDue = pingsChanged && tick >= nextPingRosterTick;
        if (rosterChanged || pingsDue) {
            fanout.broadcast(roster(), tick);
            rosterChanged = false;
            pingsChanged = false;
            nextPingRosterTick = tick + pingRosterTicks;
        }
        for (ServerMessage.Notice notice : notices) {
            fanout.broadcast(notice, tick);
        }
        notices.clear();
    }

    private ServerMessage.Roster roster() {
        List<ServerMessage.PlayerInfo> infos = players.values().stream()
                .map(p -> new ServerMessage.PlayerInfo(p.id, p.name, p.team == Team.NONE ? p.color : Colors.team(p.team),
                        p.bot(), p.online, p.pingMs, p.team))
                .toList();
        return new ServerMessage.Roster(matchId, infos, spectators.size());
    }
}
