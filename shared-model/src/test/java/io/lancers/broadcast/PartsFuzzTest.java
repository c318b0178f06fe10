package io.lancers.broadcast;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parts fetched over HTTP are input from anyone: damaged ones decode or fail with a format error, nothing else. */
class PartsFuzzTest {
    private static final RecordedMatch match = RecordedMatch.play(11, 200, 60);

    @Property(tries = 400)
    void damagedPartsDecodeOrFailClearly(@ForAll long seed) {
        Random random = new Random(seed);
        Fragment fragment = match.fragments.get(random.nextInt(match.fragments.size() - 1));
        byte[] full = fragment.full().encode();
        byte[] delta = fragment.delta().encode();
        byte[] damaged = random.nextBoolean() ? full : delta;
        if (random.nextInt(3) == 0) {
            damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
        } else {
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                int at = random.nextInt(4) == 0 ? random.nextInt(Math.min(40, damaged.length)) : random.nextInt(damaged.length);
                damaged[at] ^= (byte) (1 << random.nextInt(8));
            }
        }
        try {
            StreamCursor cursor = StreamCursor.start(FullPart.decode(damaged == full ? damaged : full));
            cursor.append(DeltaPart.decode(damaged == delta ? damaged : delta));
            cursor.advanceTo(cursor.endTick());
        } catch (BroadcastFormatException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }

    @Test
    void aPartOfTheWrongKindOrANewerVersionIsRefused() {
        byte[] delta = match.fragments.get(0).delta().encode();
        byte[] full = match.fragments.get(0).full().encode();
        assertMessage(assertThrows(BroadcastFormatException.class, () -> FullPart.decode(delta)), "not a Lancers full part");
        assertMessage(assertThrows(BroadcastFormatException.class, () -> DeltaPart.decode(full)), "not a Lancers delta part");
        full[4] = 9;
        assertMessage(assertThrows(BroadcastFormatException.class, () -> FullPart.decode(full)), "newer");
        assertMessage(assertThrows(BroadcastFormatException.class, () -> FullPart.decode(new byte[0])), "too short");
    }

    /**
     * Parts of format 1 (lancers.v2 frames, made before v5) are read as before: same layout, and their
     * frames are v5 frames (the page's fixtures recorded-parts-v1.json and recorded-frames-v2.json play
     * a real one). A reader of 1 meets 2 in the version byte and refuses it.
     */
    @Test
    void formatVersionOneIsStillReadAndVersionTwoIsWhatTheWriterMakes() throws BroadcastFormatException {
        Fragment fragment = match.fragments.get(0);
        byte[] full = fragment.full().encode();
        byte[] delta = fragment.delta().encode();
        assertEquals(2, full[4]);
        assertEquals(2, delta[4]);
        full[4] = 1;
        delta[4] = 1;
        assertEquals(fragment.full().tick(), FullPart.decode(full).tick());
        assertEquals(fragment.delta().toTick(), DeltaPart.decode(delta).toTick());
    }

    private static void assertMessage(BroadcastFormatException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
