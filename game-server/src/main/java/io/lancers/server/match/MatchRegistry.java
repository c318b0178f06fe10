package io.lancers.server.match;

import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * All rooms of a server, each with its own map and tick thread. The net layer's entry point: it
 * lists, joins, spectates and resumes here and then talks to the {@link Membership} it gets.
 * Every method may be called from any thread.
 */
public final class MatchRegistry {
    private static final Logger LOG = Logger.getLogger(MatchRegistry.class.getName());

    private final Map<String, Match> matches;

    /** One room per settings, in that order; ids must be unique. */
    public MatchRegistry(List<MatchSettings> settings) {
        this(settings, room -> StreamTap.NONE);
    }

    /** As {@link #MatchRegistry(List)}, each room's stream also going to the tap made for it. */
    public MatchRegistry(List<MatchSettings> settings, Function<MatchSettings, StreamTap> taps) {
        this(settings.stream().map(room -> new Match(room, taps.apply(room))).toList());
    }

    MatchRegistry(Collection<Match> rooms) {
        Map<String, Match> byId = new LinkedHashMap<>();
        for (Match match : rooms) {
            if (byId.putIfAbsent(match.id(), match) != null) {
                throw new IllegalArgumentException("duplicate match id " + match.id());
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one match");
        }
        this.matches = byId;
    }

    /** The lobby: every open room as of its last tick (a room that failed is gone from it). */
    public List<ServerMessage.MatchInfo> list() {
        return matches.values().stream().filter(match -> !match.closed()).map(Match::info).toList();
    }

    /** Per room, for {@code /status}; a closed room shows phase {@code closed}. */
    public List<MatchStatus> status() {
        return matches.values().stream().map(Match::status).toList();
    }

    /**
     * Joins {@code matchId} as a player. Completes on that room's tick thread (keep callbacks short
     * or use the async variants); fails with NO_SUCH_MATCH (at once), INVALID_NAME or MATCH_FULL.
     */
    public CompletableFuture<Membership> join(String matchId, String name, Peer peer) {
        Match match = matches.get(matchId);
        return match == null ? noSuchMatch(matchId) : match.join(name, peer);
    }

    /** Watches {@code matchId}; like {@link #join}, fails with NO_SUCH_MATCH or MATCH_FULL. */
    public CompletableFuture<Membership> spectate(String matchId, Peer peer) {
        Match match = matches.get(matchId);
        return match == null ? noSuchMatch(matchId) : match.spectate(peer);
    }

    /**
     * Takes back the player that holds {@code token}, in whichever room it is: each room is asked
     * in turn, on its own tick thread. Fails with RESUME_REJECTED when no room knows the token
     * (unknown, or the grace is over and the player has left).
     */
    public CompletableFuture<Membership> resume(String token, Peer peer) {
        CompletableFuture<Membership> attempt = CompletableFuture.failedFuture(rejected());
        if (!ResumeTokens.wellFormed(token)) {
            LOG.info(() -> "refused resume from " + peer.label() + ": malformed token " + ResumeTokens.redact(token));
            return attempt;
        }
        for (Match match : matches.values()) {
            attempt = attempt.exceptionallyCompose(failure -> isRejection(failure)
                    ? match.resume(token, peer)
                    : CompletableFuture.failedFuture(failure));
        }
        return attempt;
    }

    /** The host's order: removes human player {@code playerId} from {@code matchId} (NO_SUCH_PLAYER if none). */
    public CompletableFuture<Void> kick(String matchId, int playerId) {
        return order(matchId, done -> new Command.Kick(playerId, done));
    }

    /** The host's order: {@code matchId}'s next round plays {@code mapId}, whatever the vote (NO_SUCH_MAP if unknown). */
    public CompletableFuture<Void> pickNextMap(String matchId, String mapId) {
        return order(matchId, done -> new Command.PickNextMap(mapId, done));
    }

    /** The host's order: {@code matchId}'s round ends now (WRONG_PHASE during an intermission). */
    public CompletableFuture<Void> endRound(String matchId) {
        return order(matchId, Command.EndRound::new);
    }

    private CompletableFuture<Void> order(String matchId, Function<CompletableFuture<Void>, Command.HostOrder> order) {
        Match match = matches.get(matchId);
        return match == null ? noSuchMatch(matchId) : match.order(order.apply(new CompletableFuture<>()));
    }

    /** Starts every room's tick thread. */
    public void start() {
        start(new TickPriority.Normal());
    }

    /** As {@link #start()}, each tick thread at {@code priority} or its fallback ({@link Match#start(TickPriority)}). */
    public void start(TickPriority priority) {
        matches.values().forEach(match -> match.start(priority));
    }

    /** Stops every room's tick thread; closing the sockets (1001) is the net layer's job. */
    public void shutdown() {
        matches.values().forEach(Match::stop);
    }

    Match match(String matchId) {
        return matches.get(matchId);
    }

    private static <T> CompletableFuture<T> noSuchMatch(String matchId) {
        return CompletableFuture.failedFuture(new MatchException(ErrorCode.NO_SUCH_MATCH,
                "There is no match " + matchId));
    }

    private static MatchException rejected() {
        return new MatchException(ErrorCode.RESUME_REJECTED, "Unknown or expired resume token");
    }

    private static boolean isRejection(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof MatchException e && e.code() == ErrorCode.RESUME_REJECTED;
    }
}
