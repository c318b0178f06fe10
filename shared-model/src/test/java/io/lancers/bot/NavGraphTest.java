package io.lancers.bot;

import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import io.lancers.map.SpawnPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NavGraphTest {

    static List<String> maps() {
        return MapLoader.builtInIds();
    }

    @Test
    void aGoalInClearViewIsFlownAtDirectly() {
        NavGraph nav = new NavGraph(MapLoader.load("foundry"));
        assertArrayEquals(new float[] {60, 200}, nav.nextWaypoint(60, 60, 60, 200));
    }

    @Test
    void aWallInTheWayIsGoneAroundByItsCorner() {
        ArenaMap foundry = MapLoader.load("foundry");
        NavGraph nav = new NavGraph(foundry);
        // From left of the east side pillar (x 1410..1450, y 430..570) to right of it.
        assertFalse(nav.clear(1380, 500, 1500, 500));
        float[] first = nav.nextWaypoint(1380, 500, 1500, 500);
        assertNotNull(first);
        assertTrue(nav.clear(1380, 500, first[0], first[1]));
        assertTrue(first[1] < 430 || first[1] > 570, "a corner point above or below: " + first[1]);
    }

    /** Hopping from waypoint to waypoint leads from every spawn to every other spawn and every pickup. */
    @ParameterizedTest
    @MethodSource("maps")
    void everySpawnReachesEveryOtherAndEveryPickup(String mapId) {
        ArenaMap map = MapLoader.load(mapId);
        NavGraph nav = new NavGraph(map);
        List<float[]> goals = new ArrayList<>();
        map.spawns().forEach(s -> goals.add(new float[] {s.x(), s.y()}));
        map.pickups().forEach(p -> goals.add(new float[] {p.x(), p.y()}));
        for (SpawnPoint from : map.spawns()) {
            for (float[] to : goals) {
                String way = mapId + ": from " + from + " to (" + to[0] + ", " + to[1] + ")";
                float x = from.x();
                float y = from.y();
                int hops = 0;
                while (x != to[0] || y != to[1]) {
                    float[] next = nav.nextWaypoint(x, y, to[0], to[1]);
                    assertNotNull(next, way + ": no way on from (" + x + ", " + y + ")");
                    assertTrue(nav.clear(x, y, next[0], next[1]), way + ": a leg through a wall");
                    x = next[0];
                    y = next[1];
                    assertTrue(++hops < 20, way + ": going round in circles");
                }
            }
        }
    }
}
