package io.lancers.client.ui;

import io.lancers.client.net.LanDiscovery;
import io.lancers.protocol.Discovery;
import javafx.application.Platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server browser's LAN search: a {@link LanDiscovery} probe every few seconds until closed.
 * Probes block, so they run on a thread of their own; each round's result reaches the FX thread.
 */
final class LanSearch implements AutoCloseable {
    private static final long PERIOD_SECONDS = 3;
    private static final Duration WAIT = Duration.ofMillis(800);

    /** What one round found, on the FX thread. */
    interface Results {
        /** @param problem why the round failed (the list is then empty), or null */
        void foundFx(List<ServerBrowser.Entry> found, String problem);
    }

    private final ScheduledExecutorService probes;

    /** Starts probing {@code target} ({@code HOST:PORT} or {@code HOST}) now and every few seconds. */
    LanSearch(String target, Results results) {
        probes = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lancers-discovery");
            t.setDaemon(true);
            return t;
        });
        probes.scheduleWithFixedDelay(() -> {
            List<ServerBrowser.Entry> found = new ArrayList<>();
            String problem = null;
            try {
                for (Discovery.Reply reply : LanDiscovery.probe(address(target), WAIT)) {
                    URI url = URI.create(reply.url());
                    reply.matches().forEach(m -> found.add(new ServerBrowser.Entry(reply.name(), url, m,
                            reply.passwordRequired(), reply.protocol())));
                }
            } catch (IOException | RuntimeException e) {
                problem = "LAN search failed (" + target + "): " + e.getMessage();
            }
            String status = problem;
            Platform.runLater(() -> results.foundFx(found, status));
        }, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** {@code HOST:PORT} or {@code HOST}; the port defaults to discovery's. */
    static InetSocketAddress address(String target) {
        int colon = target.lastIndexOf(':');
        if (colon > 0 && target.indexOf(':') == colon) {
            return new InetSocketAddress(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        }
        return new InetSocketAddress(target, Discovery.DEFAULT_PORT);
    }

    /** Stops probing; a probe under way is interrupted. */
    @Override
    public void close() {
        probes.shutdownNow();
    }
}
