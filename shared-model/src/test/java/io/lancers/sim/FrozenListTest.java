package io.lancers.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrozenListTest {

    @Property(tries = 200)
    void isAnUnmodifiableCopyEqualToListCopyOf(@ForAll @Size(max = 6) List<Integer> items) {
        List<Integer> source = new ArrayList<>(items);
        List<Integer> frozen = FrozenList.copyOf(source);
        source.add(99); // a copy: later changes to the source do not show
        assertEquals(List.copyOf(items), frozen);
        assertEquals(frozen, List.copyOf(items));
        assertEquals(List.copyOf(items).hashCode(), frozen.hashCode());
        assertEquals(items, iterated(frozen));
        assertThrows(UnsupportedOperationException.class, () -> frozen.add(1));
        assertThrows(UnsupportedOperationException.class, () -> frozen.remove(0));
    }

    @Test
    void aWorldsListsAreOfOneClassWhateverTheirSize() {
        Ship ship = new Ship(1, 10f, 10f, 0f, 0f, 0f, 100, 0, 0, 0, 0, 0, 0, 0);
        MatchState match = new MatchState(MatchPhase.PLAYING, 0, 0, 0L, 0, 0);
        Class<?> one = new World(1, match, List.of(ship), List.of(), List.of(), List.of()).ships().getClass();
        for (List<Ship> ships : List.of(List.<Ship>of(), List.of(ship, ship), List.of(ship, ship, ship))) {
            assertSame(one, new World(1, match, ships, List.of(), List.of(), List.of()).ships().getClass());
        }
    }

    @Test
    void refusesNullsAndReusesItself() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> FrozenList.copyOf(withNull));
        List<String> frozen = FrozenList.copyOf(List.of("a"));
        assertSame(frozen, FrozenList.copyOf(frozen));
        Iterator<String> it = frozen.iterator();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    private static <E> List<E> iterated(List<E> list) {
        List<E> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }
}
