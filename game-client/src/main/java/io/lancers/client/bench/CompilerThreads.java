package io.lancers.client.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's JIT compiler threads, read from Linux's {@code /proc/self/task}: those threads are
 * not Java threads, so {@link java.lang.management.ThreadMXBean} cannot see them, and the compilation
 * MXBean's total is elapsed time, which a busy machine inflates with time spent waiting for a core.
 */
final class CompilerThreads {
    /** Linux's USER_HZ, the unit of utime and stime in {@code stat}: 100 on every architecture Java runs on. */
    private static final int TICKS_PER_SECOND = 100;

    private CompilerThreads() {
    }

    /** User and system CPU time so far of the live C1 and C2 compiler threads, in ms; -1 without /proc. */
    static long cpuMillis() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) all::iterator) {
                ticks += compilerTicks(task);
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static long compilerTicks(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            // stat is "pid (comm) state ...": fields counted after the ')' (comm may hold spaces);
            // utime and stime are the 14th and 15th fields, the 12th and 13th after the state.
            String stat = Files.readString(task.resolve("stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[11]) + Long.parseLong(after[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended while being read
        }
    }
}
