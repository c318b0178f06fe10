package io.lancers.server;

import io.lancers.load.WholeMessageListener;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.InputCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.MatchRegistry;
import io.lancers.sim.Input;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of random and mutated frames at a running server over real WebSockets, from a few
 * connections at a time, in every phase, while an honest player plays in the same match. Each
 * frame is followed by a heartbeat: its answer says the frame was taken, a close says it was
 * refused (and with which code). The server must refuse only with the protocol's codes (never 1011,
 * never a log line at WARNING), keep the honest player's deltas gap-free, and not grow its heap.
 */
class WireFuzzTest {
    private static final int FRAMES = Integer.getInteger("lancers.fuzz.frames", 3000);
    private static final int LANES = 4;
    /**
     * The whole fuzz may take a minute plus 5 ms a frame (at least 200 frames a second; this box does
     * about 300 while loaded): 75 s for the default 3,000, under 10 minutes for 100,000.
     */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60).plusMillis(5L * FRAMES);
    private static final Set<Integer> REFUSALS = Set.of(CloseCodes.PROTOCOL_ERROR, CloseCodes.UNSUPPORTED_DATA,
            CloseCodes.POLICY_VIOLATION, CloseCodes.TOO_BIG);
    private static final ServerOptions CONFIG = GameServerTest.CONFIG.with(o -> {
        o.maxPlayers = 64;
        o.resumeGraceSeconds = 1;
        o.matches = 1;
        o.maxConnectionsPerAddress = 64;
    });

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<Integer, AtomicInteger> closeCodes = new ConcurrentHashMap<>();

    @Test
    void thousandsOfHostileFramesCloseOnlyTheirSendersAndTheHonestPlayerNeverMissesATick() throws Exception {
        Fuzzed run = fuzzARunningServer();
        assertTrue(sent.get() >= FRAMES);
        assertTrue(closeCodes.keySet().stream().allMatch(REFUSALS::contains), "only protocol refusals: " + closeCodes);
        // The server's threads end a moment after close returns: wait for its rooms to be collectable.
        await("nothing holds on to the closed server's rooms").atMost(Duration.ofSeconds(30))
                .until(() -> {
                    System.gc();
                    return run.rooms().get() == null;
                });
        long heapAfter = Heap.usedAfterGc();
        System.out.printf("wire fuzz heap after GC: %d KiB before, %d KiB after%n", run.heapBefore() / 1024,
                heapAfter / 1024);
        assertTrue(heapAfter < run.heapBefore() + 64L * 1024 * 1024,
                "heap grew from " + run.heapBefore() + " to " + heapAfter);
    }

    /** The heap with the server started, before the fuzz; the server's rooms, closed since. */
    private record Fuzzed(long heapBefore, WeakReference<MatchRegistry> rooms) {
    }

    /**
     * The fuzz, in a method of its own: once it returns, no local of the test's frame points at the
     * server, so the heap figure after it counts only what something else still holds.
     */
    private Fuzzed fuzzARunningServer() throws Exception {
        long heapBefore;
        WeakReference<MatchRegistry> closed;
        try (LogCapture log = LogCapture.problemsOnly(); GameServer server = GameServer.start(CONFIG)) {
            closed = new WeakReference<>(server.matches());
            // Before the honest player connects: a full collection's pause is not what this test is about.
            heapBefore = Heap.usedAfterGc();
            TestClient honest = TestClient.hello(server, "Honest");
            honest.send(new ClientMessage.Join("m1"));
            honest.awaitWorld(world -> true);

            HttpClient http = HttpClient.newHttpClient();
            URI uri = TestClient.uri(server);
            ExecutorService lanes = Executors.newFixedThreadPool(LANES);
            List<Future<?>> running = new ArrayList<>();
            long fuzzStarted = System.nanoTime();
            for (int lane = 0; lane < LANES; lane++) {
                Random random = new Random(0xF022L + lane);
                int laneId = lane;
                running.add(lanes.submit(() -> {
                    fuzz(http, uri, random, laneId);
                    return null;
                }));
            }
            long deadline = fuzzStarted + TIME_LIMIT.toNanos();
            for (Future<?> lane : running) {
                lane.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            lanes.shutdown();
            double fuzzSeconds = (System.nanoTime() - fuzzStarted) / 1e9;

            World before = honest.awaitWorld(world -> true);
            honest.awaitWorld(world -> world.tick() > before.tick() + CONFIG.tickRate);
            assertFalse(honest.isClosed(), "the honest player is still connected");
            assertTrue(log.problems().isEmpty(), "no warnings or errors: " + log.problems());
            System.out.printf("wire fuzz: %d frames sent in %.1f s (%.0f a second, limit %d s), %d taken, %d connections,"
                    + " closes %s%n", sent.get(), fuzzSeconds, sent.get() / fuzzSeconds, TIME_LIMIT.toSeconds(),
                    accepted.get(), connections.get(), closeCodes);
            honest.close();
        }
        return new Fuzzed(heapBefore, closed);
    }

    private void fuzz(HttpClient http, URI uri, Random random, int lane) throws Exception {
        int perLane = FRAMES / LANES;
        int laneSent = 0;
        while (laneSent < perLane) {
            Probe probe = Probe.open(http, uri);
            connections.incrementAndGet();
            int phase = random.nextInt(3);
            if (phase >= 1) {
                probe.text(ControlCodec.encode(new ClientMessage.Hello("f" + lane + "-" + connections.get(), null)));
            }
            if (phase == 2) {
                probe.text(ControlCodec.encode(new ClientMessage.Join("m1")));
            }
            // Valid frames keep the connection: send until one is refused.
            while (laneSent < perLane) {
                boolean text = random.nextBoolean();
                laneSent++;
                sent.incrementAndGet();
                if (text) {
                    probe.textUnchecked(hostileText(random));
                } else {
                    probe.binaryUnchecked(hostileBinary(random));
                }
                Integer code = probe.takenOrClosed();
                if (code != null) {
                    closeCodes.computeIfAbsent(code, any -> new AtomicInteger()).incrementAndGet();
                    break;
                }
                accepted.incrementAndGet();
            }
            probe.abort();
        }
    }

    private static final List<String> TEMPLATES = List.of(
            "{\"type\":\"hello\",\"name\":\"Ann\",\"resumeToken\":null}",
            "{\"type\":\"listMatches\"}", "{\"type\":\"join\",\"matchId\":\"m1\"}", "{\"type\":\"spectate\",\"matchId\":\"m1\"}",
            "{\"type\":\"leave\"}", "{\"type\":\"chat\",\"text\":\"gg\"}", "{\"type\":\"resync\"}",
            "{\"type\":\"heartbeat\",\"t\":1}", "{\"type\":\"heartbeatAck\",\"t\":1}");
    private static final String[] PIECES = {"{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e400", "NaN",
        "Infinity", "0.5", "\"type\"", "\"hello\"", "\u0000", "\uD800", "\\u0000", "99999999999999999999", "\u202E"};

    private static String hostileText(Random random) {
        if (random.nextInt(20) == 0) {
            return "x".repeat(8 * 1024 + random.nextInt(100));
        }
        StringBuilder json = new StringBuilder(TEMPLATES.get(random.nextInt(TEMPLATES.size())));
        for (int i = 0, edits = random.nextInt(4); i < edits; i++) {
            int at = random.nextInt(json.length() + 1);
            if (random.nextBoolean()) {
                json.insert(at, PIECES[random.nextInt(PIECES.length)]);
            } else {
                json.delete(at, Math.min(json.length(), at + 1 + random.nextInt(5)));
            }
        }
        return json.toString();
    }

    private static byte[] hostileBinary(Random random) {
        byte[] frame;
        switch (random.nextInt(4)) {
            case 0 -> {
                frame = new byte[random.nextInt(random.nextInt(10) == 0 ? 400 : 20)];
                random.nextBytes(frame);
            }
            case 1 -> frame = Arrays.copyOf(InputCodec.encode(new Input(1 + random.nextInt(1000), 0, 0f)),
                    random.nextInt(12));
            default -> {
                frame = InputCodec.encode(new Input(1 + random.nextInt(1 << 20), random.nextInt(0x20), 0f));
                frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
            }
        }
        return frame;
    }

    /** One fuzzing connection: after each frame a heartbeat, whose answer means "taken". */
    private static final class Probe extends WholeMessageListener {
        private final LinkedBlockingQueue<Long> acks = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private WebSocket socket;
        private long nextT = 1;

        static Probe open(HttpClient http, URI uri) {
            Probe probe = new Probe();
            probe.socket = http.newWebSocketBuilder().subprotocols(ProtocolVersion.SUBPROTOCOL)
                    .buildAsync(uri, probe).orTimeout(15, TimeUnit.SECONDS).join();
            return probe;
        }

        void text(String text) {
            socket.sendText(text, true).join();
        }

        void textUnchecked(String text) {
            socket.sendText(text, true).handle((ok, failed) -> null).join();
        }

        void binaryUnchecked(byte[] frame) {
            socket.sendBinary(ByteBuffer.wrap(frame), true).handle((ok, failed) -> null).join();
        }

        /** Null if the server answered the heartbeat sent after the frame; else the close code. */
        Integer takenOrClosed() throws InterruptedException {
            long t = nextT++;
            if (closed.isDone()) {
                return closed.join();
            }
            socket.sendText(ControlCodec.encode(new ClientMessage.Heartbeat(t)), true).handle((ok, failed) -> null).join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                Long ack = acks.poll(5, TimeUnit.MILLISECONDS);
                if (ack != null && ack == t) {
                    return null;
                }
                if (closed.isDone()) {
                    return closed.join();
                }
            }
            throw new AssertionError("neither an answer nor a close within 15 s");
        }

        void abort() {
            socket.abort();
        }

        @Override
        protected void onWholeText(WebSocket webSocket, String text) {
            // Only the acks matter here; anything else the server says is fine.
            if (text.startsWith("{\"type\":\"heartbeatAck\"")) {
                try {
                    acks.add(((ServerMessage.HeartbeatAck) ControlCodec.decodeServer(text)).t());
                } catch (ProtocolException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
