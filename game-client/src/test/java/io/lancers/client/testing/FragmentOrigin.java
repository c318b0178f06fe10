package io.lancers.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lancers.broadcast.Fragment;
import io.lancers.broadcast.StreamInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP origin on 127.0.0.1 serving the fragments of a recording the way docs/BROADCAST.md
 * §5 describes a server's: {@code /broadcast/m1/sync}, {@code /{n}/full}, {@code /{n}/delta}. The
 * test decides which fragments exist yet ({@link #release}) and which are gone ({@link #forget}).
 */
public final class FragmentOrigin implements AutoCloseable {
    private final List<Fragment> fragments;
    private final StreamInfo info;
    private final HttpServer server;
    /** Fragments at positions below this exist. */
    private final AtomicInteger released = new AtomicInteger();
    /** Fragments at positions below this are gone (410). */
    private final AtomicInteger forgotten = new AtomicInteger();
    /** The position /sync names. */
    private final AtomicInteger syncAt = new AtomicInteger();

    public FragmentOrigin(BotMatchRecording recording) throws IOException {
        this.fragments = recording.fragments();
        this.info = recording.info();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/broadcast/" + info.matchId() + "/", this::serve);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/broadcast/m1} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/broadcast/" + info.matchId());
    }

    /** Fragments {@code 0 .. count-1} (positions in the recording) exist; /sync names the one before the newest. */
    public void release(int count) {
        released.set(count);
        syncAt.set(Math.max(forgotten.get(), count - 2));
    }

    /** Fragments before position {@code count} are gone: 410. */
    public void forget(int count) {
        forgotten.set(count);
        syncAt.set(Math.max(count, syncAt.get()));
    }

    public int number(int position) {
        return fragments.get(position).number();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        int status = 200;
        byte[] body;
        String[] path = exchange.getRequestURI().getPath().split("/");
        String last = path[path.length - 1];
        if (last.equals("sync")) {
            Fragment start = fragments.get(syncAt.get());
            body = String.format(java.util.Locale.ROOT, "{\"matchId\":\"%s\",\"protocol\":\"%s\",\"format\":1,"
                            + "\"mapId\":\"%s\",\"tickRate\":%d,\"fragmentTicks\":%d,\"fragmentSeconds\":%.3f,"
                            + "\"delaySeconds\":10.0,\"fragment\":%d,\"tick\":%d}", info.matchId(), info.protocol(),
                    info.mapId(), info.tickRate(), info.fragmentTicks(), info.fragmentSeconds(), start.number(),
                    start.firstTick()).getBytes(StandardCharsets.UTF_8);
        } else {
            int position = Integer.parseInt(path[path.length - 2]) - fragments.get(0).number();
            if (position < 0 || position >= released.get() || position >= fragments.size()) {
                status = 404;
                body = new byte[0];
            } else if (position < forgotten.get()) {
                status = 410;
                body = new byte[0];
            } else if (last.equals("full")) {
                body = fragments.get(position).full().encode();
            } else {
                body = fragments.get(position).delta().encode();
            }
        }
        send(exchange, status, body);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
