package io.lancers.server.log;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextLogFormatterTest {
    private static final String NL = System.lineSeparator();

    private final TextLogFormatter formatter = new TextLogFormatter(ZoneId.of("Europe/Berlin"));

    @Test
    void aRecordIsOneLineOfTimeLevelLoggerAndMessage() {
        assertEquals("2026-12-03 10:12:00 WARNING io.lancers.server.match.Match: player Ann said {hi} 3" + NL,
                formatter.format(record("2026-12-03T09:12:00.999Z", Level.WARNING, "player {0} said '{hi}' {1}",
                        "Ann", 3)));
    }

    @Test
    void theTimeFollowsTheRecordsSecondsWhicheverOrderTheyComeIn() {
        assertTrue(formatter.format(record("2026-12-03T09:12:00.100Z", Level.INFO, "a")).startsWith("2026-12-03 10:12:00 "));
        assertTrue(formatter.format(record("2026-12-03T09:12:00.900Z", Level.INFO, "b")).startsWith("2026-12-03 10:12:00 "));
        assertTrue(formatter.format(record("2026-12-03T09:12:01.000Z", Level.INFO, "c")).startsWith("2026-12-03 10:12:01 "));
        assertTrue(formatter.format(record("2026-12-03T09:11:59.999Z", Level.INFO, "d")).startsWith("2026-12-03 10:11:59 "));
        assertTrue(formatter.format(record("2026-07-01T22:30:00Z", Level.INFO, "summer")).startsWith("2026-07-02 00:30:00 "));
    }

    @Test
    void aThrownExceptionFollowsOnTheLinesAfterTheMessage() {
        LogRecord record = record("2026-12-03T09:12:00Z", Level.SEVERE, "join failed");
        record.setThrown(new IOException("socket gone", new IllegalStateException("cause")));
        String text = formatter.format(record);
        assertTrue(text.startsWith("2026-12-03 10:12:00 SEVERE io.lancers.server.match.Match: join failed" + NL
                + "java.io.IOException: socket gone" + NL + "\tat io.lancers.server.log.TextLogFormatterTest."), text);
        assertTrue(text.contains("Caused by: java.lang.IllegalStateException: cause"), text);
    }

    /** What the text log looked like through SimpleFormatter and LogFormat's layout, to the character. */
    @Test
    void theLinesAreSimpleFormattersWithTheOneLineLayout() {
        String before = System.getProperty(LogFormat.SIMPLE_FORMAT);
        System.setProperty(LogFormat.SIMPLE_FORMAT, LogFormat.ONE_LINE);
        SimpleFormatter simple;
        try {
            simple = new SimpleFormatter();
        } finally {
            if (before == null) {
                System.clearProperty(LogFormat.SIMPLE_FORMAT);
            } else {
                System.setProperty(LogFormat.SIMPLE_FORMAT, before);
            }
        }
        TextLogFormatter text = new TextLogFormatter();
        LogRecord plain = record("2026-12-03T09:12:00.500Z", Level.INFO, "m1: spectator joined on {0}", "c17");
        LogRecord thrown = record("2026-12-03T23:59:59.999Z", Level.SEVERE, "tick failed");
        thrown.setThrown(new IllegalStateException("boom"));
        assertEquals(simple.format(plain), text.format(plain));
        assertEquals(simple.format(thrown), text.format(thrown));
    }

    private static LogRecord record(String instant, Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("io.lancers.server.match.Match");
        record.setInstant(Instant.parse(instant));
        record.setParameters(parameters.length == 0 ? null : parameters);
        return record;
    }
}
