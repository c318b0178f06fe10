package io.lancers.server;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Every log line of the server's packages while open, formatted as the server would print it:
 * lets a test see what is logged (a refusal), and what never is (a full resume token).
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    /** The thread that logged each line, by index (logging is synchronous: the caller's thread). */
    private final List<String> threads = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger, Level keep) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        setLevel(keep);
        if (keep == Level.ALL) {
            logger.setLevel(Level.ALL);
        }
        logger.addHandler(this);
    }

    /** Captures {@code io.lancers} and everything below it, at every level. */
    static LogCapture start() {
        return new LogCapture(Logger.getLogger("io.lancers"), Level.ALL);
    }

    /**
     * Keeps only WARNING and above ({@link #problems()}): for long runs, whose every INFO line kept
     * would be hundreds of megabytes of heap the server under test never held.
     */
    static LogCapture problemsOnly() {
        return new LogCapture(Logger.getLogger("io.lancers"), Level.WARNING);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Lines at WARNING or above: a server bug or an exception that got away. A tick thread falling
     * behind on this shared machine is load, not a fault, and is left out.
     */
    List<String> problems() {
        return lines.stream()
                .filter(line -> line.startsWith("WARNING ") || line.startsWith("SEVERE "))
                .filter(line -> !line.contains("TickScheduler") || !line.contains("behind schedule"))
                .toList();
    }

    /** The names of the threads that logged a line containing {@code text}. */
    List<String> threadsLogging(String text) {
        List<String> all = lines();
        return IntStream.range(0, all.size()).filter(i -> all.get(i).contains(text))
                .mapToObj(threads::get).toList();
    }

    boolean anyContains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        // The message as printed, parameters and thrown included, so nothing hides in them.
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            message = message + " " + Arrays.toString(parameters);
        }
        if (record.getThrown() != null) {
            message = message + " " + record.getThrown();
        }
        synchronized (lines) {
            threads.add(Thread.currentThread().getName());
            lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + message);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
