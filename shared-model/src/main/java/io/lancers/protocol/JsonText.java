package io.lancers.protocol;

import com.google.gson.Gson;

import java.io.StringWriter;

/**
 * JSON text of a value, written by Gson through a {@link StringWriter}, the writer {@link ControlCodec} writes every
 * message through. Gson's own {@code toJson(Object)} writes through another {@code Writer} class, and a second class
 * at a JsonWriter's writes made C2 throw away the server's compiled JSON writing seconds into a match
 * (BENCHMARKS.md §3, issue 14 step 7). Everything the server writes as JSON in a match goes through here.
 */
public final class JsonText {
    private JsonText() {
    }

    /** {@code gson.toJson(value)}'s text. */
    public static String of(Gson gson, Object value) {
        StringWriter text = new StringWriter();
        gson.toJson(value, text);
        return text.toString();
    }
}
