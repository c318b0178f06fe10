package io.lancers.server.match;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The mechanism on the real kernel. Raising a nice value is every thread's right, so those tests run
 * unprivileged; real time needs CAP_SYS_NICE or an rtprio limit (root has both here and in CI). What a
 * thread without them gets is {@code io.lancers.server.TickPriorityFallbackTest}'s.
 */
class ThreadSchedulingTest {
    /** CAP_SYS_NICE's bit in /proc/self/status's CapEff. */
    private static final int CAP_SYS_NICE = 23;

    @BeforeEach
    void linuxWithUtilLinux() {
        boolean present = Files.isSymbolicLink(Path.of("/proc/thread-self"))
                && Stream.of("renice", "chrt").allMatch(ThreadSchedulingTest::onPath);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI must run on Linux with renice and chrt (util-linux)");
        }
        assumeTrue(present, "needs Linux's /proc/thread-self, renice and chrt (util-linux): skipped");
    }

    @Test
    void aThreadSetsItsOwnNiceValueAndNoOtherThreads() throws InterruptedException {
        AtomicReference<Optional<String>> refused = new AtomicReference<>();
        AtomicReference<Optional<ThreadScheduling.Scheduling>> after = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            refused.set(ThreadScheduling.nice(7));
            after.set(ThreadScheduling.current());
        });
        Optional<ThreadScheduling.Scheduling> mine = ThreadScheduling.current();
        thread.start();
        thread.join();
        assertEquals(Optional.empty(), refused.get());
        assertEquals(Optional.of(new ThreadScheduling.Scheduling("SCHED_OTHER", 0, 7)), after.get());
        assertEquals(mine, ThreadScheduling.current(), "the starting thread keeps its own");
    }

    @Test
    void aRoomsTickThreadRunsAtTheNiceValueItWasStartedWith() {
        MatchRegistry registry = new MatchRegistry(List.of(MatchSettings.defaults("nice", "foundry").withBotFill(0)));
        registry.start(new TickPriority.Nice(5));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> tickThread("match-nice-tick")
                    .map(ThreadScheduling.Scheduling::ofStat)
                    .equals(Optional.of(new ThreadScheduling.Scheduling("SCHED_OTHER", 0, 5))));
        } finally {
            registry.shutdown();
        }
    }

    /** Reset-on-fork: what the real-time thread starts afterwards is a normal thread again. */
    @Test
    void aThreadPutsItselfUnderSchedFifoAndWhatItStartsRunsNormally() throws InterruptedException {
        assumeRealTimeAllowed();
        AtomicReference<Optional<String>> refused = new AtomicReference<>();
        AtomicReference<Optional<ThreadScheduling.Scheduling>> after = new AtomicReference<>();
        AtomicReference<Optional<ThreadScheduling.Scheduling>> started = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            refused.set(ThreadScheduling.realTime(1));
            after.set(ThreadScheduling.current());
            Thread child = new Thread(() -> started.set(ThreadScheduling.current()));
            child.start();
            try {
                child.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        thread.join();
        assertEquals(Optional.empty(), refused.get());
        assertEquals("SCHED_FIFO", after.get().orElseThrow().policy());
        assertEquals(1, after.get().orElseThrow().rtPriority());
        assertEquals("SCHED_OTHER", started.get().orElseThrow().policy(), "a thread it starts is reset to normal");
        assertEquals("SCHED_OTHER", ThreadScheduling.current().orElseThrow().policy(), "the starting thread keeps its own");
    }

    /** The default, where the OS allows it: the tick thread's policy as chrt reads it from outside the JVM. */
    @Test
    void aRoomStartedAtRealTimeTicksUnderSchedFifo() {
        assumeRealTimeAllowed();
        MatchRegistry registry = new MatchRegistry(List.of(MatchSettings.defaults("rt", "foundry").withBotFill(0)));
        registry.start(TickPriority.DEFAULT);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> tickThreadId("match-rt-tick")
                    .map(ThreadSchedulingTest::chrtSays)
                    .filter(said -> said.contains("SCHED_FIFO|SCHED_RESET_ON_FORK") && said.contains("priority: 1"))
                    .isPresent());
        } finally {
            registry.shutdown();
        }
    }

    @Test
    void statLinesAreReadAfterANameWithSpacesAndParentheses() {
        String[] fields = new String[50]; // from the third field, the state, on: proc(5) numbers them from 1
        Arrays.fill(fields, "0");
        fields[19 - 3] = "-5"; // nice
        fields[40 - 3] = "1"; // rt_priority
        fields[41 - 3] = "1"; // policy: SCHED_FIFO
        String stat = "4242 (match-a) b-tick) " + String.join(" ", fields);
        assertEquals(new ThreadScheduling.Scheduling("SCHED_FIFO", 1, -5), ThreadScheduling.Scheduling.ofStat(stat));
    }

    private static void assumeRealTimeAllowed() {
        assumeTrue(capSysNice() || rtprioLimit() > 0,
                "real time needs CAP_SYS_NICE or an rtprio limit (ulimit -r); this test process has neither: skipped");
    }

    private static boolean capSysNice() {
        try {
            String caps = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("CapEff:"))
                    .findFirst().orElseThrow().substring("CapEff:".length()).trim();
            return (Long.parseUnsignedLong(caps, 16) >> CAP_SYS_NICE & 1) == 1;
        } catch (IOException e) {
            return false;
        }
    }

    private static int rtprioLimit() {
        try {
            String limit = Files.readAllLines(Path.of("/proc/self/limits")).stream()
                    .filter(l -> l.startsWith("Max realtime priority")).findFirst().orElseThrow()
                    .substring("Max realtime priority".length()).trim().split("\\s+")[0];
            return limit.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(limit);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String chrtSays(String tid) {
        try {
            Process chrt = new ProcessBuilder("chrt", "-p", tid).redirectErrorStream(true).start();
            String said = new String(chrt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            chrt.waitFor();
            return said;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** The stat line of this JVM's thread of that name, from /proc (the name as Linux keeps it: 15 characters). */
    private static Optional<String> tickThread(String name) throws IOException {
        Optional<String> tid = tickThreadId(name);
        if (tid.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of("/proc/self/task", tid.get(), "stat"), StandardCharsets.US_ASCII));
        } catch (IOException threadEnded) {
            return Optional.empty();
        }
    }

    private static Optional<String> tickThreadId(String name) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim().equals(name)) {
                        return Optional.of(task.getFileName().toString());
                    }
                } catch (IOException threadEnded) {
                    // gone between the listing and the read
                }
            }
        }
        return Optional.empty();
    }
}
