package io.lancers.broadcast;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.MatchConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTest {

    /** A full part's control JSON is written through a StringWriter now: the same text as JsonElement.toString(). */
    @Test
    void treeTextIsWhatToStringWrites() {
        JsonObject tree = new JsonObject();
        tree.add("roster", JsonNull.INSTANCE);
        tree.addProperty("name", "O'Neil & <Co> \"é\" \u2028 \u0001");
        tree.addProperty("big", 12345678901234L);
        tree.addProperty("half", 0.5);
        JsonArray recent = new JsonArray();
        recent.add(JsonNull.INSTANCE);
        recent.add(new JsonPrimitive(true));
        recent.add(new JsonObject());
        tree.add("recent", recent);
        for (JsonElement element : new JsonElement[] {tree, recent, JsonNull.INSTANCE, new JsonPrimitive("x")}) {
            assertEquals(element.toString(), Json.treeText(element));
        }
    }

    /** Written through a StringWriter: the same text as Gson's toJson(Object). */
    @Test
    void textIsWhatGsonWrites() {
        StreamInfo info = new StreamInfo(ProtocolVersion.SUBPROTOCOL, "m1", "foundry", 60, 120,
                ServerMessage.Rules.of(MatchConfig.defaults()));
        assertEquals(Json.GSON.toJson(info), Json.text(info));
    }
}
