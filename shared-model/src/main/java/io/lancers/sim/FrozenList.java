package io.lancers.sim;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array, of this one class whatever its size. {@code List.copyOf} gives a
 * {@code List12} for one or two elements and a {@code ListN} otherwise, so code walking a world's lists met
 * a second class when, seconds into a match, a list first held one or two shots, and C2 threw the state
 * encoder's compiled code away (a class check; BENCHMARKS.md §3, issue 14 step 7). Equal to any list with
 * the same elements, as {@code List.copyOf}'s are; refuses nulls as it does.
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] items;

    private FrozenList(Object[] items) {
        this.items = items;
    }

    /** {@code list} itself if it is one already, else an unmodifiable copy. */
    @SuppressWarnings("unchecked")
    static <E> List<E> copyOf(List<? extends E> list) {
        if (list instanceof FrozenList<?>) {
            return (List<E>) list;
        }
        Object[] items = list.toArray();
        for (Object item : items) {
            Objects.requireNonNull(item);
        }
        return new FrozenList<>(items);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** Its own iterator, so that walking a world's list calls no shared JDK iterator with other lists' profiles. */
    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < items.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                if (next >= items.length) {
                    throw new NoSuchElementException();
                }
                return (E) items[next++];
            }
        };
    }
}
