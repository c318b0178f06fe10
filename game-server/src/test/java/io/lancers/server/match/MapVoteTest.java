package io.lancers.server.match;

import io.lancers.map.MapLoader;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.server.ServerOptions;
import io.lancers.sim.MatchConfig;
import io.lancers.sim.MatchPhase;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Between rounds, driven tick by tick: the vote on the next map (humans only, ties to the rotation,
 * the host's pick first), the move to the chosen map (joined again, then a snapshot), and the host's
 * other orders (kick, end the round).
 */
class MapVoteTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    /** 10 Hz, a long round, 1 s (10 ticks) of intermission. */
    private static final MatchConfig RULES = new MatchConfig(10, 600, 0, 1, 1);
    private static final List<String> ROTATION = MapLoader.builtInIds();

    private static Match match(List<String> rotation, int botFill) {
        MatchSettings settings = MatchSettings.defaults("arena", rotation.get(0)).withRules(RULES)
                .withBotFill(botFill).withSeed(7).withRotation(rotation);
        return new Match(settings, MapLoader.load(settings.mapId()), CLOCK, StateEncoder.CODEC, Runnable::run);
    }

    private static Membership join(Match match, String name, RecordingPeer peer) {
        CompletableFuture<Membership> joined = match.join(name, peer);
        match.tick();
        return joined.join();
    }

    private static Membership spectate(Match match, RecordingPeer peer) {
        CompletableFuture<Membership> watching = match.spectate(peer);
        match.tick();
        return watching.join();
    }

    private static void endRound(Match match) {
        CompletableFuture<Void> done = match.order(new Command.EndRound(new CompletableFuture<>()));
        match.tick();
        done.join();
        match.tick(); // the step that ends it
        assertEquals(MatchPhase.INTERMISSION, match.world().match().phase());
    }

    /** Ticks until the next round has begun. */
    private static void untilNextRound(Match match) {
        int round = match.world().match().round();
        for (int i = 0; i < 100 && match.world().match().round() == round; i++) {
            match.tick();
        }
        assertEquals(round + 1, match.world().match().round());
    }

    @Test
    void theVoteOpensWithTheRoundsEndAndTheMostVotedMapIsPlayedNextNotTheRotations() {
        Match match = match(ROTATION, 3);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        RecordingPeer bobPeer = new RecordingPeer("bob");
        Membership ada = join(match, "Ada", adaPeer);
        Membership bob = join(match, "Bob", bobPeer);

        endRound(match);
        ServerMessage.MapVote ballot = adaPeer.last(ServerMessage.MapVote.class);
        List<String> options = ballot.options().stream().map(ServerMessage.VoteOption::mapId).toList();
        assertEquals(Math.min(3, ROTATION.size()), options.size());
        assertEquals(ROTATION.get(1), options.get(0), "the rotation's next map comes first");
        assertTrue(ballot.options().stream().allMatch(o -> o.votes() == 0), "bots do not vote");
        assertNull(ballot.hostPick());
        assertEquals(match.world().match().phaseEndTick(), ballot.closesAtTick());

        String chosen = options.get(options.size() - 1); // not what the rotation would play
        assertTrue(!chosen.equals(options.get(0)));
        ada.vote(chosen);
        bob.vote(options.get(0));
        bob.vote(chosen); // a second vote replaces the first
        match.tick();
        ServerMessage.MapVote counted = bobPeer.last(ServerMessage.MapVote.class);
        assertEquals(2, counted.options().stream().filter(o -> o.mapId().equals(chosen)).findFirst().orElseThrow().votes());

        untilNextRound(match);
        assertEquals(chosen, match.info().mapId());
    }

    @Test
    void onAnotherMapEveryoneIsJoinedAgainThenGetsASnapshot() {
        Match match = match(ROTATION, 3);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        RecordingPeer watcherPeer = new RecordingPeer("watcher");
        Membership ada = join(match, "Ada", adaPeer);
        spectate(match, watcherPeer);
        endRound(match);

        int sentBefore = adaPeer.sent.size();
        int watcherSentBefore = watcherPeer.sent.size();
        untilNextRound(match);
        String next = ROTATION.get(1);
        assertEquals(next, match.info().mapId());
        List<Object> after = adaPeer.sent.subList(sentBefore, adaPeer.sent.size());
        ServerMessage.Joined again = firstOf(after, ServerMessage.Joined.class);
        assertEquals(next, again.map().id());
        assertEquals(ada.playerId(), again.playerId());
        assertEquals(adaPeer.messages(ServerMessage.Joined.class).get(0).resumeToken(), again.resumeToken());
        assertEquals(RecordingPeer.SNAPSHOT, firstFrameAfter(after, again).get(0),
                "the new map's world starts with a snapshot");
        List<Object> watcherAfter = watcherPeer.sent.subList(watcherSentBefore, watcherPeer.sent.size());
        assertEquals(next, firstOf(watcherAfter, ServerMessage.Joined.class).map().id());
        assertEquals(3, match.world().ships().size(), "everyone moved along: 1 human, 2 bots");
        match.tick();
        assertTrue(match.world().ships().stream().allMatch(s -> s.health() > 0), "and spawned on the new map");
    }

    @Test
    void theIntermissionAndSoTheVoteLastAsLongAsTheServerSays() {
        MatchSettings settings = ServerOptions.defaults().with(o -> {
            o.tickRate = 10;
            o.intermissionSeconds = 3;
            o.bots = 1;
        }).matchSettings().get(0);
        Match match = new Match(settings, MapLoader.load(settings.mapId()), CLOCK, StateEncoder.CODEC, Runnable::run);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        join(match, "Ada", adaPeer);
        assertEquals(3, adaPeer.last(ServerMessage.Joined.class).rules().intermissionSeconds(), "clients are told");

        match.order(new Command.EndRound(new CompletableFuture<>()));
        while (match.world().match().phase() == MatchPhase.PLAYING) {
            match.tick();
        }
        int ended = match.world().tick(); // the intermission's first tick
        assertEquals(ended + 3 * 10, match.world().match().phaseEndTick());
        assertEquals(ended + 3 * 10, adaPeer.last(ServerMessage.MapVote.class).closesAtTick());
        untilNextRound(match);
        assertEquals(ended + 3 * 10, match.world().tick(), "the next round begins 3 s of ticks after the last ended");
    }

    @Test
    void aDelayedSpectatorIsJoinedToTheNewMapWhenItsFramesReachTheNewRoundNotBefore() throws ProtocolException {
        MatchSettings settings = MatchSettings.defaults("arena", ROTATION.get(0)).withRules(RULES).withBotFill(1)
                .withSeed(7).withRotation(ROTATION).withSpectatorDelaySeconds(1); // 10 ticks
        Match match = new Match(settings, MapLoader.load(settings.mapId()), CLOCK, StateEncoder.CODEC, Runnable::run);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        RecordingPeer watcherPeer = new RecordingPeer("watcher");
        join(match, "Ada", adaPeer);
        spectate(match, watcherPeer);
        endRound(match);
        untilNextRound(match);
        int newRound = match.world().tick();
        String next = ROTATION.get(1);
        assertEquals(next, match.info().mapId());
        assertEquals(newRound, tickOf(frameAfterLast(adaPeer, ServerMessage.Joined.class)), "the player: at once");

        for (int i = 1; i < 10; i++) {
            match.tick();
            assertEquals(1, watcherPeer.messages(ServerMessage.Joined.class).size(),
                    "not while the spectator's frames still show the last round");
        }
        match.tick();
        assertEquals(next, watcherPeer.last(ServerMessage.Joined.class).map().id());
        ByteBuffer first = frameAfterLast(watcherPeer, ServerMessage.Joined.class);
        assertEquals(RecordingPeer.SNAPSHOT, first.get(0));
        assertEquals(newRound, tickOf(first), "the new map's joined, then the new round's first world");
        List<ByteBuffer> before = watcherPeer.frames().subList(0, watcherPeer.frames().indexOf(first));
        assertEquals(newRound - 1, tickOf(before.get(before.size() - 1)), "after the last round's last world");
    }

    @Test
    void aSpectatorArrivingWithinTheDelayOfANewMapIsToldTheMapItsFramesShow() {
        MatchSettings settings = MatchSettings.defaults("arena", ROTATION.get(0)).withRules(RULES).withBotFill(1)
                .withSeed(7).withRotation(ROTATION).withSpectatorDelaySeconds(1); // 10 ticks
        Match match = new Match(settings, MapLoader.load(settings.mapId()), CLOCK, StateEncoder.CODEC, Runnable::run);
        join(match, "Ada", new RecordingPeer("ada"));
        endRound(match);
        untilNextRound(match);
        RecordingPeer latePeer = new RecordingPeer("late");
        spectate(match, latePeer);
        assertEquals(ROTATION.get(0), latePeer.last(ServerMessage.Joined.class).map().id(),
                "its frames show the last round for a while yet");
        for (int i = 0; i < 10; i++) {
            match.tick();
        }
        assertEquals(ROTATION.get(1), latePeer.last(ServerMessage.Joined.class).map().id());
    }

    private static int tickOf(ByteBuffer frame) throws ProtocolException {
        return StateCodec.header(frame.duplicate()).tick();
    }

    /** The first state frame sent to {@code peer} after its last message of {@code type}. */
    private static ByteBuffer frameAfterLast(RecordingPeer peer, Class<? extends ServerMessage> type) {
        int last = -1;
        for (int i = 0; i < peer.sent.size(); i++) {
            last = type.isInstance(peer.sent.get(i)) ? i : last;
        }
        return peer.sent.subList(last, peer.sent.size()).stream().filter(ByteBuffer.class::isInstance)
                .map(ByteBuffer.class::cast).findFirst().orElseThrow(() -> new AssertionError("no frame after it"));
    }

    @Test
    void aTieGoesToTheRotation() {
        Match match = match(ROTATION, 0);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        Membership ada = join(match, "Ada", adaPeer);
        Membership bob = join(match, "Bob", new RecordingPeer("bob"));
        endRound(match);
        List<String> options = optionsOf(adaPeer.last(ServerMessage.MapVote.class));
        ada.vote(options.get(options.size() - 1));
        bob.vote(options.get(0));
        untilNextRound(match);
        assertEquals(options.get(0), match.info().mapId());
    }

    @Test
    void noVotesAtAllMeansTheRotationsNextMapAndBotsDoNotVote() {
        Match match = match(ROTATION, 2);
        join(match, "Ada", new RecordingPeer("ada"));
        endRound(match);
        untilNextRound(match);
        assertEquals(ROTATION.get(1), match.info().mapId());
    }

    @Test
    void theHostsPickBeatsTheVote() {
        Match match = match(ROTATION, 0);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        Membership ada = join(match, "Ada", adaPeer);
        endRound(match);
        List<String> options = optionsOf(adaPeer.last(ServerMessage.MapVote.class));
        ada.vote(options.get(0));
        String hostsChoice = options.get(options.size() - 1);
        CompletableFuture<Void> picked = match.order(new Command.PickNextMap(hostsChoice, new CompletableFuture<>()));
        match.tick();
        picked.join();
        assertEquals(hostsChoice, adaPeer.last(ServerMessage.MapVote.class).hostPick());
        untilNextRound(match);
        assertEquals(hostsChoice, match.info().mapId());
    }

    @Test
    void oneMapNoBallotAndTheRoomStays() {
        Match match = match(List.of(ROTATION.get(0)), 0);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        Membership ada = join(match, "Ada", adaPeer);
        endRound(match);
        assertTrue(adaPeer.messages(ServerMessage.MapVote.class).isEmpty());
        ada.vote(ROTATION.get(0));
        match.tick();
        assertEquals(ErrorCode.NOT_VOTING.wire(), adaPeer.last(ServerMessage.Error.class).code());
        untilNextRound(match);
        assertEquals(ROTATION.get(0), match.info().mapId());
        assertEquals(1, adaPeer.messages(ServerMessage.Joined.class).size(), "no second joined without a new map");
    }

    @Test
    void votesOutsideTheIntermissionFromSpectatorsOrForOtherMapsAreRefused() {
        Match match = match(ROTATION, 0);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        RecordingPeer watcherPeer = new RecordingPeer("watcher");
        Membership ada = join(match, "Ada", adaPeer);
        Membership watcher = spectate(match, watcherPeer);

        ada.vote(ROTATION.get(1));
        match.tick();
        assertEquals(ErrorCode.NOT_VOTING.wire(), adaPeer.last(ServerMessage.Error.class).code());

        endRound(match);
        watcher.vote(ROTATION.get(1));
        ada.vote("atlantis");
        match.tick();
        assertEquals(ErrorCode.NOT_VOTING.wire(), watcherPeer.last(ServerMessage.Error.class).code());
        assertEquals(ErrorCode.NO_SUCH_MAP.wire(), adaPeer.last(ServerMessage.Error.class).code());
        assertTrue(adaPeer.last(ServerMessage.MapVote.class).options().stream().allMatch(o -> o.votes() == 0));
    }

    @Test
    void theHostKicksAHumanWhoCannotResumeButNotABot() {
        Match match = match(ROTATION, 3);
        RecordingPeer adaPeer = new RecordingPeer("ada");
        RecordingPeer evePeer = new RecordingPeer("eve");
        join(match, "Ada", adaPeer);
        Membership eve = join(match, "Eve", evePeer);
        String token = evePeer.last(ServerMessage.Joined.class).resumeToken();
        int bot = match.status().players().stream().filter(MatchStatus.PlayerStatus::bot)
                .mapToInt(MatchStatus.PlayerStatus::id).findFirst().orElseThrow();

        CompletableFuture<Void> kicked = match.order(new Command.Kick(eve.playerId(), new CompletableFuture<>()));
        CompletableFuture<Void> botKick = match.order(new Command.Kick(bot, new CompletableFuture<>()));
        match.tick();
        kicked.join();
        CompletionException refused = assertThrows(CompletionException.class, botKick::join);
        assertEquals(ErrorCode.NO_SUCH_PLAYER, assertInstanceOf(MatchException.class, refused.getCause()).code());

        assertEquals(CloseCodes.KICKED, evePeer.closeCode);
        assertTrue(adaPeer.messages(ServerMessage.Notice.class).stream()
                .anyMatch(n -> n.kind().equals("host") && n.text().equals("The host kicked Eve")));
        assertTrue(match.world().ships().stream().noneMatch(s -> s.id() == eve.playerId()));
        CompletableFuture<Membership> resume = match.resume(token, new RecordingPeer("eve again"));
        match.tick();
        assertThrows(CompletionException.class, resume::join, "a kicked player's token is void");
    }

    @Test
    void endingTheRoundDuringTheIntermissionIsRefused() {
        Match match = match(ROTATION, 0);
        endRound(match);
        CompletableFuture<Void> again = match.order(new Command.EndRound(new CompletableFuture<>()));
        match.tick();
        CompletionException refused = assertThrows(CompletionException.class, again::join);
        assertEquals(ErrorCode.WRONG_PHASE, ((MatchException) refused.getCause()).code());
    }

    private static List<String> optionsOf(ServerMessage.MapVote vote) {
        return vote.options().stream().map(ServerMessage.VoteOption::mapId).toList();
    }

    private static <T> T firstOf(List<Object> sent, Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + sent));
    }

    /** The first binary frame sent after {@code message}. */
    private static ByteBuffer firstFrameAfter(List<Object> sent, Object message) {
        List<Object> rest = new ArrayList<>(sent.subList(sent.indexOf(message), sent.size()));
        return rest.stream().filter(ByteBuffer.class::isInstance).map(ByteBuffer.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no frame after " + message));
    }
}
