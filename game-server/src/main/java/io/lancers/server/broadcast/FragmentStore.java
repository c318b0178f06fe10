package io.lancers.server.broadcast;

import io.lancers.broadcast.Fragment;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32;

/**
 * One match's fragments for the HTTP broadcast, encoded once, each servable from {@code delay}
 * after it was complete until {@code retention} after that. Written by the match's tick thread,
 * read by any number of HTTP threads. Time is a parameter (wall-clock milliseconds).
 */
public final class FragmentStore {
    /** An encoded part with its strong ETag, and how often it was served (an origin-load figure). */
    public record Part(byte[] bytes, String etag, AtomicInteger served) {
    }

    /** One fragment as served. */
    public record Stored(int number, int firstTick, Part full, Part delta, long servableAtMillis) {
    }

    /** The answer to a fragment request. */
    public sealed interface Lookup {
        record Found(Part part) implements Lookup {
        }

        /** Not cut yet, or not past the delay, or never part of this stream: 404. */
        record NotYet() implements Lookup {
        }

        /** Past the retention window: 410. */
        record Gone() implements Lookup {
        }
    }

    /** Origin load: distinct parts served, requests answered with a part, and "not yet" answers (404). */
    public record Served(long parts, long requests, long notYet) {
    }

    private static final Lookup NOT_YET = new Lookup.NotYet();
    private static final Lookup GONE = new Lookup.Gone();

    private final long delayMillis;
    private final long retentionMillis;
    private final ConcurrentSkipListMap<Integer, Stored> fragments = new ConcurrentSkipListMap<>();
    private volatile int firstNumber = -1;
    private final LongAdder partsServed = new LongAdder();
    private final LongAdder partRequests = new LongAdder();
    private final LongAdder notYetAnswers = new LongAdder();

    FragmentStore(long delayMillis, long retentionMillis) {
        this.delayMillis = delayMillis;
        this.retentionMillis = retentionMillis;
    }

    /** Encodes a fragment completed at {@code nowMillis} and drops those past retention. */
    void add(Fragment fragment, long nowMillis) {
        String tag = fragment.number() + "-";
        Stored stored = new Stored(fragment.number(), fragment.firstTick(), part(fragment.full().encode(), tag + "full"),
                part(fragment.delta().encode(), tag + "delta"), nowMillis + delayMillis);
        if (firstNumber < 0) {
            firstNumber = fragment.number();
        }
        fragments.put(fragment.number(), stored);
        for (Map.Entry<Integer, Stored> oldest; (oldest = fragments.firstEntry()) != null && expired(oldest.getValue(), nowMillis); ) {
            fragments.remove(oldest.getKey());
        }
    }

    Lookup lookup(int number, boolean full, long nowMillis) {
        Stored stored = fragments.get(number);
        if (stored != null && expired(stored, nowMillis) || stored == null && firstNumber >= 0 && number >= firstNumber
                && number < newestNumber()) {
            return GONE;
        }
        if (stored == null || stored.servableAtMillis() > nowMillis) {
            return NOT_YET;
        }
        return new Lookup.Found(full ? stored.full() : stored.delta());
    }

    /** Fragment {@code number} if it may be served now, else null. */
    Stored servable(int number, long nowMillis) {
        Stored stored = fragments.get(number);
        return stored == null || stored.servableAtMillis() > nowMillis || expired(stored, nowMillis) ? null : stored;
    }

    /** The newest fragment that may be served now, or null. */
    Stored newestServable(long nowMillis) {
        for (Stored stored : fragments.descendingMap().values()) {
            if (stored.servableAtMillis() <= nowMillis) {
                return expired(stored, nowMillis) ? null : stored;
            }
        }
        return null;
    }

    /** The oldest fragment that may be served now, or null. */
    Stored oldestServable(long nowMillis) {
        for (Stored stored : fragments.values()) {
            if (!expired(stored, nowMillis)) {
                return stored.servableAtMillis() <= nowMillis ? stored : null;
            }
        }
        return null;
    }

    /** Counts one answer with {@code part}'s bytes. */
    void served(Part part) {
        if (part.served().getAndIncrement() == 0) {
            partsServed.increment();
        }
        partRequests.increment();
    }

    /** Counts one "not yet" answer (404) for a part of this stream. */
    void notYet() {
        notYetAnswers.increment();
    }

    /** Since the start: how many distinct parts were served, how many times in all, and how many 404s. */
    Served servedCounts() {
        return new Served(partsServed.sum(), partRequests.sum(), notYetAnswers.sum());
    }

    private int newestNumber() {
        Map.Entry<Integer, Stored> newest = fragments.lastEntry();
        return newest == null ? -1 : newest.getKey();
    }

    private boolean expired(Stored stored, long nowMillis) {
        return stored.servableAtMillis() + retentionMillis < nowMillis;
    }

    private static Part part(byte[] bytes, String name) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Part(bytes, '"' + name + "-" + Long.toHexString(crc.getValue()) + '"', new AtomicInteger());
    }
}
