package io.lancers.protocol;

/**
 * Control messages a client sends, as JSON text frames {@code {"type": "...", ...fields}}.
 * The wire name of each type is in {@link ControlCodec}. Inputs are binary, see {@link InputCodec}.
 */
public sealed interface ClientMessage {

    /** First message on every connection. {@code resumeToken} is null unless resuming a player. */
    record Hello(String name, String resumeToken) implements ClientMessage {
    }

    record ListMatches() implements ClientMessage {
    }

    record Join(String matchId) implements ClientMessage {
    }

    record Spectate(String matchId) implements ClientMessage {
    }

    /** Leave the current match (as player or spectator) and return to the lobby. */
    record Leave() implements ClientMessage {
    }

    record Chat(String text) implements ClientMessage {
    }

    /** Ask for a full snapshot, after a gap in the frame sequence. */
    record Resync() implements ClientMessage {
    }

    /** Liveness, sent every heartbeat interval; {@code t} is the sender's clock in ms. */
    record Heartbeat(long t) implements ClientMessage {
    }

    /** Immediate answer to the server's heartbeat, echoing its {@code t}: the server measures ping. */
    record HeartbeatAck(long t) implements ClientMessage {
    }
}
