package io.lancers.bench.load;

import io.lancers.bench.Stats;
import io.lancers.client.net.ConnectionListener;
import io.lancers.client.net.ConnectionState;
import io.lancers.client.net.GameConnection;
import io.lancers.link.TcpRelay;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.World;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The client's {@link GameConnection}, playing through a {@link TcpRelay} that goes silent: how long
 * until the client notices (it enters RECONNECTING), and, once the link is restored, how long
 * until it is back (resumed, and the first world after that arrived).
 */
public final class Reconnect {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Reconnect() {
    }

    /**
     * @param trials        trials that completed
     * @param timeoutMs     the heartbeat timeout the server announced
     * @param noticedNanos  link silent → client RECONNECTING
     * @param backNanos     link restored → first world after the resumed {@code joined}
     * @param resumedAll    every trial came back with {@code resumed: true}
     */
    public record Result(int trials, long timeoutMs, Stats noticedNanos, Stats backNanos, boolean resumedAll) {
    }

    private record Event(String kind, long nanos, Object detail) {
    }

    public static Result run(int trials, Duration heartbeatInterval) throws IOException, InterruptedException {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        ConnectionListener listener = new ConnectionListener() {
            @Override
            public void onState(ConnectionState state, String detail) {
                events.add(new Event("state", System.nanoTime(), state));
            }

            @Override
            public void onJoined(ServerMessage.Joined joined) {
                events.add(new Event("joined", System.nanoTime(), joined.resumed()));
            }

            @Override
            public void onWelcome(ServerMessage.Welcome welcome) {
                events.add(new Event("welcome", System.nanoTime(), welcome.heartbeatTimeoutMs()));
            }

            @Override
            public void onWorld(World world) {
                events.add(new Event("world", System.nanoTime(), world.tick()));
            }
        };
        long[] noticed = new long[trials];
        long[] back = new long[trials];
        boolean resumedAll = true;
        long timeoutMs;
        try (ServerProcess server = ServerProcess.start(15, heartbeatInterval);
             TcpRelay relay = new TcpRelay(server.port())) {
            GameConnection connection = new GameConnection(
                    URI.create("ws://127.0.0.1:" + relay.port() + ProtocolVersion.ENDPOINT_PATH), "reconnect", listener);
            try {
                connection.connect();
                timeoutMs = (Long) await(events, "welcome", null).detail();
                connection.join(ServerProcess.MATCH_ID);
                await(events, "joined", null);
                await(events, "world", null);
                for (int t = 0; t < trials; t++) {
                    events.clear();
                    long silencedAt = System.nanoTime();
                    relay.silence();
                    noticed[t] = await(events, "state", ConnectionState.RECONNECTING).nanos() - silencedAt;
                    long restoredAt = System.nanoTime();
                    relay.restore();
                    resumedAll &= (Boolean) await(events, "joined", null).detail();
                    back[t] = await(events, "world", null).nanos() - restoredAt;
                    TimeUnit.MILLISECONDS.sleep(300); // a little play between outages
                }
            } finally {
                connection.close();
            }
        }
        return new Result(trials, timeoutMs, Stats.of(noticed), Stats.of(back), resumedAll);
    }

    /** The next event of that kind (and detail, when given); earlier ones are dropped. */
    private static Event await(BlockingQueue<Event> events, String kind, Object detail)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new IOException("no " + kind + (detail == null ? "" : " " + detail) + " within " + PATIENCE);
            }
            if (e.kind().equals(kind) && (detail == null || detail.equals(e.detail()))) {
                return e;
            }
            if (e.detail() == ConnectionState.FAILED) {
                throw new IOException("the connection gave up while waiting for " + kind);
            }
        }
    }
}
