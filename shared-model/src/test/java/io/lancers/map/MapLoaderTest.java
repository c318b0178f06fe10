package io.lancers.map;

import io.lancers.sim.Geometry;
import io.lancers.sim.PickupKind;
import io.lancers.sim.Rules;
import io.lancers.sim.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapLoaderTest {

    static List<String> builtInIds() {
        return MapLoader.builtInIds();
    }

    @Test
    void catalogueListsAtLeastTwoMapsFoundryFirst() {
        List<String> ids = MapLoader.builtInIds();
        assertTrue(ids.size() >= 2, ids.toString());
        assertEquals("foundry", ids.get(0));
        assertTrue(ids.contains("crossfire"));
    }

    @ParameterizedTest
    @MethodSource("builtInIds")
    void everyBuiltInMapLoadsAndIsPlayable(String id) {
        ArenaMap map = MapLoader.load(id);
        assertEquals(id, map.id());
        assertFalse(map.name().isBlank());
        assertTrue(map.spawns().size() >= 8, "spawns: " + map.spawns().size());
        assertTrue(map.pickups().stream().anyMatch(p -> p.kind() == PickupKind.HEALTH));
        assertTrue(map.pickups().stream().anyMatch(p -> p.kind() == PickupKind.POWER));
        assertTrue(map.walls().size() >= 8, "walls give cover");
    }

    @ParameterizedTest
    @MethodSource("builtInIds")
    void noTwoSpawnsOfABuiltInMapSeeEachOther(String id) {
        ArenaMap map = MapLoader.load(id);
        List<SpawnPoint> spawns = map.spawns();
        for (int i = 0; i < spawns.size(); i++) {
            for (int j = i + 1; j < spawns.size(); j++) {
                SpawnPoint a = spawns.get(i);
                SpawnPoint b = spawns.get(j);
                assertTrue(Geometry.segmentWalls(map.walls(), a.x(), a.y(), b.x(), b.y(), 0f) != Geometry.MISS,
                        id + ": spawns " + a + " and " + b + " are in each other's line of fire");
            }
        }
    }

    /** Walls either touch or leave a gap a ship passes with room to spare: no slits to get wedged in. */
    @ParameterizedTest
    @MethodSource("builtInIds")
    void passagesOfABuiltInMapFitAShip(String id) {
        ArenaMap map = MapLoader.load(id);
        float minGap = 2 * Rules.SHIP_RADIUS + 8;
        List<Wall> walls = map.walls();
        for (int i = 0; i < walls.size(); i++) {
            Wall a = walls.get(i);
            for (int j = i + 1; j < walls.size(); j++) {
                Wall b = walls.get(j);
                float dx = Math.max(0, Math.max(b.x() - (a.x() + a.width()), a.x() - (b.x() + b.width())));
                float dy = Math.max(0, Math.max(b.y() - (a.y() + a.height()), a.y() - (b.y() + b.height())));
                double gap = Math.hypot(dx, dy);
                assertTrue(gap == 0 || gap >= minGap, id + ": a " + gap + " gap between " + a + " and " + b);
            }
            for (float gap : new float[] {a.x(), a.y(), map.width() - a.x() - a.width(),
                    map.height() - a.y() - a.height()}) {
                assertTrue(gap == 0 || gap >= minGap, id + ": a " + gap + " gap between " + a + " and the border");
            }
        }
    }

    @Test
    void unknownMapIsRejectedWithTheCatalogue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MapLoader.load("atlantis"));
        assertTrue(e.getMessage().contains("unknown map 'atlantis'") && e.getMessage().contains("foundry"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MapLoader.load("../index"));
    }

    @Test
    void parsesTheDocumentedFormat() {
        ArenaMap map = MapLoader.parse(new StringReader(json("{\"x\": 10, \"y\": 20, \"width\": 30, \"height\": 40}",
                "{\"x\": 100, \"y\": 100}, {\"x\": 300, \"y\": 300}", "{\"x\": 200, \"y\": 200, \"kind\": \"power\"}")));
        assertEquals(new ArenaMap("tiny", "Tiny", 400, 400, List.of(new Wall(10, 20, 30, 40)),
                List.of(new SpawnPoint(100, 100), new SpawnPoint(300, 300)),
                List.of(new PickupSpot(200, 200, PickupKind.POWER))), map);
    }

    @Test
    void spawnsMayBeTaggedForATeam() {
        ArenaMap map = MapLoader.parse(new StringReader(json("", "{\"x\": 100, \"y\": 100, \"team\": \"red\"}, "
                + "{\"x\": 100, \"y\": 300, \"team\": \"red\"}, {\"x\": 300, \"y\": 100, \"team\": \"blue\"}, "
                + "{\"x\": 300, \"y\": 300, \"team\": \"blue\"}, {\"x\": 200, \"y\": 200}", "")));
        assertEquals(List.of(Team.RED, Team.RED, Team.BLUE, Team.BLUE, Team.NONE),
                map.spawns().stream().map(SpawnPoint::team).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wall outside     | {\"x\": 390, \"y\": 0, \"width\": 20, \"height\": 10} | {\"x\": 100, \"y\": 100}, {\"x\": 300, \"y\": 300} | | wall 0 is not inside the 400.0x400.0 arena",
        "empty wall       | {\"x\": 10, \"y\": 10, \"width\": 0, \"height\": 10} | {\"x\": 100, \"y\": 100}, {\"x\": 300, \"y\": 300} | | wall 0 must have a positive width",
        "one spawn        | | {\"x\": 100, \"y\": 100} | | at least 2 spawns",
        "spawn in wall    | {\"x\": 90, \"y\": 90, \"width\": 50, \"height\": 50} | {\"x\": 100, \"y\": 100}, {\"x\": 300, \"y\": 300} | | spawn 0 at (100.0, 100.0) is inside wall 0",
        "spawn outside    | | {\"x\": 100, \"y\": 100}, {\"x\": 395, \"y\": 300} | | spawn 1 at (395.0, 300.0) is not inside",
        "unknown kind     | | {\"x\": 100, \"y\": 100}, {\"x\": 300, \"y\": 300} | {\"x\": 200, \"y\": 200, \"kind\": \"ammo\"} | pickup 0 has unknown kind 'ammo' (known: health, power, lance)",
        "upper-case kind  | | {\"x\": 100, \"y\": 100}, {\"x\": 300, \"y\": 300} | {\"x\": 200, \"y\": 200, \"kind\": \"HEALTH\"} | unknown kind 'HEALTH'",
        "missing y        | | {\"x\": 100}, {\"x\": 300, \"y\": 300} | | spawn 0 is missing \"y\"",
        "text for number  | | {\"x\": \"a\", \"y\": 100}, {\"x\": 300, \"y\": 300} | | spawn 0: \"x\" must be a number",
        "unknown team     | | {\"x\": 100, \"y\": 100, \"team\": \"green\"}, {\"x\": 300, \"y\": 300} | | spawn 0 has unknown team 'green' (known: red, blue)",
        "one-sided teams  | | {\"x\": 100, \"y\": 100, \"team\": \"red\"}, {\"x\": 300, \"y\": 300, \"team\": \"red\"} | | at least 2 for each team, has 2 red and 0 blue",
        "one blue spawn   | | {\"x\": 100, \"y\": 100, \"team\": \"red\"}, {\"x\": 100, \"y\": 300, \"team\": \"red\"}, {\"x\": 300, \"y\": 300, \"team\": \"blue\"} | | has 2 red and 1 blue",
    })
    void badMapsAreRejectedWithAClearMessage(String name, String walls, String spawns, String pickups,
                                             String expected) {
        String json = json(walls == null ? "" : walls, spawns, pickups == null ? "" : pickups);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MapLoader.parse(new StringReader(json)));
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
    }

    @Test
    void malformedJsonAndWrongShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MapLoader.parse(new StringReader("{\"id\": ")));
        assertThrows(IllegalArgumentException.class, () -> MapLoader.parse(new StringReader("[]")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MapLoader.parse(new StringReader("{\"id\": \"x\", \"name\": \"X\", \"width\": 9000,"
                        + " \"height\": 400, \"walls\": [], \"spawns\": [], \"pickups\": []}")));
        assertTrue(e.getMessage().contains("map size"), e.getMessage());
        String manyPickups = String.join(", ", Collections.nCopies(256,
                "{\"x\": 200, \"y\": 200, \"kind\": \"health\"}"));
        e = assertThrows(IllegalArgumentException.class, () -> MapLoader.parse(new StringReader(
                json("", "{\"x\": 100, \"y\": 100}, {\"x\": 300, \"y\": 300}", manyPickups))));
        assertTrue(e.getMessage().contains("256 pickups"), e.getMessage());
    }

    private static String json(String walls, String spawns, String pickups) {
        return "{\"id\": \"tiny\", \"name\": \"Tiny\", \"width\": 400, \"height\": 400, \"walls\": [" + walls
                + "], \"spawns\": [" + spawns + "], \"pickups\": [" + pickups + "]}";
    }
}
