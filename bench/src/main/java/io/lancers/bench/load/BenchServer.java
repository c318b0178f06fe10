package io.lancers.bench.load;

import com.sun.management.OperatingSystemMXBean;
import io.lancers.bench.ReferenceMatch;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.ServerConfig;
import io.lancers.server.match.MatchRegistry;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.match.MatchStatus;
import io.lancers.server.net.ConnectionSettings;
import io.lancers.server.net.NetServer;
import io.lancers.sim.MatchConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server under test, run in its own JVM by the load commands: the real {@link MatchRegistry}
 * and {@link NetServer} on 127.0.0.1, one room of bots on the default map. It is composed here rather
 * than through {@code GameServer.start(ServerConfig)} only because {@code ServerConfig} has no
 * setting for the spectator cap (32 by default) and fan-out needs thousands. Its {@code /status}
 * adds what the harness reads from outside: heap and process CPU time.
 *
 * <p>Prints {@code PORT <n>} on standard output once listening; stops by itself after its lifetime.
 * Arguments: {@code bots lifetimeSeconds [heartbeatIntervalMs]} (the timeout is three intervals, as by default).
 */
public final class BenchServer {
    public static final String MATCH_ID = "m1";
    public static final int MAX_SPECTATORS = 2500;
    static final String PORT_LINE = "PORT ";

    private BenchServer() {
    }

    /** What {@code GET /status} answers. */
    /** {@code heapLiveBytes}: heap in use right after the last collection of each pool, i.e. without garbage. */
    record Status(List<MatchStatus> matches, long heapUsedBytes, long heapLiveBytes,
                  long heapCommittedBytes, long processCpuNanos) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int bots = Integer.parseInt(args[0]);
        long lifetimeSeconds = Long.parseLong(args[1]);
        ServerConfig defaults = ServerConfig.defaults();
        if (args.length > 2) {
            defaults = defaults.withHeartbeatInterval(Duration.ofMillis(Long.parseLong(args[2])));
        }
        MatchSettings room = room(bots);
        MatchRegistry registry = new MatchRegistry(List.of(room));
        registry.start();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        NetServer net = NetServer.start("127.0.0.1", 0, List.of(), registry, connectionSettings(defaults, room), () -> {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long live = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                    .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
            return new Status(registry.status(), heap.getUsed(), live,
                    heap.getCommitted(), os.getProcessCpuTime());
        });
        System.out.println(PORT_LINE + net.port());
        System.out.flush();
        TimeUnit.SECONDS.sleep(lifetimeSeconds);
        net.closeConnections();
        registry.shutdown();
        net.close();
        System.exit(0); // heartbeat and worker threads must not keep a finished run alive
    }

    /** The server's default room, with the reference match's seed, bots and rules, and room for spectators. */
    static MatchSettings room(int bots) {
        MatchSettings d = MatchSettings.defaults(MATCH_ID, MapLoader.builtInIds().get(0));
        MatchConfig rules = ReferenceMatch.standard().withTicks(60 * 60 * 60).config();
        return new MatchSettings(d.id(), d.mapId(), rules, Math.max(bots, 1), bots, d.botSkill(),
                ReferenceMatch.SEED, MAX_SPECTATORS, d.resumeGraceSeconds(), d.maxNameLength(), d.chat(), d.inputs(),
                d.slowConsumer(), Math.max(d.commandQueue(), MAX_SPECTATORS));
    }

    private static ConnectionSettings connectionSettings(ServerConfig config, MatchSettings room) {
        ServerMessage.Limits limits = new ServerMessage.Limits(room.maxNameLength(), room.chat().maxLength(),
                (int) Math.floor(room.chat().perWindow() * 10 / room.chat().windowSeconds()), room.inputs().perTick(),
                NetServer.MAX_TEXT_FRAME_BYTES, NetServer.MAX_BINARY_FRAME_BYTES);
        return new ConnectionSettings(new ServerMessage.Welcome("bench", "bench", ProtocolVersion.SUBPROTOCOL,
                config.heartbeatInterval().toMillis(), config.heartbeatTimeout().toMillis(),
                config.resumeGrace().toMillis(), limits), config.helloTimeout().toMillis());
    }
}
