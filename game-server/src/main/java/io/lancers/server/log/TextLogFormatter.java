package io.lancers.server.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record, {@code 2026-12-03 09:12:00 INFO io.lancers.server.match.Match: message} in the
 * server's time zone, then the stack trace on the lines after it when there is one: the layout
 * {@link LogFormat#TEXT} had through {@code SimpleFormatter}, written out by hand. {@code SimpleFormatter} runs
 * {@code String.format} on every record and first walks the stack for the caller, which the layout does not
 * even show; a thousand spectators joining log four thousand lines, and C2 compiled that formatting while the
 * server was busiest (BENCHMARKS.md §3, issue 14 step 6). The date and time are formatted once a second.
 */
public final class TextLogFormatter extends Formatter {
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final ZoneId zone;
    /** The last second formatted; replaced whole, so threads formatting at once never see half of one. */
    private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

    private record Stamp(long epochSecond, String text) {
    }

    public TextLogFormatter() {
        this(ZoneId.systemDefault());
    }

    TextLogFormatter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(stamp(record.getInstant().getEpochSecond())).append(' ')
                .append(record.getLevel().getLocalizedName()).append(' ')
                .append(record.getLoggerName()).append(": ")
                .append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            PrintWriter out = new PrintWriter(trace);
            out.println();
            record.getThrown().printStackTrace(out);
            out.close();
            line.append(trace);
        }
        return line.append(System.lineSeparator()).toString();
    }

    private String stamp(long epochSecond) {
        Stamp stamp = last;
        if (stamp.epochSecond() != epochSecond) {
            stamp = new Stamp(epochSecond, SECOND.format(Instant.ofEpochSecond(epochSecond).atZone(zone)));
            last = stamp;
        }
        return stamp.text();
    }
}
