package io.lancers.load;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.lancers.broadcast.BroadcastFormatException;
import io.lancers.broadcast.DeltaPart;
import io.lancers.broadcast.FullPart;
import io.lancers.broadcast.StreamCursor;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP viewer of a delayed broadcast (docs/BROADCAST.md §5), cheap by the hundred on one
 * shared asynchronous {@link HttpClient}: {@code /sync}, the full part, then delta part after delta
 * part as each becomes servable (a 404 is asked again after a fifth of a second or so), each
 * decoded onto the world before it. Counts the ticks it played: a gap or a damaged part fails it.
 */
public final class BroadcastViewer {
    private final HttpClient http;
    private final URI base;
    private final String matchId;
    private final Random random;
    private StreamCursor cursor;
    private int next;
    private int ticks;
    private int partsFetched;
    private int notFound;

    /** @param base {@code http://HOST:PORT} of the server or of a cache in front of it */
    public BroadcastViewer(HttpClient http, URI base, String matchId, long seed) {
        this.http = http;
        this.base = base;
        this.matchId = matchId;
        this.random = new Random(seed);
    }

    /** Follows {@code fragments} fragments from where {@code /sync} says to start; completes when done. */
    public CompletableFuture<Void> follow(int fragments) {
        return get("/sync").thenCompose(sync -> {
            int start = new Gson().fromJson(new String(sync, StandardCharsets.UTF_8), JsonObject.class)
                    .get("fragment").getAsInt();
            next = start;
            return get("/" + start + "/full").thenCompose(full -> {
                cursor = decoded(() -> StreamCursor.start(FullPart.decode(full)));
                return deltas(start + fragments);
            });
        });
    }

    /** Ticks played: {@code fragments × fragmentTicks} when the stream had no gap. */
    public int ticks() {
        return ticks;
    }

    /** Parts received (full and delta, not /sync). */
    public int partsFetched() {
        return partsFetched;
    }

    /** 404 answers: parts asked for before they were servable. */
    public int notFound() {
        return notFound;
    }

    private CompletableFuture<Void> deltas(int end) {
        if (next == end) {
            return CompletableFuture.completedFuture(null);
        }
        return get("/" + next + "/delta").thenCompose(delta -> {
            decoded(() -> {
                cursor.append(DeltaPart.decode(delta));
                while (cursor.step()) {
                    ticks++;
                }
                return cursor;
            });
            next++;
            return deltas(end);
        });
    }

    private CompletableFuture<byte[]> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/broadcast/" + matchId + path))
                .timeout(Duration.ofSeconds(30)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenCompose(response -> {
            if (response.statusCode() == 200) {
                partsFetched += path.equals("/sync") ? 0 : 1;
                return CompletableFuture.completedFuture(response.body());
            }
            if (response.statusCode() != 404) {
                throw new IllegalStateException(request.uri() + ": HTTP " + response.statusCode());
            }
            notFound++;
            return CompletableFuture.supplyAsync(() -> path, CompletableFuture.delayedExecutor(
                    200 + random.nextInt(100), TimeUnit.MILLISECONDS)).thenCompose(this::get);
        });
    }

    private interface Decoding {
        StreamCursor run() throws BroadcastFormatException;
    }

    private static StreamCursor decoded(Decoding decoding) {
        try {
            return decoding.run();
        } catch (BroadcastFormatException e) {
            throw new UncheckedIOException(e);
        }
    }
}
