package io.lancers.bench.load;

import com.google.gson.JsonObject;
import io.lancers.map.MapLoader;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.server.ServerOptions;
import io.lancers.sim.MatchConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out's comparison: the same spectators, the same load client, the same sends (one shared state
 * frame per tick to each) from a Node {@code ws} server, the stack Colyseus runs on
 * (bench/node/fanout-server.js). Its frames have the size of the reference match's mean 16-bot DELTA; it
 * simulates nothing, so its CPU is the cost of its sends and of reading the spectators' acks.
 */
public final class NodePeer {
    /** bench/node, from the repository root, where the bench is run. */
    public static final Path DIRECTORY = Path.of("bench", "node");
    /** The mean DELTA payload at 16 players (BENCHMARKS.md §1: 151.0 B with its 2-byte frame header). */
    public static final int FRAME_BYTES = 149;

    private NodePeer() {
    }

    /** Starts the Node peer; needs {@code node} and {@code npm --prefix bench/node install} done once. */
    public static ServerProcess start(int botsIgnored) throws IOException {
        Path script = DIRECTORY.resolve("fanout-server.js");
        if (!Files.isRegularFile(script) || !Files.isDirectory(DIRECTORY.resolve("node_modules").resolve("ws"))) {
            throw new IOException("the Node peer needs " + script + " and its ws package: run the bench from the "
                    + "repository root after `npm --prefix " + DIRECTORY + " install` (node 18 or later)");
        }
        Path messages = Files.createTempFile("bench-node-messages-", ".json");
        messages.toFile().deleteOnExit();
        Files.writeString(messages, messages(), StandardCharsets.UTF_8);
        return ServerProcess.nodePeer(script, messages, FRAME_BYTES);
    }

    /** The welcome and joined a spectator of the Lancers server gets, for the peer to send as they are. */
    private static String messages() {
        ServerOptions config = ServerOptions.defaults();
        MatchConfig rules = MatchConfig.defaults();
        ServerMessage.Welcome welcome = new ServerMessage.Welcome("node ws peer", "bench", ProtocolVersion.SUBPROTOCOL,
                config.heartbeatInterval().toMillis(), config.heartbeatTimeout().toMillis(),
                TimeUnit.SECONDS.toMillis(config.resumeGraceSeconds), new ServerMessage.Limits(20, 200, 5, 4, 8192, 256));
        ServerMessage.Joined joined = new ServerMessage.Joined(ServerProcess.MATCH_ID, "spectator", 0, null, false,
                60, ServerMessage.Rules.of(rules), MapLoader.load(MapLoader.builtInIds().get(0)));
        JsonObject both = new JsonObject();
        both.addProperty("welcome", ControlCodec.encode(welcome));
        both.addProperty("joined", ControlCodec.encode(joined));
        return both.toString();
    }
}
