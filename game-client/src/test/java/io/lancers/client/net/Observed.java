package io.lancers.client.net;

import io.lancers.client.state.ClientWorld;
import io.lancers.protocol.ServerMessage;
import io.lancers.sim.Ship;
import io.lancers.sim.World;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a connection told its listener, for the test thread to wait on; thread-safe, as the
 * connection reports from its own threads.
 */
final class Observed implements ConnectionListener {
    /** How long a test waits for a state before it fails: generous, for a busy 2-core CI machine. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    final List<Long> stateNanos = new CopyOnWriteArrayList<>();
    final AtomicReference<ServerMessage.MatchList> matchList = new AtomicReference<>();
    final AtomicReference<ServerMessage.Joined> joined = new AtomicReference<>();
    final AtomicReference<World> world = new AtomicReference<>();
    final AtomicInteger worlds = new AtomicInteger();
    volatile ClientWorld clientWorld;

    @Override
    public void onState(ConnectionState state, String detail) {
        stateNanos.add(System.nanoTime());
        states.add(state);
    }

    @Override
    public void onMatchList(ServerMessage.MatchList list) {
        matchList.set(list);
    }

    @Override
    public void onJoined(ServerMessage.Joined j) {
        joined.set(j);
        clientWorld = ClientWorld.forMatch(j);
    }

    @Override
    public void onWorld(World w) {
        clientWorld.onWorld(w, System.nanoTime()); // first: the test reads `world` as "everything is in"
        world.set(w);
        worlds.incrementAndGet();
    }

    Ship own() {
        World w = world.get();
        ServerMessage.Joined j = joined.get();
        return w == null || j == null ? null
                : w.ships().stream().filter(s -> s.id() == j.playerId()).findFirst().orElse(null);
    }
}
