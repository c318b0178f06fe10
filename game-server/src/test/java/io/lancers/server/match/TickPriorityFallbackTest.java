package io.lancers.server.match;

import io.lancers.server.ServerMain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fallback chain against real refusals: the dedicated server with its default {@code --tick-priority}
 * in a JVM of its own that the kernel will not let have real time: started with CAP_SYS_NICE out of its
 * capability bounding set ({@code setpriv}) and an rtprio limit of 0 ({@code prlimit}), as a user without
 * privileges runs it. Taking the capability away needs root (CI runs as root); elsewhere these are skipped.
 */
class TickPriorityFallbackTest {

    @BeforeEach
    void rootWithUtilLinux() throws IOException {
        boolean tools = Stream.of("nice", "prlimit", "setpriv", "chrt", "renice").allMatch(TickPriorityFallbackTest::onPath);
        if (!tools && "true".equals(System.getenv("CI"))) {
            fail("CI must have coreutils' nice and util-linux's prlimit, setpriv, chrt and renice");
        }
        assumeTrue(tools, "needs coreutils' nice and util-linux's prlimit, setpriv, chrt and renice: skipped");
        assumeTrue(Files.readAllLines(Path.of("/proc/self/status")).stream().anyMatch(l -> l.matches("Uid:\\s+0\\s.*")),
                "needs root to take CAP_SYS_NICE away from a child and to start it at nice -15: skipped");
    }

    @Test
    void realTimeRefusedFallsBackToNiceMinus10(@TempDir Path dir) throws Exception {
        // Started at nice -15, the tick thread may go to -10 without a privilege (that raises its nice
        // value); raising the nice limit instead would need CAP_SYS_RESOURCE, which a container may lack.
        Child server = Child.start(dir, -15, "--rtprio=0:0", "--nice=0:0");
        try {
            String line = server.awaitLogLine("m1: tick thread at ");
            assertTrue(line.contains("m1: tick thread at nice -10; real-time priority (SCHED_FIFO 1) refused: "), line);
            assertEquals(new ThreadScheduling.Scheduling("SCHED_OTHER", 0, -10), server.tickThread());
        } finally {
            server.stop();
        }
    }

    @Test
    void bothRefusedLeaveTheThreadAtNormalPrioritySayingWhy(@TempDir Path dir) throws Exception {
        Child server = Child.start(dir, 0, "--rtprio=0:0", "--nice=0:0");
        try {
            String line = server.awaitLogLine("m1: tick thread at ");
            assertTrue(line.contains("m1: tick thread at normal priority; real-time priority (SCHED_FIFO 1) refused: "), line);
            assertTrue(line.contains("; nice -10 refused: "), line);
            assertTrue(line.endsWith("its ticks may start late on a busy machine (--tick-priority)"), line);
            assertEquals(new ThreadScheduling.Scheduling("SCHED_OTHER", 0, 0), server.tickThread());
        } finally {
            server.stop();
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    /** The dedicated server, one room without bots, at that nice value, under those limits and without CAP_SYS_NICE. */
    private record Child(Process process, Path log) {

        static Child start(Path dir, int nice, String... limits) throws IOException {
            Path log = dir.resolve("server.log");
            List<String> command = new ArrayList<>(List.of("nice", "-n", String.valueOf(nice), "prlimit"));
            command.addAll(List.of(limits));
            command.addAll(List.of("setpriv", "--bounding-set=-sys_nice",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                    "--bind", "127.0.0.1", "--port", "0", "--no-discovery", "--no-broadcast", "--bots", "0", "--matches", "1"));
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("listening ")) {
                process.destroyForcibly();
                fail("the server did not start: " + ready + "; log: " + Files.readString(log));
            }
            return new Child(process, log);
        }

        String awaitLogLine(String containing) {
            return await().atMost(Duration.ofSeconds(30)).until(
                    () -> Files.readAllLines(log).stream().filter(l -> l.contains(containing)).findFirst(),
                    Optional::isPresent).orElseThrow();
        }

        /** The room's tick thread as the kernel has it, read from outside the child. */
        ThreadScheduling.Scheduling tickThread() throws IOException {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
                for (Path task : tasks.toList()) {
                    if (Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim().equals("match-m1-tick")) {
                        return ThreadScheduling.Scheduling.ofStat(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII));
                    }
                }
            }
            throw new AssertionError("no match-m1-tick thread in the server; log: " + Files.readString(log));
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
