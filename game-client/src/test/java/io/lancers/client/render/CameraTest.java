package io.lancers.client.render;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CameraTest {

    @Test
    void aShipInTheMiddleIsInTheMiddleOfTheScreen() {
        Camera cam = Camera.follow(800, 500, 1600, 1000, 1280, 720);
        assertEquals(640, cam.toScreenX(800), 1e-9);
        assertEquals(360, cam.toScreenY(500), 1e-9);
        assertEquals(720 / Camera.VIEW_HEIGHT, cam.scale(), 1e-9);
    }

    @Test
    void atTheCornerTheCameraStopsAtTheEdgeMargin() {
        Camera cam = Camera.follow(0, 0, 1600, 1000, 1280, 720);
        assertEquals(-Camera.EDGE_MARGIN, cam.toWorldX(0), 1e-9);
        assertEquals(-Camera.EDGE_MARGIN, cam.toWorldY(0), 1e-9);
    }

    @Test
    void anArenaSmallerThanTheViewIsCentred() {
        Camera cam = Camera.follow(10, 10, 300, 200, 1280, 720);
        assertEquals(150, cam.centerX(), 1e-9);
        assertEquals(100, cam.centerY(), 1e-9);
    }

    @Property
    void screenAndWorldAreInverse(@ForAll @DoubleRange(min = -100, max = 2000) double x,
                                  @ForAll @DoubleRange(min = -100, max = 2000) double y,
                                  @ForAll @DoubleRange(min = 200, max = 4000) double w,
                                  @ForAll @DoubleRange(min = 200, max = 2000) double h) {
        Camera cam = Camera.follow(x, y, 1600, 1000, w, h);
        assertEquals(x, cam.toWorldX(cam.toScreenX(x)), 1e-6);
        assertEquals(y, cam.toWorldY(cam.toScreenY(y)), 1e-6);
        assertTrue(cam.sees(cam.centerX(), cam.centerY(), 0));
    }
}
