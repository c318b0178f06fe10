package io.lancers.client.playback;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lancers.broadcast.BroadcastFormatException;
import io.lancers.broadcast.DeltaPart;
import io.lancers.broadcast.FullPart;
import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.StreamCursor;
import io.lancers.broadcast.StreamInfo;
import io.lancers.sim.GameEvent;
import io.lancers.sim.World;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Logger;

/**
 * A delayed HTTP broadcast (docs/BROADCAST.md §5) as a {@link Feed}: {@code /sync} says where to
 * start, the full part of that fragment is fetched once, then each delta part in order, a little
 * before it is needed, on a thread of its own. A part not there yet ({@code 404}) is asked for
 * again after a quarter of a fragment; one gone from the server ({@code 410}) means this viewer
 * fell behind: it starts again from {@code /sync}. A server that cannot be reached is retried,
 * and said so, until it answers again or {@link #GIVE_UP} has passed.
 */
public final class BroadcastFeed implements Feed {
    private static final Logger LOG = Logger.getLogger(BroadcastFeed.class.getName());
    /** How long an unreachable server is retried before the feed says it is gone for good. */
    static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Fragments fetched ahead of the playhead at most: a paused viewer stops fetching (and holding
     * worlds) instead of filling memory; resumed after the server dropped those parts, it resyncs.
     */
    static final int FRAGMENTS_AHEAD = 4;
    /** Parts bigger than this are not a broadcast's: a forged length is not a reason to allocate. */
    private static final int MAX_PART_BYTES = 64 << 20;

    /** Where playback starts: the {@code /sync} document's facts a viewer needs. */
    record Sync(int fragment, int tick, double delaySeconds, double fragmentSeconds) {
    }

    private final URI base;
    private final HttpClient http;
    private final ConcurrentSkipListMap<Integer, Moment> moments = new ConcurrentSkipListMap<>();
    private final List<ReplayFile.Kill> kills = new ArrayList<>();
    private final Thread loader;
    private final int behind;
    private volatile StreamCursor cursor;
    private volatile Sync sync;
    private volatile int lastTick;
    private volatile int wanted;
    private volatile boolean closed;
    private volatile String status;

    private BroadcastFeed(URI base, HttpClient http, Sync sync, StreamCursor cursor) throws BroadcastFormatException {
        this.base = base;
        this.http = http;
        this.behind = cursor.info().tickRate();
        this.loader = new Thread(this::follow, "lancers-broadcast-feed");
        loader.setDaemon(true);
        restart(sync, cursor);
    }

    /**
     * Reads {@code /sync} of the broadcast at {@code base} ({@code http://HOST:PORT/broadcast/MATCH})
     * and the first fragment, then follows it. Blocking: call it off the JavaFX thread.
     *
     * @throws IOException with a message for people: no such broadcast, not reachable, bad data
     */
    public static BroadcastFeed open(URI base) throws IOException {
        URI root = base.toString().endsWith("/") ? base : URI.create(base + "/");
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            Sync sync = readSync(http, root);
            StreamCursor cursor = startAt(http, root, sync);
            BroadcastFeed feed = new BroadcastFeed(root, http, sync, cursor);
            feed.loader.start();
            return feed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the broadcast", e);
        }
    }

    /**
     * A broadcast's address from what a person typed: {@code http(s)://HOST:PORT/broadcast/MATCH},
     * or the same without {@code http://}; null if it is not one.
     */
    public static URI url(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            URI u = URI.create(t.contains("://") ? t : "http://" + t);
            boolean http = "http".equals(u.getScheme()) || "https".equals(u.getScheme());
            return http && u.getHost() != null && u.getPath() != null && u.getPath().matches("/broadcast/[^/]+/?")
                    ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The delay the server keeps between the match and this broadcast, seconds. */
    public double delaySeconds() {
        return sync.delaySeconds();
    }

    @Override
    public StreamInfo info() {
        return cursor.info();
    }

    @Override
    public int firstTick() {
        return moments.isEmpty() ? lastTick : moments.firstKey();
    }

    @Override
    public int lastTick() {
        return lastTick;
    }

    @Override
    public boolean seekable() {
        return false;
    }

    @Override
    public Moment moment(int tick) {
        return moments.get(tick);
    }

    @Override
    public void want(int tick) {
        wanted = tick;
    }

    @Override
    public List<ReplayFile.Kill> kills() {
        synchronized (kills) {
            return List.copyOf(kills);
        }
    }

    @Override
    public String status() {
        return status;
    }

    /**
     * Stops the loader (an interrupt ends its wait or its request) without waiting for it: the
     * caller may be the JavaFX thread.
     */
    @Override
    public void close() {
        closed = true;
        loader.interrupt();
    }

    // ---- the loader thread ------------------------------------------------------------------

    private void follow() {
        long unreachableSince = 0;
        while (!closed) {
            try {
                if (lastTick - wanted > FRAGMENTS_AHEAD * cursor.info().fragmentTicks()) {
                    Thread.sleep(fragmentMillis() / 4);
                    continue;
                }
                int next = cursor.nextFragment();
                HttpResponse<byte[]> response = get(http, base.resolve(next + "/delta"));
                unreachableSince = 0;
                switch (response.statusCode()) {
                    case 200 -> {
                        cursor.append(DeltaPart.decode(body(response)));
                        collect();
                        status = null;
                    }
                    case 404 -> Thread.sleep(fragmentMillis() / 4);
                    case 410 -> {
                        LOG.info("broadcast fragment " + next + " is gone: starting again from /sync");
                        Sync again = readSync(http, base);
                        restart(again, startAt(http, base, again));
                    }
                    default -> throw new IOException("the server answered " + response.statusCode());
                }
                trim();
            } catch (InterruptedException e) {
                return;
            } catch (BroadcastFormatException e) {
                // Damaged data: not a reason to guess. The next full part starts cleanly.
                status = "The broadcast sent damaged data (" + e.getMessage() + "); starting again";
                LOG.warning(status);
                unreachableSince = resync(unreachableSince);
            } catch (IOException e) {
                long now = System.nanoTime();
                unreachableSince = unreachableSince == 0 ? now : unreachableSince;
                if (now - unreachableSince > GIVE_UP.toNanos()) {
                    status = "The broadcast server is gone (" + describe(e) + ")";
                    LOG.warning(status + ": stopped following " + base);
                    return;
                }
                status = "Cannot reach the broadcast server (" + describe(e) + "): retrying…";
                if (!sleepQuietly(1000)) {
                    return;
                }
            }
        }
    }

    /** After damage: /sync again, or keep the timer running if that fails too. */
    private long resync(long unreachableSince) {
        try {
            Sync again = readSync(http, base);
            restart(again, startAt(http, base, again));
            return 0;
        } catch (IOException e) {
            return unreachableSince == 0 ? System.nanoTime() : unreachableSince;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachableSince;
        }
    }

    private void restart(Sync start, StreamCursor started) throws BroadcastFormatException {
        sync = start;
        cursor = started;
        wanted = started.tick();
        moments.clear();
        collect();
    }

    /** Steps the cursor through every tick it has, keeping each moment and its kills. */
    private void collect() throws BroadcastFormatException {
        StreamCursor c = cursor;
        put(c);
        while (c.step()) {
            put(c);
        }
        lastTick = c.endTick();
    }

    private void put(StreamCursor c) {
        World world = c.world();
        moments.put(world.tick(), new Moment(world, c.control()));
        synchronized (kills) {
            for (GameEvent event : world.events()) {
                if (event instanceof GameEvent.Kill kill) {
                    kills.add(new ReplayFile.Kill(world.tick(), kill.killerId(), kill.victimId()));
                }
            }
        }
    }

    private void trim() {
        moments.headMap(wanted - behind).clear();
    }

    private long fragmentMillis() {
        return Math.max(100, (long) (sync.fragmentSeconds() * 1000));
    }

    private static Sync readSync(HttpClient http, URI base) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(http, base.resolve("sync"));
        if (response.statusCode() == 404) {
            throw new IOException("no such broadcast, or it has nothing to show yet: " + base);
        }
        if (response.statusCode() != 200) {
            throw new IOException(base.resolve("sync") + " answered " + response.statusCode());
        }
        try {
            String text = new String(body(response), StandardCharsets.UTF_8);
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            return new Sync(number(json, "fragment"), number(json, "tick"), decimal(json, "delaySeconds"),
                    decimal(json, "fragmentSeconds"));
        } catch (RuntimeException e) {
            throw new BroadcastFormatException("the broadcast's /sync is not the document it should be: "
                    + e.getMessage());
        }
    }

    private static StreamCursor startAt(HttpClient http, URI base, Sync sync) throws IOException, InterruptedException {
        FullPart full = FullPart.decode(body(required(get(http, base.resolve(sync.fragment() + "/full")))));
        StreamCursor cursor = StreamCursor.start(full);
        cursor.append(DeltaPart.decode(body(required(get(http, base.resolve(sync.fragment() + "/delta"))))));
        return cursor;
    }

    private static HttpResponse<byte[]> required(HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(response.uri() + " answered " + response.statusCode());
        }
        return response;
    }

    private static HttpResponse<byte[]> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] body(HttpResponse<byte[]> response) throws BroadcastFormatException {
        byte[] body = response.body();
        if (body == null || body.length > MAX_PART_BYTES) {
            throw new BroadcastFormatException(response.uri() + ": no body, or far too big");
        }
        return body;
    }

    private static int number(JsonObject json, String name) {
        JsonElement value = json.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no \"" + name + "\"");
        }
        return value.getAsInt();
    }

    private static double decimal(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null ? 0 : value.getAsDouble();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static boolean sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
