package io.lancers.sim;

import io.lancers.map.Wall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeometryTest {

    @Test
    void segmentRectReportsTheEntryPoint() {
        assertEquals(0.25f, Geometry.segmentRect(0, 5, 40, 5, 10, 0, 20, 10));
        assertEquals(0.25f, Geometry.segmentRect(40, 5, 0, 5, 10, 0, 30, 10), "from the other side");
        assertEquals(0f, Geometry.segmentRect(15, 5, 40, 5, 10, 0, 20, 10), "starting inside");
        assertEquals(Geometry.MISS, Geometry.segmentRect(0, 5, 9, 5, 10, 0, 20, 10), "stops short");
        assertEquals(Geometry.MISS, Geometry.segmentRect(0, 11, 40, 11, 10, 0, 20, 10), "passes above");
        assertEquals(Geometry.MISS, Geometry.segmentRect(0, 0, 30, 30, 20, 0, 30, 5), "diagonal misses a corner");
    }

    @Test
    void segmentCircleReportsTheFirstContact() {
        assertEquals(0.4f, Geometry.segmentCircle(0, 0, 100, 0, 50, 0, 10), 1e-6f);
        assertEquals(0f, Geometry.segmentCircle(45, 0, 100, 0, 50, 0, 10), "starting inside");
        assertEquals(Geometry.MISS, Geometry.segmentCircle(0, 11, 100, 11, 50, 0, 10), "passes by");
        assertEquals(Geometry.MISS, Geometry.segmentCircle(0, 0, 30, 0, 50, 0, 10), "stops short");
        assertEquals(Geometry.MISS, Geometry.segmentCircle(70, 0, 100, 0, 50, 0, 10), "moving away");
    }

    @Test
    void segmentLeavesArenaAtTheBorder() {
        assertEquals(Geometry.MISS, Geometry.segmentLeavesArena(10, 10, 90, 90, 100, 100));
        assertEquals(0.5f, Geometry.segmentLeavesArena(80, 50, 120, 50, 100, 100));
        assertEquals(0.5f, Geometry.segmentLeavesArena(50, 20, 50, -20, 100, 100));
    }

    @Test
    void segmentWallsAndCircleOverlap() {
        Wall wall = new Wall(40, 0, 20, 50);
        assertEquals(0.4f, Geometry.segmentWalls(List.of(wall), 0, 10, 100, 10, 0), 1e-6f);
        assertEquals(0.3f, Geometry.segmentWalls(List.of(wall), 0, 10, 100, 10, 10), 1e-6f);
        assertTrue(Geometry.circleOverlapsWall(35, 10, 6, wall));
        assertFalse(Geometry.circleOverlapsWall(30, 10, 10, wall), "touching is not overlapping");
        assertFalse(Geometry.circleOverlapsWall(30, 60, 10, wall));
    }
}
