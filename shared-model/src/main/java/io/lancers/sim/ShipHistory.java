package io.lancers.sim;

import java.util.Arrays;

/**
 * Where the living ships were at each of the last {@link #capacity()} ticks: what lag compensation
 * rewinds to ({@link Simulation#step(World, java.util.Map, ShipHistory)}). Its capacity is the cap
 * on the rewind, so nothing older than that can ever be consulted. The server records every world
 * it steps to; the same worlds give the same history on any machine.
 */
public final class ShipHistory {
    /** Holds nothing: every shot is uncompensated. */
    public static final ShipHistory NONE = new ShipHistory(0);

    private final int capacity;
    private final int[] ticks;
    private final int[][] ids;
    private final float[][] xs;
    private final float[][] ys;
    private int newest = -1;

    /** @param capacity ticks kept, the rewind cap in ticks (≥ 0) */
    public ShipHistory(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
        }
        this.capacity = capacity;
        ticks = new int[capacity];
        Arrays.fill(ticks, -1);
        ids = new int[capacity][];
        xs = new float[capacity][];
        ys = new float[capacity][];
    }

    public int capacity() {
        return capacity;
    }

    /** Keeps the living ships of {@code w} as of its tick, forgetting the oldest tick if full; ticks must increase. */
    public void record(World w) {
        if (capacity == 0) {
            return;
        }
        if (newest >= 0 && w.tick() <= ticks[newest]) {
            throw new IllegalArgumentException("tick " + w.tick() + " is not after " + ticks[newest]);
        }
        int slot = (newest + 1) % capacity;
        int n = 0;
        for (Ship s : w.ships()) {
            n += s.alive() ? 1 : 0;
        }
        int[] id = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        int i = 0;
        for (Ship s : w.ships()) { // in id order, as worlds keep them
            if (s.alive()) {
                id[i] = s.id();
                x[i] = s.x();
                y[i] = s.y();
                i++;
            }
        }
        ticks[slot] = w.tick();
        ids[slot] = id;
        xs[slot] = x;
        ys[slot] = y;
        newest = slot;
    }

    /** Whether {@code tick} is still kept. */
    public boolean holds(int tick) {
        return slotOf(tick) >= 0;
    }

    /**
     * Index of ship {@code id} among the ships kept for {@code tick}, or −1 if it was not alive then
     * (or the tick is not kept). Read its position with {@link #x} and {@link #y}.
     */
    int indexOf(int tick, int id) {
        int slot = slotOf(tick);
        return slot < 0 ? -1 : Math.max(-1, Arrays.binarySearch(ids[slot], id));
    }

    float x(int tick, int index) {
        return xs[slotOf(tick)][index];
    }

    float y(int tick, int index) {
        return ys[slotOf(tick)][index];
    }

    private int slotOf(int tick) {
        if (newest < 0) {
            return -1;
        }
        int back = ticks[newest] - tick;
        if (back < 0 || back >= capacity) {
            return -1;
        }
        int slot = Math.floorMod(newest - back, capacity);
        return ticks[slot] == tick ? slot : -1;
    }
}
