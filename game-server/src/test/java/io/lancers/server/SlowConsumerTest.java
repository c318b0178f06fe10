package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

import static io.lancers.server.TestClient.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that joins and then never reads, over real loopback sockets: the kernel's buffers fill,
 * the server's sends pile up, and the match drops it (4003) while everyone else plays on.
 */
class SlowConsumerTest {
    /** Small kernel buffers on both ends, so the backlog reaches the server's own queue in seconds, not minutes. */
    private static final int SEND_BUFFER_BYTES = 4 * 1024;
    private static final int RECEIVE_BUFFER_BYTES = 4 * 1024;

    private final LogCapture log = LogCapture.start();
    private GameServer server;
    private TestClient bystander;

    @AfterEach
    void stop() {
        if (bystander != null) {
            bystander.close();
        }
        if (server != null) {
            server.close();
        }
        log.close();
    }

    @Test
    void aReaderThatNeverReadsIsDroppedAsASlowConsumerAndTheOthersPlayOn() throws IOException {
        // Bots make the frames worth sending; a 5 s heartbeat keeps liveness (4000) out of the way.
        server = GameServer.start(GameServerTest.CONFIG.with(o -> {
            o.bots = 6;
            o.heartbeatMs = 5000;
            o.socketSendBufferBytes = SEND_BUFFER_BYTES;
        }));
        bystander = TestClient.hello(server, "Bystander");
        bystander.send(new ClientMessage.Join("m1"));
        bystander.await(ServerMessage.Joined.class);
        bystander.awaitWorld(world -> true);
        long heapBefore = Heap.usedAfterGc();
        int framesBefore = bystander.stateFrames();

        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(RECEIVE_BUFFER_BYTES); // before connect: the window is agreed then
            RawHandshake upgrade = RawHandshake.connect(slow, server.port(), ProtocolVersion.SUBPROTOCOL);
            assertEquals(101, upgrade.status(), upgrade.head());
            OutputStream out = slow.getOutputStream();
            out.write(RawHandshake.maskedTextFrame(ControlCodec.encode(new ClientMessage.Hello("Sloth", null))));
            out.write(RawHandshake.maskedTextFrame(ControlCodec.encode(new ClientMessage.Join("m1"))));
            out.flush();
            long joinedAt = System.nanoTime();
            // From here on the slow client reads nothing. Its close frame would sit unread behind
            // the backlog, so the server's word is read from its log.
            String closedSlow = "by server: " + CloseCodes.SLOW_CONSUMER + " slow consumer";
            String dropped = await("the slow reader closed 4003").atMost(PATIENCE).until(log::lines,
                    lines -> lines.stream().anyMatch(line -> line.contains(closedSlow)))
                    .stream().filter(line -> line.contains(closedSlow)).findFirst().orElseThrow();
            System.out.printf("slow reader dropped %d ms after its join: %s%n",
                    Duration.ofNanos(System.nanoTime() - joinedAt).toMillis(), dropped);
            assertTrue(log.anyContains("is lagging"), "it lagged before it was dropped: " + log.lines());
            await("the slow reader gone").atMost(PATIENCE).until(() -> Optional.of(server.openConnections()).filter(n -> n == 1), Optional::isPresent).get();
        }

        int framesAtDrop = bystander.stateFrames();
        bystander.awaitValue(() -> Optional.of(bystander.stateFrames()).filter(n -> n > framesAtDrop + 30),
                "more frames after the drop");
        assertTrue(framesAtDrop > framesBefore + 60, "frames while the slow reader lagged: "
                + (framesAtDrop - framesBefore));
        assertEquals(0, bystander.gaps(), "the bystander's frames never skipped a tick");
        assertFalse(bystander.isClosed());
        long heapAfter = Heap.usedAfterGc();
        System.out.printf("heap after GC: %d KiB before, %d KiB after%n", heapBefore / 1024, heapAfter / 1024);
        assertTrue(heapAfter < heapBefore + 64L * 1024 * 1024, "the backlog did not pile up in memory");
    }
}
