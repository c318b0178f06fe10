package io.lancers.broadcast;

import io.lancers.protocol.ServerMessage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamCursorTest {

    /** Through bytes, as a viewer gets them: the full and delta parts encoded, then decoded. */
    private static Fragment overTheWire(Fragment fragment) throws BroadcastFormatException {
        return new Fragment(FullPart.decode(fragment.full().encode()), DeltaPart.decode(fragment.delta().encode()));
    }

    @Property(tries = 8)
    void fragmentsOfAMatchDecodeToExactlyItsWorldsAtEveryTick(@ForAll long seed,
                                                              @ForAll @IntRange(min = 1, max = 200) int fragmentTicks)
            throws BroadcastFormatException {
        RecordedMatch match = RecordedMatch.play(seed, 600, fragmentTicks);
        List<Fragment> fragments = new ArrayList<>();
        for (Fragment fragment : match.fragments) {
            Fragment decoded = overTheWire(fragment);
            assertEquals(fragment, decoded);
            fragments.add(decoded);
        }
        StreamCursor cursor = StreamCursor.start(fragments.get(0).full());
        assertEquals(match.worlds.get(cursor.tick()), cursor.world());
        for (Fragment fragment : fragments) {
            cursor.append(fragment.delta());
            assertEquals(match.controls.get(cursor.tick()), cursor.control(), "tick " + cursor.tick());
            while (cursor.step()) {
                assertEquals(match.worlds.get(cursor.tick()), cursor.world(), "tick " + cursor.tick());
                assertControlAsOfItsTick(match, cursor);
            }
        }
        assertEquals(match.lastTick(), cursor.tick());
        assertEquals(match.controls.get(cursor.tick()), cursor.control());
        assertEquals(600, match.lastTick() - match.firstTick());
    }

    @Property(tries = 6)
    void aViewerMayStartAtAnyFragment(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int fragmentTicks)
            throws BroadcastFormatException {
        RecordedMatch match = RecordedMatch.play(seed, 300, fragmentTicks);
        for (int start = 0; start < match.fragments.size(); start++) {
            Fragment first = overTheWire(match.fragments.get(start));
            StreamCursor cursor = StreamCursor.start(first.full());
            assertEquals(match.worlds.get(first.firstTick()), cursor.world());
            cursor.append(first.delta());
            assertEquals(match.controls.get(first.firstTick()), cursor.control());
            int end = Math.min(match.fragments.size(), start + 2);
            for (int next = start + 1; next < end; next++) {
                cursor.append(overTheWire(match.fragments.get(next)).delta());
            }
            if (cursor.endTick() > cursor.tick()) {
                cursor.advanceTo(cursor.endTick() - 1);
                assertEquals(match.worlds.get(cursor.tick()), cursor.world());
                assertEquals(match.controls.get(cursor.tick()), cursor.control());
            }
            cursor.advanceTo(cursor.endTick());
            assertEquals(match.worlds.get(cursor.tick()), cursor.world());
        }
    }

    /**
     * The control state is that of the cursor's tick, except at {@link StreamCursor#endTick()}:
     * messages sent at that very tick, after its frame, are in the next delta part.
     */
    private static void assertControlAsOfItsTick(RecordedMatch match, StreamCursor cursor) {
        if (cursor.tick() < cursor.endTick()) {
            assertEquals(match.controls.get(cursor.tick()), cursor.control(), "tick " + cursor.tick());
        }
    }

    @Test
    void fragmentsAreCutEveryFragmentTicksAndContinueEachOther() {
        RecordedMatch match = RecordedMatch.play(7, 95, 30);
        assertEquals(4, match.fragments.size());
        for (int n = 0; n < match.fragments.size(); n++) {
            Fragment fragment = match.fragments.get(n);
            assertEquals(match.fragments.get(0).number() + n, fragment.number());
            assertEquals(match.firstTick() + 30 * n, fragment.firstTick());
            assertEquals(Math.min(fragment.firstTick() + 30, match.lastTick()), fragment.lastTick());
        }
        assertEquals(5, match.fragments.get(3).lastTick() - match.fragments.get(3).firstTick());
    }

    @Test
    void aDeltaPartThatDoesNotContinueIsRefused() throws BroadcastFormatException {
        RecordedMatch match = RecordedMatch.play(3, 100, 20);
        StreamCursor cursor = StreamCursor.start(match.fragments.get(0).full());
        BroadcastFormatException skipped = assertThrows(BroadcastFormatException.class,
                () -> cursor.append(match.fragments.get(1).delta()));
        assertTrue(skipped.getMessage().contains("expected delta part " + match.fragments.get(0).number()),
                skipped.getMessage());
        cursor.append(match.fragments.get(0).delta());
        assertThrows(IllegalArgumentException.class, () -> cursor.advanceTo(cursor.endTick() + 1));
        assertThrows(IllegalArgumentException.class, () -> cursor.advanceTo(cursor.tick() - 1));
    }

    @Test
    void recentLinesKeepTheLastTwentyOldestFirst() {
        ControlState state = ControlState.EMPTY;
        for (int i = 0; i < 30; i++) {
            state = state.apply(new ServerMessage.Notice("match", 0, "line " + i));
        }
        assertEquals(ControlState.RECENT_LINES, state.recent().size());
        assertEquals(new ServerMessage.Notice("match", 0, "line 10"), state.recent().get(0));
        assertEquals(new ServerMessage.Notice("match", 0, "line 29"), state.recent().get(19));
        assertEquals(state, state.apply(new ServerMessage.HeartbeatAck(5)));
    }
}
