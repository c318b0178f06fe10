package io.lancers.server.match;

import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {
    private final List<Runnable> batches = new ArrayList<>();
    private final Outbox outbox = new Outbox(batches::add);

    private static Membership spectator(Peer peer) {
        return new Membership(null, peer, Role.SPECTATOR, 0, null, null);
    }

    private static String notice(String text) {
        return ControlCodec.encode(new ServerMessage.Notice("match", 0, text));
    }

    @Test
    void sendsWaitingInTheOutboxCountAsPendingUntilThePeerTookThem() {
        RecordingPeer peer = new RecordingPeer("watcher");
        peer.pending = 2;
        Membership watcher = spectator(peer);
        outbox.text(watcher, notice("one"));
        outbox.binary(watcher, ByteBuffer.wrap(new byte[] {RecordingPeer.DELTA}));
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
        outbox.text(watcher, notice("first tick"));
        outbox.flush();
        outbox.flush();
        outbox.text(watcher, notice("second tick"));
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
            public void sendText(String json) {
                throw new IllegalStateException("session closed");
            }

            @Override
            public void sendBinary(ByteBuffer frame) {
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
        outbox.text(first, notice("hello"));
        outbox.text(second, notice("hello"));
        outbox.flush();
        batches.get(0).run();
        assertEquals(List.of("Notice"), fine.kinds());
        assertEquals(0, Outbox.pendingSends(first));
    }
}
