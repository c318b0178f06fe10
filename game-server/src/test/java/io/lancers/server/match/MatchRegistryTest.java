package io.lancers.server.match;

import io.lancers.map.MapLoader;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchRegistryTest {

    private static Match room(String id, String mapId) {
        MatchSettings settings = MatchSettings.defaults(id, mapId).withBotFill(1).withSeed(7);
        return new Match(settings, MapLoader.load(mapId), Clock.systemUTC(), StateEncoder.CODEC, Runnable::run);
    }

    private static ErrorCode refusal(CompletableFuture<Membership> request) {
        CompletionException e = assertThrows(CompletionException.class, request::join);
        return assertInstanceOf(MatchException.class, e.getCause()).code();
    }

    @Test
    void listsEveryRoomWithItsOwnMap() {
        MatchRegistry registry = new MatchRegistry(List.of(room("one", "foundry"), room("two", "crossfire")));
        List<ServerMessage.MatchInfo> list = registry.list();
        assertEquals(List.of("one", "two"), list.stream().map(ServerMessage.MatchInfo::id).toList());
        assertEquals(List.of("foundry", "crossfire"), list.stream().map(ServerMessage.MatchInfo::mapId).toList());
        assertEquals(List.of(1, 1), list.stream().map(ServerMessage.MatchInfo::bots).toList());
        assertEquals(List.of("one", "two"), registry.status().stream().map(MatchStatus::id).toList());
    }

    @Test
    void anUnknownMatchIsRefusedAtOnce() {
        MatchRegistry registry = new MatchRegistry(List.of(room("one", "foundry")));
        assertEquals(ErrorCode.NO_SUCH_MATCH, refusal(registry.join("nope", "Ada", new RecordingPeer("ada"))));
        assertEquals(ErrorCode.NO_SUCH_MATCH, refusal(registry.spectate("nope", new RecordingPeer("w"))));
    }

    @Test
    void resumeFindsThePlayerInWhicheverRoomItIs() {
        Match one = room("one", "foundry");
        Match two = room("two", "crossfire");
        MatchRegistry registry = new MatchRegistry(List.of(one, two));
        RecordingPeer adaPeer = new RecordingPeer("ada");
        CompletableFuture<Membership> joined = registry.join("two", "Ada", adaPeer);
        two.tick();
        joined.join().connectionLost();
        two.tick();
        String token = adaPeer.last(ServerMessage.Joined.class).resumeToken();

        CompletableFuture<Membership> resumed = registry.resume(token, new RecordingPeer("ada again"));
        for (int i = 0; i < 3 && !resumed.isDone(); i++) {
            one.tick();
            two.tick();
        }
        Membership membership = resumed.join();
        assertEquals("two", membership.matchId());
        assertEquals(2, membership.playerId(), "bot 1 was there first");
    }

    @Test
    void aTokenNoRoomKnowsIsRejected() {
        Match one = room("one", "foundry");
        Match two = room("two", "crossfire");
        MatchRegistry registry = new MatchRegistry(List.of(one, two));
        CompletableFuture<Membership> resumed = registry.resume(new ResumeTokens().next(), new RecordingPeer("x"));
        for (int i = 0; i < 3 && !resumed.isDone(); i++) {
            one.tick();
            two.tick();
        }
        assertEquals(ErrorCode.RESUME_REJECTED, refusal(resumed));
        assertEquals(ErrorCode.RESUME_REJECTED, refusal(registry.resume("not a token", new RecordingPeer("y"))));
    }

    @Test
    void duplicateIdsAreAConfigurationError() {
        assertThrows(IllegalArgumentException.class,
                () -> new MatchRegistry(List.of(room("one", "foundry"), room("one", "crossfire"))));
    }

    /** The real threads: requests complete on the room's tick thread, sends go out on its sender; after shutdown both are gone. */
    @Test
    void startedRoomsTickOnTheirOwnThreadsUntilShutdown() throws Exception {
        MatchRegistry registry = new MatchRegistry(List.of(MatchSettings.defaults("live", "foundry").withBotFill(0)));
        registry.start();
        RecordingPeer ada = new RecordingPeer("ada");
        try {
            assertEquals(1, registry.join("live", "Ada", ada).get(20, TimeUnit.SECONDS).playerId());
        } finally {
            registry.shutdown();
        }
        assertTrue(ada.senderThread.startsWith("match-live-send-"), "sent by a sender of the room, which finished before it stopped");
        // An executor's worker may still be on its way out when the executor reports terminated.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("match-live-")) {
                thread.join(20_000);
                assertFalse(thread.isAlive(), thread.getName() + " ends with the room");
            }
        }
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> registry.spectate("live", new RecordingPeer("late")).get(20, TimeUnit.SECONDS));
        assertEquals(ErrorCode.NO_SUCH_MATCH, assertInstanceOf(MatchException.class, e.getCause()).code());
        assertTrue(registry.status().get(0).tickP50Ms() >= 0);
    }
}
