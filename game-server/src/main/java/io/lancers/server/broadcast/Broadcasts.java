package io.lancers.server.broadcast;

import io.lancers.broadcast.FullPart;
import io.lancers.broadcast.StreamInfo;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.match.StreamTap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A server's broadcasts and recordings: makes each room's {@link StreamTap} and answers what the
 * HTTP side asks (docs/BROADCAST.md §5). Thread-safe. Closing finishes the recordings: call it
 * after the rooms have stopped.
 */
public final class Broadcasts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Broadcasts.class.getName());
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    /** {@code GET /broadcast}. */
    public record Listing(String protocol, int format, double delaySeconds, List<Entry> matches) {
        /** One match being broadcast. */
        public record Entry(String matchId, String mapId, int tickRate, int fragmentTicks, int firstFragment,
                            int latestFragment, String sync) {
        }
    }

    /** {@code GET /broadcast/{matchId}/sync}: where a new viewer starts. */
    public record Sync(String matchId, String protocol, int format, String mapId, int tickRate, int fragmentTicks,
                       double fragmentSeconds, double delaySeconds, int fragment, int tick, int firstFragment,
                       int latestFragment, long serverTime) {
    }

    private final BroadcastSettings settings;
    private final String serverVersion;
    private final Clock clock;
    private final Map<String, MatchStream> streams = new ConcurrentHashMap<>();
    /** Encodes completed fragments for the store and writes the recordings, off the tick threads, in order. */
    private final Executor io;
    private final ExecutorService ownIo;

    public Broadcasts(BroadcastSettings settings, String serverVersion, Clock clock) {
        this(settings, serverVersion, clock, !settings.active() ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lancers-broadcast-io");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** @param io runs the encoding and writing in order ({@code Runnable::run} in tests); an ExecutorService is shut down by {@link #close()} */
    Broadcasts(BroadcastSettings settings, String serverVersion, Clock clock, Executor io) {
        this.settings = settings;
        this.serverVersion = serverVersion;
        this.clock = clock;
        this.io = io;
        this.ownIo = io instanceof ExecutorService service ? service : null;
    }

    public BroadcastSettings settings() {
        return settings;
    }

    /** The tap for a room: none when broadcasting and recording are both off. */
    public StreamTap tap(MatchSettings room) {
        if (!settings.active()) {
            return StreamTap.NONE;
        }
        StreamInfo info = new StreamInfo(ProtocolVersion.SUBPROTOCOL, room.id(), room.mapId(), room.tickRate(),
                settings.fragmentTicks(room.tickRate()), ServerMessage.Rules.of(room.rules()));
        FragmentStore store = settings.enabled()
                ? new FragmentStore(settings.delay().toMillis(), settings.retention().toMillis()) : null;
        Recorder recorder = settings.recordDir() == null ? null
                : new Recorder(settings.recordDir(), serverVersion, clock, io, room.id());
        MatchStream stream = new MatchStream(info, clock, io, store, recorder);
        streams.put(room.id(), stream);
        return stream;
    }

    /** The matches with a servable fragment. */
    public Listing list() {
        long now = clock.millis();
        List<Listing.Entry> entries = new ArrayList<>();
        for (MatchStream stream : streams.values()) {
            FragmentStore store = stream.store();
            FragmentStore.Stored newest = store == null ? null : store.newestServable(now);
            FragmentStore.Stored oldest = store == null ? null : store.oldestServable(now);
            if (newest != null && oldest != null) {
                StreamInfo info = stream.info();
                entries.add(new Listing.Entry(info.matchId(), info.mapId(), info.tickRate(), info.fragmentTicks(),
                        oldest.number(), newest.number(), "/broadcast/" + info.matchId() + "/sync"));
            }
        }
        entries.sort((a, b) -> a.matchId().compareTo(b.matchId()));
        return new Listing(ProtocolVersion.SUBPROTOCOL, FullPart.FORMAT_VERSION, delaySeconds(), entries);
    }

    /** Where a new viewer of {@code matchId} starts; empty for an unknown match or before its first servable fragment. */
    public Optional<Sync> sync(String matchId) {
        MatchStream stream = streams.get(matchId);
        FragmentStore store = stream == null ? null : stream.store();
        if (store == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        FragmentStore.Stored newest = store.newestServable(now);
        FragmentStore.Stored oldest = store.oldestServable(now);
        if (newest == null || oldest == null) {
            return Optional.empty();
        }
        // One behind the newest when there is one: the viewer holds a fragment while the next is cut.
        FragmentStore.Stored previous = store.servable(newest.number() - 1, now);
        FragmentStore.Stored start = previous != null ? previous : newest;
        StreamInfo info = stream.info();
        return Optional.of(new Sync(matchId, ProtocolVersion.SUBPROTOCOL, FullPart.FORMAT_VERSION, info.mapId(),
                info.tickRate(), info.fragmentTicks(), info.fragmentSeconds(), delaySeconds(), start.number(),
                start.firstTick(), oldest.number(), newest.number(), now));
    }

    /** A fragment part of {@code matchId}, as of now; a found part is counted as served. */
    public FragmentStore.Lookup part(String matchId, int fragment, boolean full) {
        MatchStream stream = streams.get(matchId);
        FragmentStore store = stream == null ? null : stream.store();
        if (store == null) {
            return new FragmentStore.Lookup.NotYet();
        }
        FragmentStore.Lookup lookup = store.lookup(fragment, full, clock.millis());
        if (lookup instanceof FragmentStore.Lookup.Found found) {
            store.served(found.part());
        } else if (lookup instanceof FragmentStore.Lookup.NotYet) {
            store.notYet();
        }
        return lookup;
    }

    /** Origin load since the start, over all matches. */
    public FragmentStore.Served served() {
        long parts = 0;
        long requests = 0;
        long notYet = 0;
        for (MatchStream stream : streams.values()) {
            if (stream.store() != null) {
                FragmentStore.Served served = stream.store().servedCounts();
                parts += served.parts();
                requests += served.requests();
                notYet += served.notYet();
            }
        }
        return new FragmentStore.Served(parts, requests, notYet);
    }

    /** Seconds a part stays servable: the max-age of its {@code Cache-Control}. */
    public long retentionSeconds() {
        return settings.retention().toSeconds();
    }

    private double delaySeconds() {
        return settings.delay().toMillis() / 1000.0;
    }

    /** Finishes every recording (the last fragment and the trailer). Call after the rooms have stopped. */
    @Override
    public void close() {
        streams.values().forEach(MatchStream::close);
        if (ownIo != null) {
            ownIo.shutdown();
            try {
                if (!ownIo.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warning("recordings not finished after " + CLOSE_TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
