package io.lancers.server.match;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The calling thread's scheduling on Linux: its policy (real-time SCHED_FIFO or the normal SCHED_OTHER)
 * and its nice value. Java has no call for either ({@link Thread#setPriority} is ignored on Linux unless
 * the JVM runs with {@code -XX:ThreadPriorityPolicy=1}), so the thread runs util-linux's {@code chrt} or
 * {@code renice} on its own thread id, once. Raising the priority needs root or CAP_SYS_NICE, or a limit
 * that allows it: {@code ulimit -r} (RLIMIT_RTPRIO) for real time, {@code ulimit -e} (RLIMIT_NICE) for a
 * nice value below 0.
 */
final class ThreadScheduling {
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    /** Linux's policy numbers, as {@code /proc/.../stat} shows them (field 41). */
    private static final List<String> POLICIES = List.of("SCHED_OTHER", "SCHED_FIFO", "SCHED_RR", "SCHED_BATCH",
            "SCHED_ISO", "SCHED_IDLE", "SCHED_DEADLINE");

    private ThreadScheduling() {
    }

    /**
     * What a thread runs at, read from its {@code stat}.
     *
     * @param policy     {@code SCHED_OTHER}, {@code SCHED_FIFO}, …
     * @param rtPriority its real-time priority (1–99), 0 under a normal policy
     * @param nice       its nice value, which only normal policies heed
     */
    record Scheduling(String policy, int rtPriority, int nice) {
        /** Parses a {@code /proc/<pid>/task/<tid>/stat} line. */
        static Scheduling ofStat(String stat) {
            // fields from the third on, after the name in parentheses (which may hold spaces)
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            int policy = Integer.parseInt(fields[38]);
            return new Scheduling(policy < POLICIES.size() ? POLICIES.get(policy) : "policy " + policy,
                    Integer.parseInt(fields[37]), Integer.parseInt(fields[16]));
        }
    }

    /**
     * Puts the calling thread under SCHED_FIFO at {@code priority}, with reset-on-fork so that threads
     * and processes it starts later run at normal priority; says why not when it could not.
     */
    static Optional<String> realTime(int priority) {
        return onOwnThreadId(tid -> List.of("chrt", "--reset-on-fork", "--fifo", "--pid", String.valueOf(priority), tid));
    }

    /** Sets the calling thread's nice value; says why not when it could not. */
    static Optional<String> nice(int nice) {
        return onOwnThreadId(tid -> List.of("renice", "-n", String.valueOf(nice), "-p", tid));
    }

    /** The calling thread's scheduling as the kernel has it, empty where unknown (not Linux). */
    static Optional<Scheduling> current() {
        try {
            return Optional.of(Scheduling.ofStat(Files.readString(THREAD_SELF.resolve("stat"), StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }

    /** Runs the command for the calling thread's id and waits for it: empty if it succeeded, else what it said. */
    private static Optional<String> onOwnThreadId(Function<String, List<String>> command) {
        String tid;
        try {
            tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString(); // "<pid>/task/<tid>"
        } catch (IOException | UnsupportedOperationException notLinux) {
            return Optional.of("no " + THREAD_SELF + " (not Linux)");
        }
        List<String> line = command.apply(tid);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(line.get(0) + " did not finish");
            }
            return process.exitValue() == 0 ? Optional.empty() : Optional.of(said);
        } catch (IOException e) {
            return Optional.of("cannot run " + line.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
