package io.lancers.server.match;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The calling thread's nice value on Linux: the weight the kernel's scheduler gives it against every
 * other runnable thread. A tick thread that wakes at its deadline while both cores run other threads
 * (the senders, the reading side, the JIT, on a small machine the clients) waits for one, and that wait
 * is its start lateness (BENCHMARKS.md §3, issue 14 step 3); at a lower nice value the scheduler runs it
 * at once. Java has no call for it ({@link Thread#setPriority} is ignored on Linux unless the JVM runs
 * with {@code -XX:ThreadPriorityPolicy=1}), so the thread asks {@code renice} for its own thread id, once.
 * Below 0 needs root, CAP_SYS_NICE or a nice limit ({@code ulimit -e}, systemd's {@code LimitNICE=}).
 */
final class ThreadNice {
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private ThreadNice() {
    }

    /** Sets the calling thread's nice value; says why not when it could not. */
    static Optional<String> set(int nice) {
        String tid;
        try {
            tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString(); // "<pid>/task/<tid>"
        } catch (IOException | UnsupportedOperationException notLinux) {
            return Optional.of("no " + THREAD_SELF + " (not Linux)");
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(nice), "-p", tid)
                    .redirectErrorStream(true).start();
            String said = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return Optional.of("renice did not finish");
            }
            return renice.exitValue() == 0 ? Optional.empty() : Optional.of(said);
        } catch (IOException e) {
            return Optional.of("cannot run renice: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The calling thread's nice value as the kernel has it (field 19 of its stat), empty where unknown. */
    static Optional<Integer> current() {
        try {
            String stat = Files.readString(THREAD_SELF.resolve("stat"), StandardCharsets.US_ASCII);
            return Optional.of(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }
}
