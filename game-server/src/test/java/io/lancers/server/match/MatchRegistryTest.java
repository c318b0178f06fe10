package io.lancers.server.match;

import io.lancers.map.MapLoader;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
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

    /** Ada joins {@code room} (ticked by hand) and loses her connection: returns her resume token. */
    private static String adaLostConnectionIn(MatchRegistry registry, Match room) {
        RecordingPeer adaPeer = new RecordingPeer("ada");
        CompletableFuture<Membership> joined = registry.join(room.id(), "Ada", adaPeer);
        room.tick();
        joined.join().connectionLost();
        room.tick();
        return adaPeer.last(ServerMessage.Joined.class).resumeToken();
    }

    @Test
    void resumeFindsThePlayerInWhicheverRoomItIs() {
        Match one = room("one", "foundry");
        Match two = room("two", "crossfire");
        MatchRegistry registry = new MatchRegistry(List.of(one, two));
        String token = adaLostConnectionIn(registry, two);

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

    /** Encodes nothing: the first frame it is asked for breaks the tick with an Error, not an exception. */
    private static final StateEncoder BROKEN = new StateEncoder() {
        @Override
        public byte[] snapshot(World world) {
            throw new StackOverflowError("encoder broke");
        }

        @Override
        public byte[] delta(World base, World next) {
            throw new StackOverflowError("encoder broke");
        }
    };

    /** An Error used to end the tick thread silently while heartbeats kept its clients in a frozen room. */
    @Test
    void aRoomWhoseTickFailsWithAnErrorClosesItsConnectionsAndLeavesTheLobby() throws Exception {
        MatchSettings brokenSettings = MatchSettings.defaults("broken", "foundry").withBotFill(0);
        Match broken = new Match(brokenSettings, MapLoader.load("foundry"), Clock.systemUTC(), BROKEN, Runnable::run);
        Match fine = room("fine", "crossfire");
        MatchRegistry registry = new MatchRegistry(List.of(broken, fine));
        String adaToken = adaLostConnectionIn(registry, fine);
        RecordingPeer bob = new RecordingPeer("bob");
        CompletableFuture<Membership> bobJoins = registry.join("broken", "Bob", bob); // taken by the first tick

        registry.start();
        try {
            bobJoins.get(20, TimeUnit.SECONDS); // then that tick's first frame breaks the room
            await().atMost(Duration.ofSeconds(20)).until(() -> bob.closeCode == CloseCodes.INTERNAL_ERROR);

            assertEquals(List.of("fine"), registry.list().stream().map(ServerMessage.MatchInfo::id).toList());
            assertEquals(List.of("closed", "playing"), registry.status().stream().map(MatchStatus::phase).toList());
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> registry.join("broken", "Cy", new RecordingPeer("cy")).get(20, TimeUnit.SECONDS));
            assertEquals(ErrorCode.NO_SUCH_MATCH, assertInstanceOf(MatchException.class, refused.getCause()).code());
            Membership back = registry.resume(adaToken, new RecordingPeer("ada again")).get(20, TimeUnit.SECONDS);
            assertEquals("fine", back.matchId(), "the dead room is passed over when looking for a token");
        } finally {
            registry.shutdown();
        }
    }
}
