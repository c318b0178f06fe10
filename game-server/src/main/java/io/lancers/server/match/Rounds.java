package io.lancers.server.match;

import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.World;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * One room's change of rounds (docs/PROTOCOL.md §18.3): the map it plays, the vote on the next one
 * while a match is over ({@link MapBallot}), the host's pick, and the move to another map, which
 * everyone is told with a new {@code joined} (delayed spectators when their frames reach the new
 * round). {@link Match} steps the world; this class says on which map and who is told what. Tick thread only.
 */
final class Rounds {
    private static final Logger LOG = Logger.getLogger(Rounds.class.getName());

    private final String matchId;
    private final int tickRate;
    private final ServerMessage.Rules rules;
    private final MapBallot ballot;
    private final Function<String, ArenaMap> maps;
    /** Told when the room moves to another map; it also gets the stream through {@link #fanout}. */
    private final StreamTap tap;
    private final FrameFanout fanout;
    private final Seats seats;
    private final Announcements announcements;
    /** The map of the current round; a new round may change it. */
    private ArenaMap map;
    /** The map of the world spectators are shown: {@link #map} unless their delay still shows the last round. */
    private ArenaMap spectatorsMap;
    /** {@link #spectatorsJoined()}, once encoded; null until then and after the spectators' map changes. */
    private SharedFrame spectatorsJoined;

    Rounds(MatchSettings settings, ArenaMap first, StreamTap tap, FrameFanout fanout, Seats seats,
           Announcements announcements) {
        this.matchId = settings.id();
        this.tickRate = settings.tickRate();
        this.rules = ServerMessage.Rules.of(settings.rules());
        this.ballot = new MapBallot(settings.rotation().isEmpty() ? List.of(first.id()) : settings.rotation(), first.id());
        Map<String, ArenaMap> loaded = new HashMap<>(Map.of(first.id(), first));
        this.maps = id -> loaded.computeIfAbsent(id, MapLoader::load);
        this.tap = tap;
        this.fanout = fanout;
        this.seats = seats;
        this.announcements = announcements;
        this.map = first;
        this.spectatorsMap = first;
    }

    /** The map of the current round. */
    ArenaMap map() {
        return map;
    }

    /** {@code joined} for a player: the map of the current round. */
    ServerMessage.Joined joined(Membership player, String token, boolean resumed) {
        return new ServerMessage.Joined(matchId, player.role().wire(), player.playerId(), token, resumed, tickRate, rules,
                map);
    }

    /**
     * {@code joined} for a spectator, the same for every one (no player id, no token): encoded and framed once
     * per map they are shown, not once per spectator (its map is most of a join's bytes; BENCHMARKS.md §3,
     * issue 14 step 6).
     */
    SharedFrame spectatorsJoined() {
        if (spectatorsJoined == null) {
            spectatorsJoined = SharedFrame.text(ControlCodec.encode(new ServerMessage.Joined(matchId,
                    Role.SPECTATOR.wire(), 0, null, false, tickRate, rules, spectatorsMap)));
        }
        return spectatorsJoined;
    }

    // ------------------------------------------------------------------ the vote

    /** A round ended in {@code now}: the vote opens, if the rotation has more than one map. */
    void ended(World now) {
        if (!ballot.open().isEmpty()) {
            announceVote(now);
        }
    }

    /** A vote from {@code from}: counted and shown to everyone, or refused with an error to it alone. */
    void vote(Membership from, String mapId, World now) {
        if (from.role() != Role.PLAYER || !ballot.isOpen()) {
            fanout.send(from, error(ErrorCode.NOT_VOTING, "Players vote on the next map while a match is over"));
        } else if (!ballot.vote(from.playerId(), mapId)) {
            fanout.send(from, error(ErrorCode.NO_SUCH_MAP, "Vote for one of " + String.join(", ", ballot.options())));
        } else {
            announceVote(now);
        }
    }

    /** The host's pick for the next round; a refusal if there is no such map. */
    Optional<MatchException> hostPick(String mapId, World now) {
        if (!MapLoader.builtInIds().contains(mapId)) {
            return Optional.of(new MatchException(ErrorCode.NO_SUCH_MAP,
                    "No map " + mapId + "; there are " + String.join(", ", MapLoader.builtInIds())));
        }
        ballot.hostPick(mapId);
        announcements.host("The host picked " + maps.apply(mapId).name() + " for the next match");
        if (ballot.isOpen()) {
            announceVote(now);
        }
        return Optional.empty();
    }

    /** A player left: its vote goes with it. */
    void forget(int playerId, World now) {
        if (ballot.forget(playerId)) {
            announceVote(now);
        }
    }

    /** The room's map vote as everyone sees it. */
    private void announceVote(World now) {
        List<ServerMessage.VoteOption> options = ballot.options().stream()
                .map(id -> new ServerMessage.VoteOption(id, maps.apply(id).name(), ballot.votesFor(id))).toList();
        fanout.broadcast(new ServerMessage.MapVote(matchId, options, ballot.hostPick().orElse(null),
                now.match().phaseEndTick()), now.tick());
    }

    // ------------------------------------------------------------------ the next round

    /**
     * A new round began in {@code started}: the ballot names its map. Returns whether that is
     * another map; then {@link #map()} is it, and the room must start the round again there and
     * {@link #rejoin} everyone.
     */
    boolean moveOn(World started) {
        String next = ballot.decide();
        if (next.equals(map.id())) {
            return false;
        }
        map = maps.apply(next);
        LOG.info(() -> matchId + ": round " + started.match().round() + " moves to " + map.id());
        tap.mapChanged(map.id());
        return true;
    }

    /**
     * Every receiver gets {@code joined} with the new map, then (as it has no base any more) a
     * snapshot of {@code fresh}: players now, delayed spectators when their frames reach that tick,
     * so that their map and their world change together.
     */
    void rejoin(World fresh) {
        for (Membership receiver : fanout.playerReceivers()) {
            fanout.send(receiver, joined(receiver, seats.player(receiver.playerId()).resumeToken, false));
            receiver.baseTick = Membership.NO_BASE;
        }
        ArenaMap shown = map;
        fanout.whenSpectatorsReach(fresh.tick(), () -> {
            spectatorsMap = shown;
            spectatorsJoined = null;
            for (Membership spectator : seats.spectators()) {
                fanout.send(spectator, spectatorsJoined());
                spectator.baseTick = Membership.NO_BASE;
            }
        });
    }

    private static ServerMessage.Error error(ErrorCode code, String message) {
        return new ServerMessage.Error(code.wire(), message);
    }
}
