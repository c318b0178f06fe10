package io.lancers.server.match;

import io.lancers.map.MapLoader;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.sim.Input;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A match with {@code --spectator-delay}, ticked by hand: spectators see tick t − D at tick t, players tick t. */
class SpectatorDelayTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    /** 0.5 s at 60 Hz. */
    private static final int DELAY_TICKS = 30;

    private final Match match = new Match(MatchSettings.defaults("arena", "crossfire").withBotFill(3).withSeed(7)
            .withSpectatorDelaySeconds(0.5), MapLoader.load("crossfire"), CLOCK, StateEncoder.CODEC, Runnable::run);
    /** Every world the match made, by tick. */
    private final Map<Integer, World> worlds = new HashMap<>();

    private void tick() {
        match.tick();
        worlds.put(match.world().tick(), match.world());
    }

    private <T> T await(CompletableFuture<T> request) {
        tick();
        return request.join();
    }

    @Test
    void atEveryTickTheSpectatorGetsExactlyTheWorldOfDTicksAgoAndThePlayerThatOfNow() throws ProtocolException {
        RecordingPeer adaPeer = new RecordingPeer("ada");
        RecordingPeer watcher = new RecordingPeer("watcher");
        Membership ada = await(match.join("Ada", adaPeer));
        await(match.spectate(watcher));
        int joinedAt = match.world().tick();
        assertEquals(new ServerMessage.Notice(Announcements.DELAY_NOTICE, 0, "You watch the game 0.5 s late"),
                watcher.last(ServerMessage.Notice.class));

        World seen = null;
        World played = null;
        for (ByteBuffer frame : adaPeer.frames()) {
            played = StateCodec.apply(played, frame.duplicate());
        }
        for (int seq = 1; seq <= 3 * DELAY_TICKS; seq++) {
            ada.submitInput(new Input(seq, Input.UP | (seq % 7 == 0 ? Input.FIRE : 0), seq * 0.1f));
            watcher.clear();
            adaPeer.clear();
            tick();
            int now = match.world().tick();

            List<ByteBuffer> toWatcher = watcher.frames();
            if (worlds.get(now - DELAY_TICKS) == null) {
                assertEquals(List.of(), toWatcher, "no frames before the match is " + DELAY_TICKS + " ticks old");
            } else {
                assertEquals(1, toWatcher.size(), "one frame per tick at tick " + now);
                seen = StateCodec.apply(seen, toWatcher.get(0).duplicate());
                assertEquals(worlds.get(now - DELAY_TICKS), seen, "the spectator's world at tick " + now);
            }
            assertEquals(1, adaPeer.frames().size());
            played = StateCodec.apply(played, adaPeer.frames().get(0).duplicate());
            assertEquals(match.world(), played, "the player's world at tick " + now);
        }
        assertEquals(match.world().tick() - DELAY_TICKS, seen.tick());
        assertTrue(seen.tick() > joinedAt, "the spectator followed the match, not only its first delayed world");
    }

    @Test
    void chatAndNoticesReachTheSpectatorAfterTheFrameOfTheirTickDTicksLaterButThePlayersAtOnce() {
        RecordingPeer adaPeer = new RecordingPeer("ada");
        RecordingPeer watcher = new RecordingPeer("watcher");
        Membership ada = await(match.join("Ada", adaPeer));
        await(match.spectate(watcher));
        for (int i = 0; i < 2 * DELAY_TICKS; i++) {
            tick();
        }
        watcher.clear();
        ada.chat("he is behind the pillar");
        tick();
        int saidAt = match.world().tick() - 1; // applied before the tick's step, as the world of the tick before
        ServerMessage.Chat line = new ServerMessage.Chat(ada.playerId(), "Ada", "he is behind the pillar", CLOCK.millis());
        assertEquals(List.of(line), adaPeer.messages(ServerMessage.Chat.class));

        while (match.world().tick() < saidAt + DELAY_TICKS) {
            assertEquals(List.of(), watcher.messages(ServerMessage.Chat.class), "at tick " + match.world().tick());
            tick();
        }
        List<Object> sent = watcher.sent;
        int chatAt = sent.indexOf(line);
        assertTrue(chatAt > 0, "the spectator has the line at tick " + match.world().tick());
        ByteBuffer before = (ByteBuffer) sent.get(chatAt - 1);
        assertEquals(saidAt, header(before).tick(), "the line follows the frame of the tick it was said at");
        assertEquals(chatAt + 1, sent.size(), "and comes before the next one");

        watcher.clear();
        ada.leave();
        tick();
        int leftAt = match.world().tick() - 1;
        assertEquals(List.of(), watcher.messages(ServerMessage.Notice.class), "the leave notice waits too");
        while (match.world().tick() < leftAt + DELAY_TICKS) {
            tick();
        }
        assertEquals(new ServerMessage.Notice("leave", ada.playerId(), "Ada left"), watcher.messages(ServerMessage.Notice.class).get(0));
    }

    @Test
    void aDelayedSpectatorThatLaggedCatchesUpOnDelayedTicksAndAResyncGetsTheDelayedSnapshot() throws ProtocolException {
        RecordingPeer watcher = new RecordingPeer("watcher");
        Membership spectator = await(match.spectate(watcher));
        for (int i = 0; i < 2 * DELAY_TICKS; i++) {
            tick();
        }
        int hadTick = header(watcher.frames().get(watcher.frames().size() - 1)).tick();
        watcher.pending = match.settings().slowConsumer().highWater() + 1;
        for (int i = 0; i < 10; i++) {
            tick();
        }
        watcher.pending = 0;
        watcher.clear();
        tick();
        int now = match.world().tick();
        StateCodec.Header catchUp = header(watcher.frames().get(0));
        assertEquals(List.of("DELTA"), watcher.kinds());
        assertEquals(hadTick, catchUp.baseTick(), "one delta from the delayed world it has");
        assertEquals(now - DELAY_TICKS, catchUp.tick(), "to the delayed world of now");
        assertEquals(worlds.get(now - DELAY_TICKS),
                StateCodec.apply(worlds.get(hadTick), watcher.frames().get(0).duplicate()));

        spectator.resync();
        watcher.clear();
        tick();
        assertEquals(List.of("SNAPSHOT"), watcher.kinds());
        assertEquals(worlds.get(match.world().tick() - DELAY_TICKS),
                StateCodec.apply(null, watcher.frames().get(0).duplicate()));
    }

    private static StateCodec.Header header(ByteBuffer frame) {
        try {
            return StateCodec.header(frame.duplicate());
        } catch (ProtocolException e) {
            throw new AssertionError("not a state frame", e);
        }
    }
}
