package io.lancers.server.match;

import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.StateCodec;
import io.lancers.protocol.WebSocketFrames;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One message as it goes to every receiver that gets it: encoded once and framed once (RFC 6455,
 * {@link WebSocketFrames}), on the tick thread, so sending it costs a write per receiver and nothing
 * else. Immutable; every accessor hands out a fresh view of the same bytes.
 */
public final class SharedFrame {
    /** {@link #stateTick()} of a text frame. */
    public static final int NO_TICK = -1;

    private final WebSocketFrames.Opcode opcode;
    private final ByteBuffer payload;
    private final ByteBuffer wire;
    private final int stateTick;

    private SharedFrame(WebSocketFrames.Opcode opcode, byte[] payload, int stateTick) {
        this.opcode = opcode;
        this.stateTick = stateTick;
        this.payload = ByteBuffer.wrap(payload).asReadOnlyBuffer();
        this.wire = WebSocketFrames.encode(opcode, payload);
    }

    /** A JSON control message (docs/PROTOCOL.md §5). */
    public static SharedFrame text(String json) {
        return new SharedFrame(WebSocketFrames.Opcode.TEXT, json.getBytes(StandardCharsets.UTF_8), NO_TICK);
    }

    /**
     * A binary state frame (docs/PROTOCOL.md §7).
     *
     * @throws IllegalArgumentException if {@code payload} has no state frame header
     */
    public static SharedFrame binary(byte[] payload) {
        try {
            return new SharedFrame(WebSocketFrames.Opcode.BINARY, payload,
                    StateCodec.header(ByteBuffer.wrap(payload)).tick());
        } catch (ProtocolException e) {
            throw new IllegalArgumentException("not a state frame: " + e.reason(), e);
        }
    }

    /** The tick a state frame brings its receiver to (read once, not per receiver); {@link #NO_TICK} for text. */
    public int stateTick() {
        return stateTick;
    }

    public WebSocketFrames.Opcode opcode() {
        return opcode;
    }

    /** The message itself, read-only, positioned at its start. */
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    public int payloadLength() {
        return payload.remaining();
    }

    /** The whole WebSocket frame, header and payload, read-only and direct: what a connection writes. */
    public ByteBuffer wire() {
        return wire.duplicate();
    }

    @Override
    public String toString() {
        return opcode + " " + payload.remaining() + " B";
    }
}
