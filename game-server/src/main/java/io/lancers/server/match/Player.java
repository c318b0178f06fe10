package io.lancers.server.match;

import io.lancers.bot.BotBrain;
import io.lancers.sim.Input;
import io.lancers.sim.Team;

/** A participant of a match (a human or a bot) and its ship's id. Tick thread only. */
final class Player {
    final int id;
    final String name;
    final int color;
    /** The bot's AI; null for a human. */
    final BotBrain brain;
    /** A human's resume token; null for a bot. */
    final String resumeToken;
    /** Survives resumes, so reconnecting does not reset the chat rate limit. */
    final ChatWindow chat;

    /** The human's current connection; null while offline and for bots. */
    Membership membership;
    boolean online = true;
    int pingMs;
    /** While offline: the tick at which the resume grace is over and the player leaves. */
    int graceEndsTick;
    /** What the ship does this tick; kept when no new input arrives. */
    Input input = Input.IDLE;
    /** Its side in a team match (set when seated, changed by a rebalance); NONE in free-for-all. */
    Team team = Team.NONE;

    Player(int id, String name, int color, BotBrain brain, String resumeToken, ChatWindow chat) {
        this.id = id;
        this.name = name;
        this.color = color;
        this.brain = brain;
        this.resumeToken = resumeToken;
        this.chat = chat;
    }

    boolean bot() {
        return brain != null;
    }
}
