package io.lancers.broadcast;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.JsonText;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The JSON of headers, control states and trailers: Gson on records, every failure a {@link BroadcastFormatException}. */
final class Json {
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setStrictness(Strictness.STRICT).create();

    private Json() {
    }

    static JsonElement tree(Object value) {
        return GSON.toJsonTree(value);
    }

    /** The value's JSON text ({@link JsonText}). */
    static String text(Object value) {
        return JsonText.of(GSON, value);
    }

    /** A tree's text exactly as {@link JsonElement#toString()} writes it (nulls kept), through a {@link StringWriter} as {@link JsonText}. */
    static String treeText(JsonElement tree) {
        StringWriter text = new StringWriter();
        JsonWriter out = new JsonWriter(text);
        out.setStrictness(Strictness.LENIENT);
        try {
            GSON.getAdapter(JsonElement.class).write(out, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return text.toString();
    }

    /**
     * Parses {@code json} into a {@code type} record whose constructor validates it; anything
     * wrong (syntax, missing members, values the record refuses) is a format error about {@code what}.
     */
    static <T> T parse(String json, Class<T> type, String what) throws BroadcastFormatException {
        return parse(syntax(json, what), type, what);
    }

    static <T> T parse(JsonElement json, Class<T> type, String what) throws BroadcastFormatException {
        try {
            T value = GSON.fromJson(json, type);
            if (value == null) {
                throw new BroadcastFormatException(what + ": empty JSON");
            }
            return value;
        } catch (RuntimeException e) {
            throw new BroadcastFormatException(what + ": bad JSON: " + rootMessage(e), e);
        }
    }

    /** A control message as a JSON tree: the very object players receive as text. */
    static JsonElement message(ServerMessage message) {
        return JsonParser.parseString(ControlCodec.encode(message));
    }

    static ServerMessage message(JsonElement json, String what) throws BroadcastFormatException {
        return message(json.toString(), what);
    }

    static ServerMessage message(String json, String what) throws BroadcastFormatException {
        try {
            return ControlCodec.decodeServer(json);
        } catch (ProtocolException e) {
            throw new BroadcastFormatException(what + ": bad control message: " + e.reason(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Syntax only. */
    static JsonElement syntax(String json, String what) throws BroadcastFormatException {
        try {
            return JsonParser.parseString(json);
        } catch (RuntimeException e) {
            throw new BroadcastFormatException(what + ": not JSON: " + rootMessage(e), e);
        }
    }
}
