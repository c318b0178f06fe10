package io.lancers.protocol;

/**
 * Control messages a client sends, as JSON text frames {@code {"type": "...", ...fields}}.
 * The wire name of each type is in {@link ControlCodec}. Inputs are binary, see {@link InputCodec}.
 */
public sealed interface ClientMessage {

    /**
     * First message on every connection. {@code resumeToken} is null unless resuming a player;
     * {@code password} is null unless the server asks for one; {@code hostToken} is null unless this
     * connection is the host's own (it may then send {@link Kick}, {@link NextMap}, {@link EndMatch}).
     */
    record Hello(String name, String resumeToken, String password, String hostToken) implements ClientMessage {
        /** Without a password or host token: what a client sends to an open server. */
        public Hello(String name, String resumeToken) {
            this(name, resumeToken, null, null);
        }

        /** Never the password or the token: records print their components, and hellos get logged. */
        @Override
        public String toString() {
            return "Hello[name=" + name + ", resumeToken=" + (resumeToken == null ? "none" : "…")
                    + ", password=" + (password == null ? "none" : "…")
                    + ", hostToken=" + (hostToken == null ? "none" : "…") + "]";
        }
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

    /** Host only: removes a human player from the match at once (closed 4004, its seat and token void). */
    record Kick(String matchId, int playerId) implements ClientMessage {
    }

    /** Host only: the map the match's next round plays; beats the players' vote. */
    record NextMap(String matchId, String mapId) implements ClientMessage {
    }

    /** Host only: ends the match's current round now; the intermission (and its vote) follows. */
    record EndMatch(String matchId) implements ClientMessage {
    }

    /** A player's vote for the next map during the intermission; a later vote replaces an earlier one. */
    record Vote(String mapId) implements ClientMessage {
    }
}
