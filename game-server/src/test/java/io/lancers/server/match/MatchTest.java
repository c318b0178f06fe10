package io.lancers.server.match;

import io.lancers.bot.BotBrain;
import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.Input;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives {@link Match#tick()} by hand with in-memory peers and decodes what they were sent. */
class MatchTest {
    private static final String MAP = "crossfire";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    private static MatchSettings settings() {
        return MatchSettings.defaults("arena", MAP).withBotFill(0).withSeed(42);
    }

    private static Match match(MatchSettings settings) {
        return match(settings, StateEncoder.CODEC);
    }

    private static Match match(MatchSettings settings, StateEncoder encoder) {
        return match(settings, encoder, Runnable::run);
    }

    /** What a test sees of each delta the match encodes. */
    private interface DeltaWatcher {
        void encoded(World base, World next, byte[] bytes);
    }

    /** The wire codec, telling {@code watcher} of every delta it encodes. */
    private static StateEncoder encodingDeltas(DeltaWatcher watcher) {
        return new StateEncoder() {
            @Override
            public byte[] snapshot(World world) {
                return StateEncoder.CODEC.snapshot(world);
            }

            @Override
            public byte[] delta(World base, World next) {
                byte[] bytes = StateEncoder.CODEC.delta(base, next);
                watcher.encoded(base, next, bytes);
                return bytes;
            }
        };
    }

    /** A match whose sends go to {@code sender}: a test that collects them runs them when it likes. */
    private static Match match(MatchSettings settings, StateEncoder encoder, Executor sender) {
        return new Match(settings, MapLoader.load(settings.mapId()), CLOCK, encoder, sender);
    }

    private static Membership join(Match match, String name, RecordingPeer peer) {
        CompletableFuture<Membership> joined = match.join(name, peer);
        match.tick();
        return joined.join();
    }

    /** A match with Ada (id 1) and Bob (id 2) joined in that order, and the peers that record what each was sent. */
    private record AdaAndBob(Match match, RecordingPeer adaPeer, RecordingPeer bobPeer, Membership ada) {
    }

    private static AdaAndBob adaAndBob() {
        Match match = match(settings());
        RecordingPeer adaPeer = new RecordingPeer("ada");
        RecordingPeer bobPeer = new RecordingPeer("bob");
        Membership ada = join(match, "Ada", adaPeer);
        join(match, "Bob", bobPeer);
        return new AdaAndBob(match, adaPeer, bobPeer, ada);
    }

    private static Membership spectate(Match match, RecordingPeer peer) {
        CompletableFuture<Membership> joined = match.spectate(peer);
        match.tick();
        return joined.join();
    }

    private static ErrorCode refusal(CompletableFuture<Membership> request) {
        CompletionException e = assertThrows(CompletionException.class, request::join);
        return ((MatchException) e.getCause()).code();
    }

    private static void ticks(Match match, int n) {
        for (int i = 0; i < n; i++) {
            match.tick();
        }
    }

    private static Ship ship(Match match, int id) {
        return match.world().ships().stream().filter(s -> s.id() == id).findFirst().orElse(null);
    }

    /** What a client that applied every frame it got, in order, would hold. */
    private static World replay(RecordingPeer peer) {
        World world = null;
        for (ByteBuffer frame : peer.frames()) {
            try {
                world = StateCodec.apply(world, frame.duplicate());
            } catch (ProtocolException e) {
                throw new AssertionError(peer.label() + " got a frame it cannot apply", e);
            }
        }
        return world;
    }

    private static StateCodec.Header header(ByteBuffer frame) {
        try {
            return StateCodec.header(frame.duplicate());
        } catch (ProtocolException e) {
            throw new AssertionError("not a state frame", e);
        }
    }

    private static StateCodec.Header lastHeader(RecordingPeer peer) {
        List<ByteBuffer> frames = peer.frames();
        return header(frames.get(frames.size() - 1));
    }

    private static List<Integer> rosterIds(ServerMessage.Roster roster) {
        return roster.players().stream().map(ServerMessage.PlayerInfo::id).toList();
    }

    // ------------------------------------------------------------------ joining

    @Test
    void joinAnswersJoinedRosterNoticeThenASnapshotAndDeltasReproduceTheWorld() {
        Match match = match(settings());
        RecordingPeer ada = new RecordingPeer("ada");
        CompletableFuture<Membership> request = match.join("Ada", ada);
        assertFalse(request.isDone(), "only the tick applies a join");
        match.tick();
        Membership membership = request.join();

        assertEquals(1, membership.playerId());
        assertEquals(Role.PLAYER, membership.role());
        assertEquals("arena", membership.matchId());
        assertEquals(List.of("Joined", "Roster", "Notice", "SNAPSHOT"), ada.kinds());
        ServerMessage.Joined joined = ada.last(ServerMessage.Joined.class);
        assertEquals("player", joined.role());
        assertEquals(1, joined.playerId());
        assertEquals(ResumeTokens.LENGTH, joined.resumeToken().length());
        assertFalse(joined.resumed());
        assertEquals(60, joined.tickRate());
        assertEquals(MAP, joined.map().id());
        assertEquals(new ServerMessage.Rules(300, 20, 10, 3), joined.rules());
        ServerMessage.Roster roster = ada.last(ServerMessage.Roster.class);
        assertEquals(List.of(new ServerMessage.PlayerInfo(1, "Ada", roster.players().get(0).color(), false, true, 0)),
                roster.players());
        assertEquals(new ServerMessage.Notice("join", 1, "Ada joined"), ada.last(ServerMessage.Notice.class));
        assertEquals(match.world(), replay(ada));

        for (int seq = 1; seq <= 20; seq++) {
            membership.submitInput(new Input(seq, Input.RIGHT | (seq % 5 == 0 ? Input.FIRE : 0), 0f));
            match.tick();
        }
        assertEquals(21, ada.frames().size());
        assertTrue(ada.kinds().subList(4, ada.kinds().size()).stream().allMatch("DELTA"::equals));
        assertEquals(match.world(), replay(ada));
    }

    @Test
    void inputsMoveTheirOwnShipsAndAcksFollowTheLastConsumedSeq() {
        Match match = match(settings());
        Membership ada = join(match, "Ada", new RecordingPeer("ada"));
        Membership bob = join(match, "Bob", new RecordingPeer("bob"));
        Ship adaBefore = ship(match, 1);
        Ship bobBefore = ship(match, 2);

        for (int seq = 1; seq <= 10; seq++) {
            assertTrue(ada.submitInput(new Input(seq, Input.RIGHT, 0f)));
            assertTrue(bob.submitInput(new Input(100 + seq, Input.DOWN, 0f)));
            match.tick();
            assertEquals(seq, ship(match, 1).lastInputSeq());
            assertEquals(100 + seq, ship(match, 2).lastInputSeq());
        }
        assertTrue(ship(match, 1).x() > adaBefore.x());
        assertEquals(adaBefore.y(), ship(match, 1).y());
        assertTrue(ship(match, 2).y() > bobBefore.y());
        assertEquals(bobBefore.x(), ship(match, 2).x());

        match.tick(); // nothing new: the ship keeps its last input and the ack stays
        assertEquals(10, ship(match, 1).lastInputSeq());
        assertTrue(ship(match, 1).vx() > 0);
    }

    @Test
    void atMostTheCapOfInputsIsConsumedPerTickAndAFullQueueRefuses() {
        Match match = match(settings());
        Membership ada = join(match, "Ada", new RecordingPeer("ada"));
        for (int seq = 1; seq <= 6; seq++) {
            assertTrue(ada.submitInput(new Input(seq, Input.UP, 0f)));
        }
        match.tick();
        assertEquals(4, ship(match, 1).lastInputSeq());
        match.tick();
        assertEquals(6, ship(match, 1).lastInputSeq());

        for (int seq = 7; seq < 7 + 32; seq++) {
            assertTrue(ada.submitInput(new Input(seq, 0, 0f)));
        }
        assertFalse(ada.submitInput(new Input(39, 0, 0f)), "the 33rd queued input overflows");
    }

    @Test
    void namesMustBeValidAndUniqueInTheMatchIgnoringCase() {
        Match match = match(settings().withBotFill(2));
        join(match, "Ada", new RecordingPeer("ada"));
        for (String name : List.of("", "   ", "x".repeat(21), "A\u0007da", "ada", " ADA ", "bot ada")) {
            CompletableFuture<Membership> request = match.join(name, new RecordingPeer("p"));
            match.tick();
            assertEquals(ErrorCode.INVALID_NAME, refusal(request), name);
        }
        Membership twenty = join(match, " " + "x".repeat(20) + " ", new RecordingPeer("x"));
        assertEquals(4, twenty.playerId(), "20 characters after stripping are fine (bots 1-2, Ada 3)");
    }

    @Test
    void aFullMatchRefusesPlayersAfterTheBotsHaveMadeRoom() {
        Match match = match(settings().withMaxPlayers(2).withBotFill(4));
        assertEquals(2, match.info().bots());
        join(match, "Ada", new RecordingPeer("ada"));
        assertEquals(1, match.info().bots());
        join(match, "Bob", new RecordingPeer("bob"));
        assertEquals(0, match.info().bots());
        CompletableFuture<Membership> third = match.join("Cy", new RecordingPeer("cy"));
        match.tick();
        assertEquals(ErrorCode.MATCH_FULL, refusal(third));
        assertEquals(2, match.world().ships().size());
    }

    @Test
    void idsAreNeverReused() {
        Match match = match(settings().withBotFill(2));
        assertEquals(List.of(1, 2), match.world().ships().stream().map(Ship::id).toList());
        Membership ada = join(match, "Ada", new RecordingPeer("ada"));
        assertEquals(3, ada.playerId());
        ada.leave();
        match.tick();
        Membership bob = join(match, "Bob", new RecordingPeer("bob"));
        assertEquals(5, bob.playerId(), "bot 4 came back when Ada left, and Ada's 3 is never handed out again");
    }

    // ------------------------------------------------------------------ bots

    @Test
    void botsFillUpToTheTargetAndLeaveAsHumansJoin() {
        Match match = match(settings().withBotFill(3));
        RecordingPeer watcher = new RecordingPeer("watcher");
        spectate(match, watcher);
        ServerMessage.Roster roster = watcher.last(ServerMessage.Roster.class);
        assertEquals(3, roster.players().size());
        assertTrue(roster.players().stream().allMatch(ServerMessage.PlayerInfo::bot));
        assertEquals(List.of("Bot Ada", "Bot Grace", "Bot Alan"),
                roster.players().stream().map(ServerMessage.PlayerInfo::name).toList());
        assertEquals(3, roster.players().stream().map(ServerMessage.PlayerInfo::color).distinct().count());

        Membership ada = join(match, "Ada", new RecordingPeer("ada"));
        roster = watcher.last(ServerMessage.Roster.class);
        assertEquals(List.of(1, 2, 4), rosterIds(roster), "the newest bot made room");
        assertEquals(3, match.world().ships().size());
        join(match, "Bob", new RecordingPeer("bob"));
        join(match, "Cy", new RecordingPeer("cy"));
        join(match, "Di", new RecordingPeer("di"));
        assertEquals(0, match.info().bots());
        assertEquals(4, match.info().players());

        ada.leave();
        match.tick();
        assertEquals(0, match.info().bots(), "three humans are at the target already");
        assertEquals(3, match.world().ships().size());
        ticks(match, 30); // bots steer themselves without failing the tick
        assertEquals(match.world(), replay(watcher));
    }

    @Test
    void aPlayerJoiningDuringIntermissionIsInTheRosterAtOnceAndWaitsAtAFreeSpawnForTheNextRound() {
        Match match = match(settings().withBotFill(3).withRules(new MatchConfig(10, 1, 20, 2, 3)));
        ticks(match, 10);
        assertEquals("intermission", match.info().phase());
        RecordingPeer adaPeer = new RecordingPeer("ada");
        Membership ada = join(match, "Ada", adaPeer);
        assertTrue(rosterIds(adaPeer.last(ServerMessage.Roster.class)).contains(ada.playerId()));
        assertEquals("intermission", match.info().phase());

        Ship waiting = ship(match, ada.playerId());
        assertTrue(waiting.alive(), "drawn like the others, not dead at (0, 0): " + waiting);
        assertTrue(atASpawn(match, waiting), waiting.toString());
        assertClearOfOthers(match, waiting);
        assertEquals(match.world(), replay(adaPeer));

        ticks(match, match.world().match().phaseEndTick() - match.world().tick() - 1);
        assertEquals("intermission", match.info().phase());
        assertEquals(waiting.x(), ship(match, ada.playerId()).x(), "frozen like everybody");
        match.tick();
        assertEquals("playing", match.info().phase());
        Ship playing = ship(match, ada.playerId());
        assertTrue(playing.alive());
        assertTrue(atASpawn(match, playing), playing.toString());
        assertTrue(playing.invulnerableUntil() > match.world().tick(), "enters the round like everybody");
        assertClearOfOthers(match, playing);
        assertEquals(match.world(), replay(adaPeer));
    }

    private static boolean atASpawn(Match match, Ship ship) {
        return MapLoader.load(MAP).spawns().stream()
                .anyMatch(sp -> sp.x() == ship.x() && sp.y() == ship.y());
    }

    private static void assertClearOfOthers(Match match, Ship ship) {
        for (Ship other : match.world().ships()) {
            if (other.id() != ship.id() && other.alive()) {
                assertTrue(Math.hypot(other.x() - ship.x(), other.y() - ship.y()) >= 2 * Rules.SHIP_RADIUS,
                        ship + " overlaps " + other);
            }
        }
    }

    // ------------------------------------------------------------------ spectators

    @Test
    void aSpectatorGetsFramesAndIsCountedAsSpectatorNotPlayer() {
        Match match = match(settings());
        join(match, "Ada", new RecordingPeer("ada"));
        RecordingPeer watcher = new RecordingPeer("watcher");
        Membership spectator = spectate(match, watcher);

        assertEquals(0, spectator.playerId());
        assertEquals(Role.SPECTATOR, spectator.role());
        assertEquals(List.of("Joined", "Roster", "SNAPSHOT"), watcher.kinds());
        ServerMessage.Joined joined = watcher.last(ServerMessage.Joined.class);
        assertEquals("spectator", joined.role());
        assertEquals(0, joined.playerId());
        assertNull(joined.resumeToken());
        ServerMessage.Roster roster = watcher.last(ServerMessage.Roster.class);
        assertEquals(List.of(1), rosterIds(roster));
        assertEquals(1, roster.spectators());
        assertEquals(1, match.info().players());
        assertEquals(1, match.info().spectators());

        assertFalse(spectator.submitInput(new Input(1, Input.UP, 0f)));
        ticks(match, 5);
        assertEquals(match.world(), replay(watcher));

        spectator.leave();
        match.tick();
        assertEquals("left", watcher.last(ServerMessage.Left.class).reason());
        assertEquals(0, match.info().spectators());
    }

    // ------------------------------------------------------------------ chat

    @Test
    void chatGoesToEveryoneInTheMatchIncludingSpectators() {
        AdaAndBob two = adaAndBob();
        RecordingPeer watcher = new RecordingPeer("watcher");
        Membership spectator = spectate(two.match(), watcher);

        two.ada().chat("  gl\u0007 hf  ");
        spectator.chat("go go");
        two.match().tick();
        ServerMessage.Chat fromAda = new ServerMessage.Chat(1, "Ada", "gl hf", CLOCK.millis());
        ServerMessage.Chat fromWatcher = new ServerMessage.Chat(0, "Spectator", "go go", CLOCK.millis());
        for (RecordingPeer peer : List.of(two.adaPeer(), two.bobPeer(), watcher)) {
            assertEquals(List.of(fromAda, fromWatcher), peer.messages(ServerMessage.Chat.class));
        }
    }

    @Test
    void emptyAndOverlongChatIsRefusedToTheSenderOnly() {
        AdaAndBob two = adaAndBob();

        two.ada().chat(" \t ");
        two.ada().chat("x".repeat(201));
        two.ada().chat("x".repeat(200));
        two.match().tick();
        assertEquals(List.of("invalid_chat", "invalid_chat"),
                two.adaPeer().messages(ServerMessage.Error.class).stream().map(ServerMessage.Error::code).toList());
        assertEquals(List.of("x".repeat(200)),
                two.bobPeer().messages(ServerMessage.Chat.class).stream().map(ServerMessage.Chat::text).toList());
        assertTrue(two.bobPeer().messages(ServerMessage.Error.class).isEmpty());
    }

    @Test
    void chatBeyondFivePerTenSecondsIsRateLimitedUntilTheWindowSlides() {
        Match match = match(settings());
        RecordingPeer adaPeer = new RecordingPeer("ada");
        Membership ada = join(match, "Ada", adaPeer);
        for (int i = 1; i <= 6; i++) {
            ada.chat("line " + i);
        }
        match.tick();
        assertEquals(5, adaPeer.messages(ServerMessage.Chat.class).size());
        assertEquals("rate_limited", adaPeer.last(ServerMessage.Error.class).code());

        ticks(match, 60 * 10 - 1);
        ada.chat("again");
        match.tick();
        assertEquals("again", adaPeer.last(ServerMessage.Chat.class).text());
    }

    // ------------------------------------------------------------------ leaving, losing, resuming

    @Test
    void leaveSendsLeftRemovesTheShipAndTellsTheOthers() {
        AdaAndBob two = adaAndBob();
        two.adaPeer().clear();

        two.ada().leave();
        two.match().tick();
        assertEquals(List.of("Left"), two.adaPeer().kinds());
        assertNull(ship(two.match(), 1));
        assertEquals(new ServerMessage.Notice("leave", 1, "Ada left"), two.bobPeer().last(ServerMessage.Notice.class));
        assertEquals(List.of(2), rosterIds(two.bobPeer().last(ServerMessage.Roster.class)));
        assertEquals(two.match().world(), replay(two.bobPeer()));
    }

    @Test
    void aLostConnectionLeavesTheShipIdlingAndTellsTheOthers() {
        AdaAndBob two = adaAndBob();
        two.ada().submitInput(new Input(1, Input.RIGHT, 0f));
        two.match().tick();
        two.adaPeer().clear();

        two.ada().connectionLost();
        two.match().tick();
        assertTrue(two.adaPeer().sent.isEmpty(), "nothing more goes to a lost connection");
        assertEquals(new ServerMessage.Notice("offline", 1, "Ada lost connection"),
                two.bobPeer().last(ServerMessage.Notice.class));
        ServerMessage.PlayerInfo adaInfo = two.bobPeer().last(ServerMessage.Roster.class).players().get(0);
        assertFalse(adaInfo.online());
        ticks(two.match(), 60);
        assertEquals(0f, ship(two.match(), 1).vx(), "the ship idles: no buttons held");
        assertEquals(1, ship(two.match(), 1).lastInputSeq());
        assertTrue(two.ada().submitInput(new Input(2, Input.UP, 0f)), "a late input is ignored, not a flood");
        two.match().tick();
        assertEquals(1, ship(two.match(), 1).lastInputSeq());
    }

    @Test
    void resumeWithinTheGraceKeepsIdNameAndScore() {
        Match match = match(settings());
        List<RecordingPeer> peers = List.of(new RecordingPeer("ada"), new RecordingPeer("bob"));
        Membership ada = join(match, "Ada", peers.get(0));
        Membership bob = join(match, "Bob", peers.get(1));
        Membership scorer = fightUntilAKill(match, ada, bob);
        int id = scorer.playerId();
        String name = id == 1 ? "Ada" : "Bob";
        RecordingPeer other = peers.get(2 - id);
        String token = peers.get(id - 1).last(ServerMessage.Joined.class).resumeToken();
        Ship scored = ship(match, id);
        assertEquals(1, scored.kills());

        scorer.connectionLost();
        match.tick();
        RecordingPeer again = new RecordingPeer(name + " again");
        CompletableFuture<Membership> resumed = match.resume(token, again);
        match.tick();
        Membership back = resumed.join();

        assertEquals(id, back.playerId());
        assertEquals(List.of("Joined", "Roster", "Notice", "SNAPSHOT"), again.kinds());
        ServerMessage.Joined joined = again.last(ServerMessage.Joined.class);
        assertTrue(joined.resumed());
        assertEquals(token, joined.resumeToken());
        assertEquals(new ServerMessage.Notice("online", id, name + " is back"), other.last(ServerMessage.Notice.class));
        ServerMessage.PlayerInfo info = other.last(ServerMessage.Roster.class).players().get(id - 1);
        assertTrue(info.online());
        assertEquals(name, info.name());
        assertEquals(1, ship(match, id).kills());
        assertEquals(1, match.status().players().get(id - 1).kills());
        assertEquals(match.world(), replay(again));
    }

    @Test
    void resumingAConnectedPlayerSupersedesTheOldConnection() {
        AdaAndBob two = adaAndBob();
        String token = two.adaPeer().last(ServerMessage.Joined.class).resumeToken();
        two.bobPeer().clear();

        CompletableFuture<Membership> resumed = two.match().resume(token, new RecordingPeer("ada again"));
        two.match().tick();
        assertEquals(1, resumed.join().playerId());
        assertEquals(CloseCodes.SUPERSEDED, two.adaPeer().closeCode);
        assertEquals("superseded by a new connection", two.adaPeer().closeReason);
        assertTrue(two.bobPeer().messages(ServerMessage.Notice.class).isEmpty(), "no offline/online flicker");

        int framesBefore = two.adaPeer().frames().size();
        two.ada().connectionLost(); // the net layer reports the old connection's close: ignored
        two.match().tick();
        assertEquals(framesBefore, two.adaPeer().frames().size());
        assertTrue(two.match().status().players().get(0).online());
    }

    @Test
    void afterTheGraceThePlayerIsGoneAndItsTokenVoid() {
        AdaAndBob two = adaAndBob();
        String token = two.adaPeer().last(ServerMessage.Joined.class).resumeToken();

        two.ada().connectionLost();
        two.match().tick();
        ticks(two.match(), 30 * 60 - 1);
        assertTrue(ship(two.match(), 1) != null, "still within the grace");
        two.match().tick();
        assertNull(ship(two.match(), 1));
        assertEquals(new ServerMessage.Notice("leave", 1, "Ada left"), two.bobPeer().last(ServerMessage.Notice.class));

        CompletableFuture<Membership> late = two.match().resume(token, new RecordingPeer("ada late"));
        two.match().tick();
        assertEquals(ErrorCode.RESUME_REJECTED, refusal(late));
    }

    @Test
    void anUnknownTokenIsRejected() {
        Match match = match(settings());
        join(match, "Ada", new RecordingPeer("ada"));
        CompletableFuture<Membership> request = match.resume(new ResumeTokens().next(), new RecordingPeer("x"));
        match.tick();
        assertEquals(ErrorCode.RESUME_REJECTED, refusal(request));
    }

    // ------------------------------------------------------------------ frames and slow consumers

    @Test
    void everyHealthyReceiverGetsTheSameDeltaBytes() {
        List<byte[]> deltas = new ArrayList<>();
        Match match = match(settings(), encodingDeltas((base, next, bytes) -> deltas.add(bytes)));
        List<RecordingPeer> peers = List.of(new RecordingPeer("ada"), new RecordingPeer("bob"),
                new RecordingPeer("watcher"));
        join(match, "Ada", peers.get(0));
        join(match, "Bob", peers.get(1));
        spectate(match, peers.get(2));
        deltas.clear();

        match.tick();
        assertEquals(1, deltas.size(), "encoded once for three receivers");
        byte[] shared = deltas.get(0);
        List<ByteBuffer> received = peers.stream().map(p -> p.frames().get(p.frames().size() - 1)).toList();
        for (ByteBuffer frame : received) {
            assertTrue(frame.isReadOnly());
            assertEquals(ByteBuffer.wrap(shared), frame);
        }
        int last = shared.length - 1;
        shared[last] ^= 0x5A; // every receiver sees a change to the one array: nobody got a copy
        for (ByteBuffer frame : received) {
            assertEquals(shared[last], frame.get(frame.position() + last));
        }
    }

    @Test
    void aLaggingReceiverGetsNoFramesThenOneDeltaFromTheNewestWorldItHasOnceDrained() {
        Match match = match(settings());
        RecordingPeer adaPeer = new RecordingPeer("ada");
        Membership ada = join(match, "Ada", adaPeer);
        join(match, "Bob", new RecordingPeer("bob"));
        int frames = adaPeer.frames().size();
        int had = lastHeader(adaPeer).tick();

        adaPeer.pending = 65;
        ada.submitInput(new Input(1, Input.DOWN, 0f));
        ticks(match, 10);
        assertEquals(frames, adaPeer.frames().size(), "lagging: no frames");
        adaPeer.pending = 20;
        match.tick();
        assertEquals(frames, adaPeer.frames().size(), "not drained yet");

        adaPeer.pending = 8;
        match.tick();
        StateCodec.Header catchUp = lastHeader(adaPeer);
        assertEquals(StateCodec.DELTA, catchUp.kind());
        assertEquals(had, catchUp.baseTick(), "taken against the newest world Ada has");
        assertEquals(match.world().tick(), catchUp.tick());
        match.tick();
        assertEquals(catchUp.tick(), lastHeader(adaPeer).baseTick(), "then deltas tick by tick");
        assertEquals(match.world(), replay(adaPeer), "one delta bridged the skipped ticks");
    }

    @Test
    void aReceiverWhoseNewestWorldHasLeftTheRingGetsASnapshot() {
        Match match = match(settings());
        RecordingPeer adaPeer = new RecordingPeer("ada");
        join(match, "Ada", adaPeer);
        join(match, "Bob", new RecordingPeer("bob"));

        adaPeer.pending = 65;
        ticks(match, FrameFanout.BASELINE_TICKS);
        adaPeer.pending = 0;
        match.tick();
        assertEquals("SNAPSHOT", adaPeer.kinds().get(adaPeer.kinds().size() - 1));
        assertEquals(match.world(), replay(adaPeer));
    }

    @Test
    void receiversWithTheSameBaseShareOneCatchUpDeltaEncodedOnce() {
        List<World[]> deltas = new ArrayList<>();
        Match match = match(settings(), encodingDeltas((base, next, bytes) -> deltas.add(new World[] {base, next})));
        List<RecordingPeer> behind = List.of(new RecordingPeer("one"), new RecordingPeer("two"));
        RecordingPeer keepsUp = new RecordingPeer("keeps up");
        behind.forEach(peer -> spectate(match, peer));
        spectate(match, keepsUp);
        match.tick();
        int base = lastHeader(keepsUp).tick();

        behind.forEach(peer -> peer.pending = 65);
        ticks(match, 3);
        behind.forEach(peer -> peer.pending = 0);
        deltas.clear();
        match.tick();
        assertEquals(List.of(base, match.world().tick() - 1),
                deltas.stream().map(pair -> pair[0].tick()).sorted().toList(),
                "one delta from the lagging receivers' base, one from the previous tick");
        assertSame(behind.get(0).shared.get(behind.get(0).shared.size() - 1),
                behind.get(1).shared.get(behind.get(1).shared.size() - 1), "the same frame for both");
        for (RecordingPeer peer : behind) {
            assertEquals(base, lastHeader(peer).baseTick());
            assertEquals(match.world(), replay(peer));
        }
    }

    /** Sends wait for the sender: nothing reaches a peer before it runs the tick's batch, then all of it in order. */
    @Test
    void theTickQueuesItsSendsForTheSenderInOrder() {
        List<Runnable> batches = new ArrayList<>();
        Match match = match(settings(), StateEncoder.CODEC, batches::add);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        CompletableFuture<Membership> joined = match.join("Ada", adaPeer);
        match.tick();
        assertTrue(joined.isDone());
        assertTrue(adaPeer.sent.isEmpty(), "the tick itself sends nothing");
        assertEquals(1, batches.size(), "one batch per tick");
        batches.remove(0).run();
        assertEquals(List.of("Joined", "Roster", "Notice", "SNAPSHOT"), adaPeer.kinds());
    }

    /**
     * While the sender is more than a few ticks behind, ticks queue no frames; once it has caught
     * up, every receiver gets one delta from the newest world it has to the newest world, then
     * deltas tick by tick again.
     */
    @Test
    void aSenderFallingBehindSkipsTicksAndCatchesUpWithOneDelta() {
        List<Runnable> batches = new ArrayList<>();
        Match match = match(settings(), StateEncoder.CODEC, batches::add);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        match.join("Ada", adaPeer);
        ticks(match, 10);
        assertEquals(4, batches.size(), "frames stop once more than 3 ticks wait for the sender");
        batches.forEach(Runnable::run);
        batches.clear();
        assertEquals(List.of("Joined", "Roster", "Notice", "SNAPSHOT", "DELTA", "DELTA", "DELTA"), adaPeer.kinds());
        int had = lastHeader(adaPeer).tick();

        ticks(match, 2);
        batches.forEach(Runnable::run);
        assertEquals(List.of("DELTA", "DELTA"), adaPeer.kinds().subList(7, 9));
        List<ByteBuffer> frames = adaPeer.frames();
        assertEquals(had, header(frames.get(frames.size() - 2)).baseTick(), "the catch-up spans the skipped ticks");
        assertEquals(match.world().tick() - 1, header(frames.get(frames.size() - 2)).tick());
        assertEquals(match.world(), replay(adaPeer), "one delta bridged the skipped ticks, no snapshot");
    }

    @Test
    void aReceiverBackedUpForTooLongIsClosedAsSlowConsumerAndGoesOffline() {
        AdaAndBob two = adaAndBob();

        two.adaPeer().pending = 100;
        ticks(two.match(), 5 * 60);
        assertEquals(0, two.adaPeer().closeCode, "lagging for just under 5 s");
        two.match().tick();
        assertEquals(CloseCodes.SLOW_CONSUMER, two.adaPeer().closeCode);
        assertEquals("slow consumer", two.adaPeer().closeReason);
        assertEquals(new ServerMessage.Notice("offline", 1, "Ada lost connection"),
                two.bobPeer().last(ServerMessage.Notice.class));
        assertFalse(two.match().status().players().get(0).online());
        two.ada().chat("am I still here?");
        two.match().tick();
        assertTrue(two.bobPeer().messages(ServerMessage.Chat.class).isEmpty());
    }

    @Test
    void aReceiverWithTooManySendsInFlightIsClosedAtOnce() {
        Match match = match(settings());
        RecordingPeer watcher = new RecordingPeer("watcher");
        spectate(match, watcher);
        watcher.pending = 1024;
        match.tick();
        assertEquals(CloseCodes.SLOW_CONSUMER, watcher.closeCode);
        assertEquals(0, match.info().spectators());
    }

    @Test
    void resyncSendsASnapshot() {
        Match match = match(settings());
        RecordingPeer adaPeer = new RecordingPeer("ada");
        Membership ada = join(match, "Ada", adaPeer);
        match.tick();
        ada.resync();
        match.tick();
        assertEquals(List.of("SNAPSHOT", "DELTA", "SNAPSHOT"),
                adaPeer.kinds().subList(adaPeer.kinds().size() - 3, adaPeer.kinds().size()));
    }

    @Test
    void stoppingFailsRequestsStillWaitingForATick() {
        Match match = match(settings());
        CompletableFuture<Membership> waiting = match.join("Ada", new RecordingPeer("ada"));
        match.stop();
        assertEquals(ErrorCode.NO_SUCH_MATCH, refusal(waiting));
        assertEquals(ErrorCode.NO_SUCH_MATCH, refusal(match.spectate(new RecordingPeer("late"))));
    }

    // ------------------------------------------------------------------ match cycle, roster, status

    @Test
    void theMatchCycleIsAnnounced() {
        MatchSettings quick = settings().withRules(new MatchConfig(10, 1, 20, 1, 3));
        Match match = match(quick);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        join(match, "Ada", adaPeer);
        ticks(match, 10);
        assertEquals("intermission", match.info().phase());
        assertEquals(new ServerMessage.Notice("match", 0, "Match over — nobody scored"),
                adaPeer.last(ServerMessage.Notice.class));
        ticks(match, 10);
        assertEquals("playing", match.info().phase());
        assertEquals(new ServerMessage.Notice("match", 0, "Round 2 begins"), adaPeer.last(ServerMessage.Notice.class));
        assertEquals(2, match.status().round());
    }

    @Test
    void aWinnerIsNamedWhenTheMatchEnds() {
        MatchSettings quick = settings().withRules(new MatchConfig(60, 60, 1, 5, 3));
        Match match = match(quick);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        Membership ada = join(match, "Ada", adaPeer);
        Membership bob = join(match, "Bob", new RecordingPeer("bob"));
        String winner = fightUntilAKill(match, ada, bob) == ada ? "Ada" : "Bob";
        assertEquals("intermission", match.info().phase(), "the kill limit of 1 ended it");
        assertEquals(new ServerMessage.Notice("match", 0, "Match over — " + winner + " wins with 1 kill"),
                adaPeer.last(ServerMessage.Notice.class));
    }

    @Test
    void pingsReachTheRosterButRefreshItAtMostEveryTwoSeconds() {
        Match match = match(settings());
        RecordingPeer adaPeer = new RecordingPeer("ada");
        Membership ada = join(match, "Ada", adaPeer);
        for (int ping : new int[] {42, 43}) {
            int rosters = adaPeer.messages(ServerMessage.Roster.class).size();
            ada.pingMeasured(ping);
            int ticks = 0;
            while (adaPeer.messages(ServerMessage.Roster.class).size() == rosters) {
                match.tick();
                assertTrue(++ticks <= 120, "a changed ping is shown within 2 s");
            }
            assertTrue(ticks >= 118, "but not sooner than 2 s after the last roster, was " + ticks);
            assertEquals(ping, adaPeer.last(ServerMessage.Roster.class).players().get(0).pingMs());
        }
        int rosters = adaPeer.messages(ServerMessage.Roster.class).size();
        ada.pingMeasured(43);
        ticks(match, 240);
        assertEquals(rosters, adaPeer.messages(ServerMessage.Roster.class).size(), "an unchanged ping changes nothing");
    }

    @Test
    void spectatorsPingsNeverReachTheTickSoTheyCannotCrowdOutOthersCommands() {
        AdaAndBob two = adaAndBob();
        Membership watcher = spectate(two.match(), new RecordingPeer("watcher"));
        // More than the command queue holds (MatchSettings.defaults: 1024), as a thousand spectators' acks a second would be.
        for (int i = 0; i < 2000; i++) {
            watcher.pingMeasured(20);
        }
        two.ada().chat("still heard");
        two.match().tick();
        assertEquals(List.of("still heard"),
                two.bobPeer().messages(ServerMessage.Chat.class).stream().map(ServerMessage.Chat::text).toList());
    }

    @Test
    void statusCountsPlayersBotsSpectatorsAndTraffic() {
        Match match = match(settings().withBotFill(2));
        join(match, "Ada", new RecordingPeer("ada"));
        spectate(match, new RecordingPeer("watcher"));
        ticks(match, 60);
        MatchStatus status = match.status();
        assertEquals("arena", status.id());
        assertEquals(MAP, status.mapId());
        assertEquals(60, status.tickRate());
        assertEquals(List.of("Bot Ada", "Ada"), status.players().stream().map(MatchStatus.PlayerStatus::name).toList());
        assertEquals(List.of(true, false), status.players().stream().map(MatchStatus.PlayerStatus::bot).toList());
        assertEquals(1, status.spectators());
        assertTrue(status.tickP99Ms() >= status.tickP50Ms());
        assertTrue(status.bytesPerSecond() > 0);
        ServerMessage.MatchInfo info = match.info();
        assertEquals(new ServerMessage.MatchInfo("arena", MAP, info.mapName(), "playing", 1, 16, 1, 1, 60), info);
        assertNotEquals("", info.mapName());
    }

    /**
     * Lets bot brains steer the fighters' inputs until one of them scores, and returns that one.
     * The world is deterministic, so this takes the same ticks every run.
     */
    private static Membership fightUntilAKill(Match match, Membership... fighters) {
        ArenaMap map = MapLoader.load(match.settings().mapId());
        List<BotBrain> brains = new ArrayList<>();
        for (Membership fighter : fighters) {
            brains.add(new BotBrain(fighter.playerId(), 1f));
        }
        for (int seq = 1; seq < 60 * 60; seq++) {
            for (int i = 0; i < fighters.length; i++) {
                Input wanted = brains.get(i).decide(match.world(), fighters[i].playerId(), map, match.settings().rules());
                fighters[i].submitInput(new Input(seq, wanted.buttons(), wanted.aim()));
            }
            match.tick();
            for (Membership fighter : fighters) {
                if (ship(match, fighter.playerId()).kills() > 0) {
                    return fighter;
                }
            }
        }
        throw new AssertionError("no kill within a minute of fighting");
    }
}
