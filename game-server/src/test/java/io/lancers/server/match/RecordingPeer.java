package io.lancers.server.match;

import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.WebSocketFrames;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link Peer}: records everything sent, in order, and lets a test set its backlog. */
final class RecordingPeer implements Peer {
    static final byte SNAPSHOT = 0x10;
    static final byte DELTA = 0x11;

    private final String label;
    /** Decoded control messages and binary frames, in the order they were sent. */
    final List<Object> sent = new ArrayList<>();
    /** Every frame as the match handed it over, shared bytes and all. */
    final List<SharedFrame> shared = new ArrayList<>();
    int pending;
    /** The thread that sent last: the match's tick thread when it runs. */
    volatile String senderThread;
    volatile int closeCode;
    volatile String closeReason;

    RecordingPeer(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Keeps what a client would read: the decoded message, or the state frame's payload. */
    @Override
    public void send(SharedFrame frame) {
        senderThread = Thread.currentThread().getName();
        shared.add(frame);
        if (frame.opcode() == WebSocketFrames.Opcode.BINARY) {
            sent.add(frame.payload());
            return;
        }
        String json = StandardCharsets.UTF_8.decode(frame.payload()).toString();
        try {
            sent.add(ControlCodec.decodeServer(json));
        } catch (ProtocolException e) {
            throw new AssertionError(label + " was sent a message it cannot decode: " + json, e);
        }
    }

    @Override
    public int pendingSends() {
        return pending;
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
    }

    <T extends ServerMessage> List<T> messages(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends ServerMessage> T last(Class<T> type) {
        List<T> all = messages(type);
        if (all.isEmpty()) {
            throw new AssertionError(label + " got no " + type.getSimpleName() + " in " + sent);
        }
        return all.get(all.size() - 1);
    }

    List<ByteBuffer> frames() {
        return sent.stream().filter(ByteBuffer.class::isInstance).map(ByteBuffer.class::cast).toList();
    }

    /** What kind each item was, for order checks: message class names and "SNAPSHOT"/"DELTA". */
    List<String> kinds() {
        return sent.stream().map(item -> item instanceof ByteBuffer frame
                ? frame.get(frame.position()) == SNAPSHOT ? "SNAPSHOT" : "DELTA"
                : item.getClass().getSimpleName()).toList();
    }

    void clear() {
        sent.clear();
    }
}
