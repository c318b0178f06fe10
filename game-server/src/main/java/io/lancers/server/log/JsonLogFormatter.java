package io.lancers.server.log;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line, for log shippers: {@code time} (ISO-8601, UTC), {@code level},
 * {@code logger}, {@code message} (parameters filled in) and, when there is one, {@code thrown}
 * (the stack trace). Newlines inside values are escaped, so a record never spans lines.
 */
public final class JsonLogFormatter extends Formatter {
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    @Override
    public String format(LogRecord record) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        line.put("message", formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("thrown", trace.toString());
        }
        return gson.toJson(line) + System.lineSeparator();
    }
}
