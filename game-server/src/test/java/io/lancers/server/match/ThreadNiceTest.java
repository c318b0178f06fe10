package io.lancers.server.match;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Raising a nice value is every thread's right, so these run unprivileged; lowering it below 0 is root's. */
class ThreadNiceTest {

    @BeforeEach
    void linuxWithRenice() {
        boolean present = Files.isSymbolicLink(Path.of("/proc/thread-self"))
                && Stream.of("/usr/bin/renice", "/bin/renice").anyMatch(path -> Files.isExecutable(Path.of(path)));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI must run on Linux with renice (util-linux)");
        }
        assumeTrue(present, "needs Linux's /proc/thread-self and renice (util-linux): skipped");
    }

    @Test
    void aThreadSetsItsOwnNiceValueAndNoOtherThreads() throws InterruptedException {
        AtomicReference<Optional<String>> refused = new AtomicReference<>();
        AtomicReference<Optional<Integer>> after = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            refused.set(ThreadNice.set(7));
            after.set(ThreadNice.current());
        });
        Optional<Integer> mine = ThreadNice.current();
        thread.start();
        thread.join();
        assertEquals(Optional.empty(), refused.get());
        assertEquals(Optional.of(7), after.get());
        assertEquals(mine, ThreadNice.current(), "the starting thread keeps its own");
    }

    @Test
    void aRoomsTickThreadRunsAtTheNiceValueItWasStartedWith() {
        MatchRegistry registry = new MatchRegistry(List.of(MatchSettings.defaults("nice", "foundry").withBotFill(0)));
        registry.start(5);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> tickThreadNice("match-nice-tick").equals(Optional.of(5)));
        } finally {
            registry.shutdown();
        }
    }

    /** The nice value of this JVM's thread of that name, from /proc (the name as Linux keeps it: 15 characters). */
    private static Optional<Integer> tickThreadNice(String name) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim().equals(name)) {
                        String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                        return Optional.of(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                    }
                } catch (IOException threadEnded) {
                    // gone between the listing and the read
                }
            }
        }
        return Optional.empty();
    }
}
