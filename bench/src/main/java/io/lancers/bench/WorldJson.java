package io.lancers.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializer;
import io.lancers.sim.GameEvent;
import io.lancers.sim.World;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link World} as one line of JSON, written by Gson from the records themselves: the "naive JSON
 * full snapshot" the bandwidth comparison measures, and the per-tick export other encoders
 * (Colyseus-, Nakama- or Quake-style) can be compared on. One object per tick:
 * <pre>
 * {"tick":int,
 *  "match":{"phase":"PLAYING|INTERMISSION|…","phaseEndTick":int,"killLimit":int,"seed":long,
 *           "nextProjectileId":int,"round":int},
 *  "ships":[{"id","x","y","vx","vy","aim","health","respawnTick","invulnerableUntil","powerUntil",
 *            "lastFireTick","kills","deaths","lastInputSeq"}…],          sorted by id
 *  "projectiles":[{"id","ownerId","x0","y0","vx","vy","spawnTick","damage"}…],  sorted by id
 *  "pickups":[{"id","kind":"HEALTH|…","x","y","availableAt"}…],             sorted by id
 *  "events":[{"type":"hit","targetId","shooterId","damage"} | {"type":"kill","killerId","victimId"}
 *            | {"type":"pickupTaken","shipId","pickupId","kind"} | {"type":"spawn","shipId"}…]}
 * </pre>
 * Field meanings are those of the records' Javadoc ({@code io.lancers.sim}); positions and
 * velocities are world units (per second), angles radians. Every value is on the
 * {@link io.lancers.sim.Quantum} grid, so reading a line back gives an equal world.
 */
public final class WorldJson {
    private static final String TYPE = "type";
    private static final Map<String, Class<? extends GameEvent>> EVENT_TYPES = Map.of(
            "hit", GameEvent.Hit.class,
            "kill", GameEvent.Kill.class,
            "pickupTaken", GameEvent.PickupTaken.class,
            "spawn", GameEvent.Spawn.class);

    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(GameEvent.class, (JsonSerializer<GameEvent>) (event, type, context) -> {
                JsonObject json = new JsonObject();
                json.addProperty(TYPE, typeName(event.getClass()));
                context.serialize(event, event.getClass()).getAsJsonObject().entrySet()
                        .forEach(e -> json.add(e.getKey(), e.getValue()));
                return json;
            })
            .registerTypeAdapter(GameEvent.class, (JsonDeserializer<GameEvent>) (json, type, context) -> {
                JsonElement name = json.getAsJsonObject().get(TYPE);
                Class<? extends GameEvent> eventType = name == null ? null : EVENT_TYPES.get(name.getAsString());
                if (eventType == null) {
                    throw new JsonParseException("unknown event " + json);
                }
                return context.deserialize(json, eventType);
            })
            .create();

    private WorldJson() {
    }

    public static String toJson(World world) {
        return GSON.toJson(world);
    }

    public static World fromJson(String line) {
        return GSON.fromJson(line, World.class);
    }

    /** Writes one line per world. */
    public static void writeLines(Iterable<World> worlds, Writer out) throws IOException {
        for (World world : worlds) {
            out.write(toJson(world));
            out.write('\n');
        }
    }

    /** Reads worlds written by {@link #writeLines}, skipping blank lines. */
    static List<World> readLines(BufferedReader in) throws IOException {
        List<World> worlds = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                worlds.add(fromJson(line));
            }
        }
        return worlds;
    }

    private static String typeName(Class<?> eventType) {
        for (Map.Entry<String, Class<? extends GameEvent>> e : EVENT_TYPES.entrySet()) {
            if (e.getValue() == eventType) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("no JSON name for " + eventType);
    }
}
