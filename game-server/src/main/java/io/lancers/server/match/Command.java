package io.lancers.server.match;

import java.util.concurrent.CompletableFuture;

/** What network threads ask of a match; applied by its tick thread in phase 1 of the tick. */
sealed interface Command {

    /** Asks that complete a future with the new membership, or fail it with a {@link MatchException}. */
    sealed interface Request extends Command {
        Peer peer();

        CompletableFuture<Membership> reply();
    }

    record Join(String name, Peer peer, CompletableFuture<Membership> reply) implements Request {
    }

    record Spectate(Peer peer, CompletableFuture<Membership> reply) implements Request {
    }

    record Resume(String token, Peer peer, CompletableFuture<Membership> reply) implements Request {
    }

    record Chat(Membership from, String text) implements Command {
    }

    record Resync(Membership who) implements Command {
    }

    record Ping(Membership who, int ms) implements Command {
    }

    /**
     * Leave, or connection lost. Departures travel on their own queue, never refused: each
     * membership sends at most one, so that queue is bounded by the number of memberships.
     */
    record Departure(Membership who, boolean connectionLost) implements Command {
    }

    record Vote(Membership who, String mapId) implements Command {
    }

    /** The host's orders, from the host's connection only (the net layer checks); complete when applied. */
    sealed interface HostOrder extends Command {
        CompletableFuture<Void> done();
    }

    record Kick(int playerId, CompletableFuture<Void> done) implements HostOrder {
    }

    record PickNextMap(String mapId, CompletableFuture<Void> done) implements HostOrder {
    }

    record EndRound(CompletableFuture<Void> done) implements HostOrder {
    }
}
