package io.lancers.client.ui;

import java.net.URI;

/**
 * What the command line asks the desktop client to do at start.
 *
 * @param connect         connect to this server straight away (null: show the menu)
 * @param spectateMatch   with {@code connect}: spectate this match instead of playing
 * @param name            player name for this run (null: the saved setting)
 * @param discoveryTarget LAN discovery target for this run (null: the saved setting)
 * @param sound           false for {@code --no-sound}
 * @param bots            bots in a local "Play" match
 */
public record LaunchOptions(URI connect, String spectateMatch, String name, String discoveryTarget, boolean sound,
                            int bots) {
    public static final int DEFAULT_BOTS = 3;

    public static LaunchOptions menu() {
        return new LaunchOptions(null, null, null, null, true, DEFAULT_BOTS);
    }
}
