package io.lancers.server.match;

import io.lancers.protocol.WebSocketFrames;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One message as it goes to every receiver that gets it: encoded once and framed once (RFC 6455,
 * {@link WebSocketFrames}), on the tick thread, so sending it costs a write per receiver and nothing
 * else. Immutable; every accessor hands out a fresh view of the same bytes.
 */
public final class SharedFrame {
    private final WebSocketFrames.Opcode opcode;
    private final ByteBuffer payload;
    private final ByteBuffer wire;

    private SharedFrame(WebSocketFrames.Opcode opcode, byte[] payload) {
        this.opcode = opcode;
        this.payload = ByteBuffer.wrap(payload).asReadOnlyBuffer();
        this.wire = WebSocketFrames.encode(opcode, payload);
    }

    /** A JSON control message (docs/PROTOCOL.md §5). */
    public static SharedFrame text(String json) {
        return new SharedFrame(WebSocketFrames.Opcode.TEXT, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A binary state frame (docs/PROTOCOL.md §7). */
    public static SharedFrame binary(byte[] payload) {
        return new SharedFrame(WebSocketFrames.Opcode.BINARY, payload);
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
