package io.lancers.server.log;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;

/** How log records are written: one line of text per record, or one JSON object per line. */
public enum LogFormat {
    /** {@code 2026-12-03 09:12:00 INFO io.lancers.server.GameServer: started ...} */
    TEXT,
    /** {@code {"time":"2026-12-03T09:12:00.123Z","level":"INFO","logger":"...","message":"..."}}: see {@link JsonLogFormatter}. */
    JSON;

    /** The JDK's property for {@code SimpleFormatter}'s layout; read once, when logging starts. */
    static final String SIMPLE_FORMAT = "java.util.logging.SimpleFormatter.format";
    /** One line per record (the JDK's default takes two): date, time, level, logger, message, stack trace. */
    static final String ONE_LINE = "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n";

    /**
     * Makes text logs one line per record, unless the user chose a layout ({@code -D}); call before logging starts.
     * {@link #install} then hands the lines to {@link TextLogFormatter}, which writes the same layout.
     */
    public static void oneLineText() {
        if (System.getProperty(SIMPLE_FORMAT) == null) {
            System.setProperty(SIMPLE_FORMAT, ONE_LINE);
        }
    }

    /**
     * Writes every record of the root logger's handlers (the console, stderr) in this format from now on: text
     * through {@link TextLogFormatter}, the same line as {@code SimpleFormatter}'s at less cost, unless the user
     * chose a layout of their own for {@code SimpleFormatter}.
     */
    public void install() {
        Formatter formatter;
        if (this == JSON) {
            formatter = new JsonLogFormatter();
        } else if (ONE_LINE.equals(System.getProperty(SIMPLE_FORMAT))) {
            formatter = new TextLogFormatter();
        } else {
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(formatter);
        }
    }
}
