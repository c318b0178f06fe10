package io.lancers.server.watch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.lancers.load.WholeMessageListener;
import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.sim.GameEvent;
import io.lancers.sim.World;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The page decoder's fixture: state frames as a real server sent them to a spectator, from one
 * SNAPSHOT through the DELTAs that follow it, until some ship was killed and 30 ticks more (so hits,
 * kills, respawns, shots and pickups are in it), with the worlds the Java decoder makes of some of
 * them. {@code src/test/js/fixtures/recorded-frames.json}; {@link RecordedFramesTest} checks that it
 * still matches the encoder and writes a new one with {@code -Dlancers.watch.record=true}.
 */
record RecordedFrames(int tickRate, List<byte[]> frames) {
    static final Path FILE = Path.of("src/test/js/fixtures/recorded-frames.json");
    /** A window without a kill is restarted (by a resync: a fresh SNAPSHOT) after this many frames. */
    private static final int MAX_WINDOW = 150;
    private static final int AFTER_KILL = 30;
    /** Worlds stored for the JavaScript test to compare: every this many frames, the last, and each with events. */
    private static final int WORLD_EVERY = 10;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The decoded worlds, one per frame, by the Java reference decoder. */
    List<World> worlds() throws ProtocolException {
        List<World> worlds = new ArrayList<>();
        World world = null;
        for (byte[] frame : frames) {
            world = StateCodec.apply(world, ByteBuffer.wrap(frame));
            worlds.add(world);
        }
        return worlds;
    }

    /** Records from a real server on loopback with bots playing. */
    static RecordedFrames record() throws IOException, InterruptedException {
        ServerOptions config = ServerOptions.defaults().onLoopback().with(o -> {
            o.matches = 1;
            o.bots = 8;
        });
        try (GameServer server = GameServer.start(config)) {
            Recorder recorder = new Recorder();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .subprotocols(ProtocolVersion.SUBPROTOCOL)
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + ProtocolVersion.ENDPOINT_PATH), recorder)
                    .get(15, TimeUnit.SECONDS);
            socket.sendText(ControlCodec.encode(new ClientMessage.Hello("Recorder", null)), true);
            List<byte[]> frames = recorder.done.get(3, TimeUnit.MINUTES);
            socket.abort();
            return new RecordedFrames(config.tickRate, frames);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("recording failed", e);
        }
    }

    static RecordedFrames read(Path file) throws IOException {
        Document doc = GSON.fromJson(Files.readString(file), Document.class);
        return new RecordedFrames(doc.tickRate, doc.frames.stream().map(HexFormat.of()::parseHex).toList());
    }

    void write(Path file) throws IOException, ProtocolException {
        Files.writeString(file, GSON.toJson(document()) + "\n");
    }

    Document document() throws ProtocolException {
        List<World> worlds = worlds();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < worlds.size(); i++) {
            if (i % WORLD_EVERY == 0 || i == worlds.size() - 1 || !worlds.get(i).events().isEmpty()) {
                expected.put(String.valueOf(i), world(worlds.get(i)));
            }
        }
        return new Document("State frames a real Lancers server sent a spectator (8 bots): a SNAPSHOT, then DELTAs "
                + "through a kill. 'worlds' maps a frame's index to the world the Java decoder (StateCodec) makes of it. "
                + "Regenerate: ./mvnw -pl game-server -am test -Dtest=RecordedFramesTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dlancers.watch.record=true",
                tickRate, frames.stream().map(HexFormat.of()::formatHex).toList(), expected);
    }

    record Document(String about, int tickRate, List<String> frames, Map<String, Object> worlds) {
    }

    /** A world as the page's decoder builds it (decoder.js): enums lower-case, the seed as a string. */
    static Map<String, Object> world(World w) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("phase", w.match().phase().name().toLowerCase(Locale.ROOT));
        match.put("phaseEndTick", w.match().phaseEndTick());
        match.put("killLimit", w.match().killLimit());
        match.put("seed", Long.toString(w.match().seed()));
        match.put("nextProjectileId", w.match().nextProjectileId());
        match.put("round", w.match().round());
        Map<String, Object> teamScores = new LinkedHashMap<>();
        teamScores.put("red", w.match().teamScores().red());
        teamScores.put("blue", w.match().teamScores().blue());
        match.put("teamScores", teamScores);
        Map<String, Object> world = new LinkedHashMap<>();
        world.put("tick", w.tick());
        world.put("match", match);
        world.put("ships", w.ships().stream().map(RecordedFrames::json).toList());
        world.put("projectiles", w.projectiles().stream().map(RecordedFrames::json).toList());
        world.put("pickups", w.pickups().stream().map(RecordedFrames::json).toList());
        world.put("events", w.events().stream().map(RecordedFrames::event).toList());
        return world;
    }

    /**
     * A state record's components by name: floats widened to double (the exact value, which JSON
     * then carries without rounding), enums by their lower-case name.
     */
    private static Map<String, Object> json(Record record) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            m.put(component.getName(), value instanceof Float f ? (Object) f.doubleValue()
                    : value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value);
        }
        return m;
    }

    /** An event as the page's decoder builds it: its kind first; a pickup's kind is {@code pickupKind}. */
    private static Map<String, Object> event(GameEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        String type = event.getClass().getSimpleName();
        m.put("kind", Character.toLowerCase(type.charAt(0)) + type.substring(1));
        json((Record) event).forEach((name, value) -> m.put(name.equals("kind") ? "pickupKind" : name, value));
        return m;
    }

    /**
     * Spectates m1 and keeps the frames since the newest SNAPSHOT; asks for a fresh one (resync)
     * when a window grows long without a kill, and is done {@value #AFTER_KILL} frames after one.
     */
    private static final class Recorder extends WholeMessageListener {
        final CompletableFuture<List<byte[]>> done = new CompletableFuture<>();
        private final List<byte[]> window = new ArrayList<>();
        private World world;
        private int killAt = -1;
        private boolean resyncAsked;

        @Override
        protected void onWholeText(WebSocket socket, String text) {
            try {
                ServerMessage message = ControlCodec.decodeServer(text);
                if (message instanceof ServerMessage.Welcome) {
                    socket.sendText(ControlCodec.encode(new ClientMessage.Spectate("m1")), true);
                } else if (message instanceof ServerMessage.Heartbeat beat) {
                    socket.sendText(ControlCodec.encode(new ClientMessage.HeartbeatAck(beat.t())), true);
                }
            } catch (ProtocolException e) {
                done.completeExceptionally(e);
            }
        }

        @Override
        protected void onWholeBinary(WebSocket socket, ByteBuffer message, long arrivedNanos) {
            if (done.isDone()) {
                return;
            }
            byte[] frame = new byte[message.remaining()];
            message.get(frame);
            try {
                if (frame[0] == StateCodec.SNAPSHOT) {
                    window.clear();
                    world = null;
                    killAt = -1;
                    resyncAsked = false;
                }
                world = StateCodec.apply(world, ByteBuffer.wrap(frame));
            } catch (ProtocolException e) {
                done.completeExceptionally(e);
                return;
            }
            window.add(frame);
            if (killAt < 0 && world.events().stream().anyMatch(GameEvent.Kill.class::isInstance)) {
                killAt = window.size();
            }
            if (killAt >= 0 && window.size() >= killAt + AFTER_KILL) {
                done.complete(List.copyOf(window));
            } else if (killAt < 0 && window.size() > MAX_WINDOW && !resyncAsked) {
                resyncAsked = true;
                socket.sendText(ControlCodec.encode(new ClientMessage.Resync()), true);
            }
        }
    }
}
