package io.lancers.broadcast;

import java.util.Objects;

/**
 * Fragment {@code n} of a match stream: its {@link FullPart} (start here) and its {@link DeltaPart}
 * (play on to the next fragment's first tick).
 */
public record Fragment(FullPart full, DeltaPart delta) {
    public Fragment {
        Objects.requireNonNull(full, "full");
        Objects.requireNonNull(delta, "delta");
        if (full.fragment() != delta.fragment() || full.tick() != delta.fromTick()) {
            throw new IllegalArgumentException("full part " + full.fragment() + " at tick " + full.tick()
                    + " does not start delta part " + delta.fragment() + " from tick " + delta.fromTick());
        }
    }

    public int number() {
        return full.fragment();
    }

    public int firstTick() {
        return full.tick();
    }

    /** The last tick this fragment reaches: the next fragment's first. */
    public int lastTick() {
        return delta.toTick();
    }
}
