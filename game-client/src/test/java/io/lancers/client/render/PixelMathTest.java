package io.lancers.client.render;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The packed arithmetic equals the same done channel by channel. */
class PixelMathTest {

    @Property
    void scaleRoundsEachChannel(@ForAll int p, @ForAll @IntRange(max = 255) int a) {
        for (int shift = 0; shift < 32; shift += 8) {
            int c = p >>> shift & 0xff;
            assertEquals(Math.round(c * a / 255.0), PixelMath.scale(p, a) >>> shift & 0xff);
        }
    }

    @Property
    void scaleChannelRoundsAsScaleDoes(@ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int a) {
        assertEquals(PixelMath.scale(c << 24, a) >>> 24, PixelMath.scaleChannel(c, a));
    }

    @Property
    void coverageIsTheNearestLevelClampedToTheRange(@ForAll @DoubleRange(min = -3, max = 3) double c) {
        assertEquals(c <= 0 ? 0 : c >= 1 ? 255 : Math.round(c * 255), PixelMath.coverage(c));
    }

    @Property
    void overIsSourceOverForPremultipliedColours(@ForAll @IntRange(max = 255) int sa, @ForAll int sc,
                                                 @ForAll int dst) {
        int src = sa << 24 | channelsAtMost(sc, sa);
        int dstPre = dst | 0xff000000;
        int out = PixelMath.over(src, dstPre);
        for (int shift = 0; shift < 32; shift += 8) {
            int s = src >>> shift & 0xff;
            int d = dstPre >>> shift & 0xff;
            assertEquals(s + Math.round(d * (255 - sa) / 255.0), out >>> shift & 0xff);
        }
    }

    @Property
    void lerpWeighsEachChannel(@ForAll int a, @ForAll int b, @ForAll @IntRange(max = 256) int w) {
        for (int shift = 0; shift < 32; shift += 8) {
            int ca = a >>> shift & 0xff;
            int cb = b >>> shift & 0xff;
            assertEquals((ca * (256 - w) + cb * w) >> 8, PixelMath.lerp(a, b, w) >>> shift & 0xff);
        }
    }

    /** Each colour channel of {@code c} brought under {@code alpha}, as a premultiplied colour has it. */
    private static int channelsAtMost(int c, int alpha) {
        int out = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            out |= Math.min(c >>> shift & 0xff, alpha) << shift;
        }
        return out;
    }
}
