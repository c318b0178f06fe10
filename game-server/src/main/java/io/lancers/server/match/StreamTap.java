package io.lancers.server.match;

import io.lancers.protocol.ServerMessage;
import io.lancers.sim.World;

import java.nio.ByteBuffer;

/**
 * What a room tells a recorder or broadcaster about its stream, on its tick thread: each tick's
 * world with the DELTA frame that brings a receiver to it, and each control message broadcast to
 * everyone. Must be quick and must not block: it runs inside the tick.
 */
public interface StreamTap {
    /** Taps nothing. */
    StreamTap NONE = new StreamTap() {
        @Override
        public void frame(World world, ByteBuffer delta) {
        }

        @Override
        public void control(ServerMessage message) {
        }

        @Override
        public void mapChanged(String mapId) {
        }
    };

    /**
     * The world of a new tick and the DELTA frame from the previous tick's world to it: the bytes
     * players got (read-only, shared; read it, do not keep it).
     */
    void frame(World world, ByteBuffer delta);

    /** A control message broadcast to everyone in the room, at the tick of the last frame. */
    void control(ServerMessage message);

    /** The room moves to another built-in map; the next frame is the first world on it. */
    void mapChanged(String mapId);
}
