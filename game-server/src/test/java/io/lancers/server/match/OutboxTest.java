package io.lancers.server.match;

import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {
    private final List<Runnable> batches = new ArrayList<>();
    private final Outbox outbox = new Outbox(List.of(batches::add));

    private static Membership spectator(Peer peer) {
        return new Membership(null, peer, Role.SPECTATOR, 0, null, null);
    }

    private static SharedFrame notice(String text) {
        return SharedFrame.text(ControlCodec.encode(new ServerMessage.Notice("match", 0, text)));
    }

    @Test
    void sendsWaitingInTheOutboxCountAsPendingUntilThePeerTookThem() {
        RecordingPeer peer = new RecordingPeer("watcher");
        peer.pending = 2;
        Membership watcher = spectator(peer);
        outbox.send(watcher, notice("one"));
        outbox.send(watcher, SharedFrame.binary(new byte[] {RecordingPeer.DELTA, 0, 0, 0, 2, 0, 0, 0, 1}));
        assertEquals(4, Outbox.pendingSends(watcher));
        outbox.flush();
        assertEquals(1, outbox.ticksBehind());
        assertTrue(peer.sent.isEmpty());

        batches.get(0).run();
        assertEquals(List.of("Notice", "DELTA"), peer.kinds());
        assertEquals(2, Outbox.pendingSends(watcher));
        assertEquals(0, outbox.ticksBehind());
    }

    @Test
    void batchesRunInTickOrderAndAnEmptyTickHandsOverNothing() {
        RecordingPeer peer = new RecordingPeer("watcher");
        Membership watcher = spectator(peer);
        outbox.send(watcher, notice("first tick"));
        outbox.flush();
        outbox.flush();
        outbox.send(watcher, notice("second tick"));
        outbox.close(watcher, CloseCodes.SLOW_CONSUMER, "slow consumer");
        outbox.flush();
        assertEquals(2, batches.size());
        batches.forEach(Runnable::run);
        assertEquals(List.of("first tick", "second tick"),
                peer.messages(ServerMessage.Notice.class).stream().map(ServerMessage.Notice::text).toList());
        assertEquals(CloseCodes.SLOW_CONSUMER, peer.closeCode);
    }

    @Test
    void aPeerThatThrowsDoesNotCostTheOthersTheirSends() {
        Peer broken = new Peer() {
            @Override
            public String label() {
                return "broken";
            }

            @Override
            public void send(SharedFrame frame) {
                throw new IllegalStateException("session closed");
            }

            @Override
            public int pendingSends() {
                return 0;
            }

            @Override
            public void close(int code, String reason) {
            }
        };
        RecordingPeer fine = new RecordingPeer("fine");
        Membership first = spectator(broken);
        Membership second = spectator(fine);
        outbox.send(first, notice("hello"));
        outbox.send(second, notice("hello"));
        outbox.flush();
        batches.get(0).run();
        assertEquals(List.of("Notice"), fine.kinds());
        assertEquals(0, Outbox.pendingSends(first));
    }

    @Test
    void eachPeerKeepsToOneLaneAndTheSlowestLaneIsHowFarBehindTheOutboxIs() {
        List<Runnable> first = new ArrayList<>();
        List<Runnable> second = new ArrayList<>();
        Outbox lanes = new Outbox(List.of(first::add, second::add));
        List<RecordingPeer> peers = new ArrayList<>();
        List<Membership> watchers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            peers.add(new RecordingPeer("watcher " + i));
            watchers.add(spectator(peers.get(i)));
        }
        for (int tick = 0; tick < 2; tick++) {
            for (Membership watcher : watchers) {
                lanes.send(watcher, notice("tick " + tick));
            }
            lanes.flush();
        }
        assertEquals(2, lanes.ticksBehind());
        first.forEach(Runnable::run);
        for (RecordingPeer peer : peers) {
            int got = peer.sent.size();
            assertTrue(got == 0 || got == 2, peer.label() + " got " + got + " of its 2 sends from one lane");
        }
        assertEquals(second.isEmpty() ? 0 : 2, lanes.ticksBehind());
        second.forEach(Runnable::run);
        assertEquals(0, lanes.ticksBehind());
        assertTrue(peers.stream().allMatch(peer -> peer.sent.size() == 2));
    }
}
