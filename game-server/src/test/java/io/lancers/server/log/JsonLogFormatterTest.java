package io.lancers.server.log;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLogFormatterTest {
    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @Test
    void aRecordIsOneObjectOnOneLine() {
        LogRecord record = new LogRecord(Level.WARNING, "player {0} said \"hi\"\nand <left> & {1}");
        record.setParameters(new Object[] {"Ann", 3});
        record.setLoggerName("io.lancers.server.match.Match");
        record.setInstant(Instant.parse("2026-12-03T09:12:00.123Z"));
        String line = formatter.format(record);

        assertTrue(line.endsWith(System.lineSeparator()));
        String body = line.substring(0, line.length() - System.lineSeparator().length());
        assertFalse(body.contains("\n") || body.contains("\r"), body);
        JsonObject json = JsonParser.parseString(body).getAsJsonObject();
        assertEquals("2026-12-03T09:12:00.123Z", json.get("time").getAsString());
        assertEquals("WARNING", json.get("level").getAsString());
        assertEquals("io.lancers.server.match.Match", json.get("logger").getAsString());
        assertEquals("player Ann said \"hi\"\nand <left> & 3", json.get("message").getAsString());
        assertFalse(json.has("thrown"));
        assertEquals(4, json.size());
    }

    @Test
    void aThrownExceptionComesWithItsStackTrace() {
        LogRecord record = new LogRecord(Level.SEVERE, "join failed");
        record.setLoggerName("x");
        record.setThrown(new IOException("socket gone", new IllegalStateException("cause")));
        String body = formatter.format(record).strip();
        assertFalse(body.contains("\n"), body);
        String thrown = JsonParser.parseString(body).getAsJsonObject().get("thrown").getAsString();
        assertTrue(thrown.startsWith("java.io.IOException: socket gone"), thrown);
        assertTrue(thrown.contains("at io.lancers.server.log.JsonLogFormatterTest."), thrown);
        assertTrue(thrown.contains("Caused by: java.lang.IllegalStateException: cause"), thrown);
    }
}
