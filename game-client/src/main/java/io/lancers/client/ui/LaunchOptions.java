package io.lancers.client.ui;

import io.lancers.server.ServerOptions;

import java.net.URI;
import java.nio.file.Path;

/**
 * What the command line asks the desktop client to do at start.
 *
 * @param connect         connect to this server straight away (null: show the menu)
 * @param spectateMatch   with {@code connect}: spectate this match instead of playing
 * @param name            player name for this run (null: the saved setting)
 * @param discoveryTarget LAN discovery target for this run (null: the saved setting)
 * @param sound           false for {@code --no-sound}
 * @param bots            bots in a local "Play" (or "Host") match
 * @param botSkill        0..1, their skill
 * @param replay          play this replay file at once (null: none)
 * @param watch           watch this HTTP broadcast at once, {@code http://HOST:PORT/broadcast/MATCH} (null: none)
 */
public record LaunchOptions(URI connect, String spectateMatch, String name, String discoveryTarget, boolean sound,
                            int bots, float botSkill, Path replay, URI watch) {
    public static final int DEFAULT_BOTS = 3;
    /**
     * Gentler than a dedicated server's bots: Play is the game's first impression, and a newcomer
     * still finding the keys should not be shot down in seconds (BotBrainTest measures how much).
     */
    public static final float DEFAULT_BOT_SKILL = 0.25f;

    /** Neither a replay nor a broadcast to open at start. */
    public LaunchOptions(URI connect, String spectateMatch, String name, String discoveryTarget, boolean sound,
                         int bots, float botSkill) {
        this(connect, spectateMatch, name, discoveryTarget, sound, bots, botSkill, null, null);
    }

    public static LaunchOptions menu() {
        return new LaunchOptions(null, null, null, null, true, DEFAULT_BOTS, DEFAULT_BOT_SKILL);
    }

    /**
     * The server of a local "Play" or "Host" match: its bots. The server fills each room up to its
     * bot count and a bot makes room for each human: one more than the opponents asked for.
     */
    ServerOptions localServer() {
        return ServerOptions.defaults().with(o -> {
            o.bots = bots + 1;
            o.botSkill = botSkill;
        });
    }
}
