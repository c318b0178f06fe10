package io.lancers.broadcast;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.StateCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The start of fragment {@code n}: everything a viewer needs to begin watching at its first tick.
 * <pre>
 * magic "LNCF" | version u8 (2) | fragment u32 | tick u32
 *   | controlLength u32 | control JSON (UTF-8) | snapshotLength u32 | SNAPSHOT frame (lancers.v5)
 * </pre>
 * The control JSON is {@code {"info": StreamInfo, "roster": roster message or null, "recent": [chat
 * and notice messages]}}, messages exactly as players receive them. The snapshot is the very
 * {@link StateCodec#encodeSnapshot} frame of the world at {@code tick}. Byte diagrams: docs/BROADCAST.md.
 *
 * @param fragment the fragment number, 0 for the stream's first
 * @param tick     the tick of the snapshot, {@code s_n}
 * @param info     the stream's fixed facts
 * @param control  roster and recent lines as of {@code tick}
 * @param snapshot a SNAPSHOT state frame of tick {@code tick}
 */
public record FullPart(int fragment, int tick, StreamInfo info, ControlState control, byte[] snapshot) {
    /**
     * 2: state frames of {@code lancers.v5} (1: of {@code lancers.v2}, still read: v5's decoder reads
     * them). An older reader refuses a newer part by this byte before it decodes any frame.
     */
    public static final int FORMAT_VERSION = 2;
    static final byte[] MAGIC = "LNCF".getBytes(StandardCharsets.US_ASCII);

    public FullPart {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(control, "control");
        snapshot = snapshot.clone();
        if (fragment < 0 || tick < 0) {
            throw new IllegalArgumentException("fragment and tick must be non-negative");
        }
    }

    @Override
    public byte[] snapshot() {
        return snapshot.clone();
    }

    /** The bytes of this part as served and stored. */
    public byte[] encode() {
        JsonObject json = new JsonObject();
        json.add("info", Json.tree(info));
        json.add("roster", control.roster() == null ? JsonNull.INSTANCE : Json.message(control.roster()));
        JsonArray recent = new JsonArray();
        control.recent().forEach(line -> recent.add(Json.message(line)));
        json.add("recent", recent);
        return new PartWriter(snapshot.length + 1024).bytes(MAGIC).u8(FORMAT_VERSION).u32(fragment).u32(tick)
                .sized(Json.treeText(json)).sized(snapshot).toByteArray();
    }

    /**
     * Reads a full part and checks it whole: structure, JSON, and that the snapshot is a SNAPSHOT
     * frame of {@code tick} (its body is decoded by the {@link StreamCursor}).
     *
     * @throws BroadcastFormatException with a message saying what is wrong
     */
    public static FullPart decode(byte[] bytes) throws BroadcastFormatException {
        PartReader in = new PartReader(bytes, "full part");
        in.magic(MAGIC, "Lancers full part");
        in.version(FORMAT_VERSION);
        int fragment = in.u31("fragment");
        int tick = in.u31("tick");
        String controlJson = in.utf8(in.u31("control length"), "control JSON");
        byte[] snapshot = in.bytes(in.u31("snapshot length"), "snapshot");
        in.requireEnd();
        requireSnapshotOf(snapshot, tick);
        JsonElement tree = Json.syntax(controlJson, "full part control");
        if (!tree.isJsonObject()) {
            throw new BroadcastFormatException("full part control: not a JSON object");
        }
        JsonObject control = tree.getAsJsonObject();
        if (!control.has("info") || !control.has("recent") || !control.get("recent").isJsonArray()) {
            throw new BroadcastFormatException("full part control: needs \"info\" and a \"recent\" array");
        }
        StreamInfo info = Json.parse(control.get("info"), StreamInfo.class, "full part info");
        return new FullPart(fragment, tick, info, controlState(control), snapshot);
    }

    private static ControlState controlState(JsonObject control) throws BroadcastFormatException {
        ServerMessage.Roster roster = null;
        JsonElement rosterJson = control.get("roster");
        if (rosterJson != null && !rosterJson.isJsonNull()) {
            if (!(Json.message(rosterJson, "full part roster") instanceof ServerMessage.Roster r)) {
                throw new BroadcastFormatException("full part roster: not a roster message");
            }
            roster = r;
        }
        List<ServerMessage> recent = new ArrayList<>();
        for (JsonElement line : control.getAsJsonArray("recent")) {
            recent.add(Json.message(line, "full part recent line"));
        }
        try {
            return new ControlState(roster, recent);
        } catch (IllegalArgumentException e) {
            throw new BroadcastFormatException("full part control: " + e.getMessage());
        }
    }

    private static void requireSnapshotOf(byte[] snapshot, int tick) throws BroadcastFormatException {
        try {
            StateCodec.Header header = StateCodec.header(ByteBuffer.wrap(snapshot));
            if (header.kind() != StateCodec.SNAPSHOT || header.tick() != tick) {
                throw new BroadcastFormatException("full part: its frame is not a SNAPSHOT of tick " + tick);
            }
        } catch (ProtocolException e) {
            throw new BroadcastFormatException("full part snapshot: " + e.reason(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FullPart o && fragment == o.fragment && tick == o.tick && info.equals(o.info)
                && control.equals(o.control) && Arrays.equals(snapshot, o.snapshot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fragment, tick, info, control, Arrays.hashCode(snapshot));
    }

    @Override
    public String toString() {
        return "FullPart[fragment=" + fragment + ", tick=" + tick + ", " + snapshot.length + " snapshot bytes]";
    }
}
