package io.lancers.server;

import io.lancers.load.LoadClient;
import io.lancers.load.LoadClient.Entry;
import io.lancers.protocol.CloseCodes;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.MatchStatus;
import io.lancers.sim.Input;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.lancers.server.TestClient.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Players come and go for a while: they join, play, leave, drop their links and resume, fall
 * silent and get closed (4000) and resume, while the server's bots fill and empty the rooms. At the
 * end nothing may be left behind: no open connection, no human in a room, no extra thread, no
 * heap the run kept.
 *
 * <p>Length: {@code -Dlancers.soak.seconds=N} (CI default 30 s; {@code 600} for a real soak).
 */
class SoakTest {
    private static final int SECONDS = Integer.getInteger("lancers.soak.seconds", 30);
    private static final int PLAYERS = 10;
    private static final ServerOptions CONFIG = GameServerTest.CONFIG.with(o -> {
        o.matches = 2;
        o.bots = 3;
        o.tickRate = 30;
        o.resumeGraceSeconds = 2;
        o.maxConnectionsPerAddress = 64;
    });

    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();

    @Test
    void aLongRunOfPlayersComingAndGoingLeavesNothingBehind() throws Exception {
        // The clients' threads exist before the count starts and stay till after it ends.
        ThreadPoolExecutor clientThreads = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        clientThreads.prestartAllCoreThreads();
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
        ExecutorService players = Executors.newFixedThreadPool(PLAYERS);
        long heapBefore = Heap.usedAfterGc();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapAfter;
        try (LogCapture log = LogCapture.start(); GameServer server = GameServer.start(CONFIG)) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                Random random = new Random(0x50A4L + i);
                String lane = "s" + i;
                running.add(players.submit(() -> {
                    play(http, TestClient.uri(server), lane, random, end);
                    return null;
                }));
            }
            for (Future<?> player : running) {
                player.get(SECONDS + 60L, TimeUnit.SECONDS);
            }

            await("every connection closed").atMost(PATIENCE).until(server::openConnections, n -> n == 0);
            await("only bots left in the rooms").atMost(PATIENCE).until(() -> server.matches().status(),
                    rooms -> rooms.stream().allMatch(room -> room.players().stream().allMatch(MatchStatus.PlayerStatus::bot)));
            assertTrue(log.problems().isEmpty(), "no warnings or errors: " + log.problems());
        }
        players.shutdown();
        assertTrue(players.awaitTermination(10, TimeUnit.SECONDS));
        // Every thread the server started is gone: its pools, heartbeats, deadlines, tick loops.
        await("no server threads left").atMost(PATIENCE).until(SoakTest::serverThreads, List::isEmpty);
        heapAfter = Heap.usedAfterGc();
        int threadsAfter = await("threads back near " + threadsBefore).atMost(PATIENCE)
                .until(() -> ManagementFactory.getThreadMXBean().getThreadCount(), n -> n <= threadsBefore + 2);
        clientThreads.shutdown();
        System.out.printf("soak: %d s, %d sessions, %d resumes; threads %d before, %d after; heap after GC %d KiB"
                + " before, %d KiB after%n", SECONDS, sessions.get(), resumes.get(), threadsBefore, threadsAfter,
                heapBefore / 1024, heapAfter / 1024);
        assertTrue(sessions.get() > PLAYERS, "players came and went: " + sessions.get());
        assertTrue(resumes.get() > 0, "links dropped and resumed");
        assertTrue(heapAfter < heapBefore + 32L * 1024 * 1024, "heap from " + heapBefore + " to " + heapAfter);
    }

    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("lancers-") || name.startsWith("match-")).toList();
    }

    /** One seat: sessions one after another until the end, each ending in one of the ways a session ends. */
    private void play(HttpClient http, URI uri, String lane, Random random, long end) throws Exception {
        String token = null;
        int expectedId = 0;
        int generation = 0;
        while (System.nanoTime() < end) {
            String match = random.nextBoolean() ? "m1" : "m2";
            LoadClient client = LoadClient.open(http, uri, lane + "-" + generation,
                    token != null ? Entry.resume(token) : Entry.join(match));
            ServerMessage.Joined joined = client.joined().get(20, TimeUnit.SECONDS);
            sessions.incrementAndGet();
            if (token != null) {
                assertTrue(joined.resumed());
                assertEquals(expectedId, joined.playerId(), lane + " resumed its own ship");
                resumes.incrementAndGet();
            }
            token = joined.resumeToken();
            expectedId = joined.playerId();
            long playUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(1500));
            for (int seq = 1; System.nanoTime() < playUntil; seq++) {
                client.sendInput(new Input(seq, random.nextInt(0x20), random.nextFloat() * 6.28f));
                Thread.sleep(50);
            }
            switch (random.nextInt(3)) {
                case 0 -> { // leaves for good; the next session is a new player
                    client.leave();
                    client.close();
                    assertEquals(CloseCodes.NORMAL, (int) client.closed().get(20, TimeUnit.SECONDS));
                    token = null;
                    generation++;
                }
                case 1 -> client.abort(); // resumes next time
                default -> { // falls silent: the server closes it, and it resumes next time
                    client.goSilent();
                    assertEquals(CloseCodes.HEARTBEAT_TIMEOUT, (int) client.closed().get(20, TimeUnit.SECONDS));
                }
            }
        }
    }

}
