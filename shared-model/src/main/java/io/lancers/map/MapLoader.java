package io.lancers.map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.lancers.sim.Geometry;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import io.lancers.sim.Team;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads maps from JSON (format: {@code docs/MAPS.md}) and checks that they are playable. The
 * built-in maps live in the {@code assets} module under {@code io/lancers/assets/maps/}.
 */
public final class MapLoader {
    private static final String RESOURCE_DIR = "/io/lancers/assets/maps/";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** Smallest arena side: room for a few ships. */
    private static final float MIN_SIDE = 200f;
    /** Pickup ids travel as one byte. */
    private static final int MAX_PICKUPS = 255;

    private MapLoader() {
    }

    /** The built-in map ids in catalogue order; the first is the default. */
    public static List<String> builtInIds() {
        JsonObject index = readResource("index.json").getAsJsonObject();
        JsonArray maps = array(index, "maps", "index.json");
        List<String> ids = new ArrayList<>(maps.size());
        for (JsonElement e : maps) {
            ids.add(e.getAsString());
        }
        return List.copyOf(ids);
    }

    /**
     * Loads and validates a built-in map.
     *
     * @throws IllegalArgumentException if there is no such map or it is invalid
     */
    public static ArenaMap load(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid map id '" + id + "': lower-case letters, digits and '-'");
        }
        InputStream in = MapLoader.class.getResourceAsStream(RESOURCE_DIR + id + ".json");
        if (in == null) {
            throw new IllegalArgumentException("unknown map '" + id + "' (built in: " + String.join(", ", builtInIds())
                    + ")");
        }
        ArenaMap map;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            map = parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read map " + id, e);
        }
        if (!map.id().equals(id)) {
            throw new IllegalArgumentException("map file " + id + ".json declares id '" + map.id() + "'");
        }
        return map;
    }

    /**
     * Parses and validates a map.
     *
     * @throws IllegalArgumentException naming the first problem found
     */
    public static ArenaMap parse(Reader json) {
        JsonElement root;
        try {
            root = JsonParser.parseReader(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("map is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("map must be a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        String id = string(o, "id", "map");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("map id '" + id + "' must be 1-32 lower-case letters, digits or '-'");
        }
        String name = string(o, "name", "map");
        float width = number(o, "width", "map");
        float height = number(o, "height", "map");
        if (width < MIN_SIDE || width > Rules.MAX_COORDINATE || height < MIN_SIDE || height > Rules.MAX_COORDINATE) {
            throw new IllegalArgumentException("map size " + width + "x" + height + " must be within " + MIN_SIDE
                    + ".." + Rules.MAX_COORDINATE + " on each side");
        }

        List<Wall> walls = new ArrayList<>();
        JsonArray wallArray = array(o, "walls", "map");
        for (int i = 0; i < wallArray.size(); i++) {
            String what = "wall " + i;
            JsonObject w = object(wallArray.get(i), what);
            Wall wall = new Wall(number(w, "x", what), number(w, "y", what), number(w, "width", what),
                    number(w, "height", what));
            if (wall.width() <= 0 || wall.height() <= 0) {
                throw new IllegalArgumentException(what + " must have a positive width and height: " + wall);
            }
            if (wall.x() < 0 || wall.y() < 0 || wall.x() + wall.width() > width || wall.y() + wall.height() > height) {
                throw new IllegalArgumentException(what + " is not inside the " + width + "x" + height + " arena: "
                        + wall);
            }
            walls.add(wall);
        }

        List<SpawnPoint> spawns = new ArrayList<>();
        JsonArray spawnArray = array(o, "spawns", "map");
        for (int i = 0; i < spawnArray.size(); i++) {
            String what = "spawn " + i;
            JsonObject s = object(spawnArray.get(i), what);
            SpawnPoint spawn = new SpawnPoint(number(s, "x", what), number(s, "y", what), team(s, what));
            checkPlace(what, spawn.x(), spawn.y(), Rules.SHIP_RADIUS, width, height, walls);
            spawns.add(spawn);
        }
        if (spawns.size() < 2) {
            throw new IllegalArgumentException("map needs at least 2 spawns, has " + spawns.size());
        }
        checkTeamSpawns(spawns);

        List<PickupSpot> pickups = new ArrayList<>();
        JsonArray pickupArray = array(o, "pickups", "map");
        for (int i = 0; i < pickupArray.size(); i++) {
            String what = "pickup " + i;
            JsonObject p = object(pickupArray.get(i), what);
            PickupSpot spot = new PickupSpot(number(p, "x", what), number(p, "y", what), kind(p, what));
            checkPlace(what, spot.x(), spot.y(), Rules.PICKUP_RADIUS, width, height, walls);
            pickups.add(spot);
        }
        if (pickups.size() > MAX_PICKUPS) {
            throw new IllegalArgumentException("map has " + pickups.size() + " pickups, at most " + MAX_PICKUPS
                    + " fit the wire");
        }
        return new ArenaMap(id, name, width, height, walls, spawns, pickups);
    }

    /** A circle of {@code radius} at (x, y) must lie inside the arena and clear of every wall. */
    private static void checkPlace(String what, float x, float y, float radius, float width, float height,
                                   List<Wall> walls) {
        if (x < radius || y < radius || x > width - radius || y > height - radius) {
            throw new IllegalArgumentException(what + " at (" + x + ", " + y + ") is not inside the " + width + "x"
                    + height + " arena with a margin of " + radius);
        }
        for (int w = 0; w < walls.size(); w++) {
            if (Geometry.circleOverlapsWall(x, y, radius, walls.get(w))) {
                throw new IllegalArgumentException(what + " at (" + x + ", " + y + ") is inside wall " + w + " "
                        + walls.get(w));
            }
        }
    }

    /** Tagged spawns are a team map's sides: each team needs two, so a dead ship never waits for its only one. */
    private static void checkTeamSpawns(List<SpawnPoint> spawns) {
        long red = spawns.stream().filter(s -> s.team() == Team.RED).count();
        long blue = spawns.stream().filter(s -> s.team() == Team.BLUE).count();
        if ((red > 0 || blue > 0) && (red < 2 || blue < 2)) {
            throw new IllegalArgumentException("a map with team spawns needs at least 2 for each team, has " + red
                    + " red and " + blue + " blue");
        }
    }

    /** A spawn's optional {@code "team"}: {@code "red"} or {@code "blue"}; absent: anybody's. */
    private static Team team(JsonObject o, String what) {
        JsonElement e = o.get("team");
        if (e == null || e.isJsonNull()) {
            return Team.NONE;
        }
        String team = e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : e.toString();
        return switch (team) {
            case "red" -> Team.RED;
            case "blue" -> Team.BLUE;
            default -> throw new IllegalArgumentException(what + " has unknown team '" + team + "' (known: red, blue)");
        };
    }

    private static PickupKind kind(JsonObject o, String what) {
        String kind = string(o, "kind", what);
        for (PickupKind k : PickupKind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(kind)) {
                return k;
            }
        }
        List<String> known = new ArrayList<>();
        for (PickupKind k : PickupKind.values()) {
            known.add(k.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(what + " has unknown kind '" + kind + "' (known: " + String.join(", ", known)
                + ")");
    }

    private static JsonElement readResource(String file) {
        InputStream in = MapLoader.class.getResourceAsStream(RESOURCE_DIR + file);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE_DIR + file + " (assets module)");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_DIR + file, e);
        }
    }

    private static JsonElement field(JsonObject o, String name, String what) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(what + " is missing \"" + name + "\"");
        }
        return e;
    }

    private static String string(JsonObject o, String name, String what) {
        JsonElement e = field(o, name, what);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            throw new IllegalArgumentException(what + ": \"" + name + "\" must be a non-empty string");
        }
        return e.getAsString();
    }

    private static float number(JsonObject o, String name, String what) {
        JsonElement e = field(o, name, what);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || !Float.isFinite(e.getAsFloat())) {
            throw new IllegalArgumentException(what + ": \"" + name + "\" must be a number, was " + e);
        }
        return e.getAsFloat();
    }

    private static JsonArray array(JsonObject o, String name, String what) {
        JsonElement e = field(o, name, what);
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(what + ": \"" + name + "\" must be an array");
        }
        return e.getAsJsonArray();
    }

    private static JsonObject object(JsonElement e, String what) {
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(what + " must be an object, was " + e);
        }
        return e.getAsJsonObject();
    }
}
