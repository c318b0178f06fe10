package io.lancers.broadcast;

import io.lancers.protocol.ServerMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * What the control messages of a match stream have said so far, as a viewer shows it: the latest
 * roster (names, colours, bots, who is online) and the most recent chat lines and notices, oldest
 * first. Immutable; {@link #apply} gives the next state.
 *
 * @param roster the last roster broadcast, or null before the first
 * @param recent the last {@link #RECENT_LINES} {@link ServerMessage.Chat} and {@link ServerMessage.Notice}
 *               messages, oldest first
 */
public record ControlState(ServerMessage.Roster roster, List<ServerMessage> recent) {
    /** Chat and notice lines kept: what a chat box shows, and what a full part carries. */
    public static final int RECENT_LINES = 20;
    public static final ControlState EMPTY = new ControlState(null, List.of());

    public ControlState {
        recent = List.copyOf(recent);
        for (ServerMessage line : recent) {
            if (!isLine(line)) {
                throw new IllegalArgumentException("recent lines are chat and notices, not " + line);
            }
        }
        if (recent.size() > RECENT_LINES) {
            throw new IllegalArgumentException("at most " + RECENT_LINES + " recent lines, got " + recent.size());
        }
    }

    /**
     * The state after {@code message}: a roster replaces the roster, chat and notices are appended
     * (the oldest line falls off past {@link #RECENT_LINES}); any other message changes nothing.
     */
    public ControlState apply(ServerMessage message) {
        if (message instanceof ServerMessage.Roster newRoster) {
            return new ControlState(newRoster, recent);
        }
        if (!isLine(message)) {
            return this;
        }
        List<ServerMessage> lines = new ArrayList<>(recent.size() + 1);
        lines.addAll(recent.size() == RECENT_LINES ? recent.subList(1, RECENT_LINES) : recent);
        lines.add(message);
        return new ControlState(roster, lines);
    }

    /** The name of player {@code id} in the roster, or null when unknown. */
    public String nameOf(int id) {
        if (roster != null) {
            for (ServerMessage.PlayerInfo player : roster.players()) {
                if (player.id() == id) {
                    return player.name();
                }
            }
        }
        return null;
    }

    private static boolean isLine(ServerMessage message) {
        return message instanceof ServerMessage.Chat || message instanceof ServerMessage.Notice;
    }
}
