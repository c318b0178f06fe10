package io.lancers.server.log;

/** How log records are written: the one place the text layout is defined, for server and client. */
public final class LogFormat {
    /** The JDK's property for {@code SimpleFormatter}'s layout; read once, when logging starts. */
    private static final String SIMPLE_FORMAT = "java.util.logging.SimpleFormatter.format";
    /** One line per record (the JDK's default takes two): date, time, level, logger, message, stack trace. */
    private static final String ONE_LINE = "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n";

    private LogFormat() {
    }

    /** Makes text logs one line per record, unless the user chose a layout ({@code -D}); call before logging starts. */
    public static void oneLineText() {
        if (System.getProperty(SIMPLE_FORMAT) == null) {
            System.setProperty(SIMPLE_FORMAT, ONE_LINE);
        }
    }
}
