package io.lancers.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * What a run really keeps on the heap, not the garbage it happens to hold: the JVM's own figures of
 * each heap pool right after a collection ({@link MemoryPoolMXBean#getCollectionUsage()}), after
 * one explicit full collection. One, not several back to back: their pauses stall the server under test.
 */
final class Heap {
    private Heap() {
    }

    static long usedAfterGc() {
        long collectionsBefore = collections();
        System.gc();
        if (collections() == collectionsBefore) {
            throw new IllegalStateException("System.gc() did not collect (-XX:+DisableExplicitGC?): no heap figure");
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null) {
                used += afterCollection.getUsed();
            }
        }
        return used;
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }
}
