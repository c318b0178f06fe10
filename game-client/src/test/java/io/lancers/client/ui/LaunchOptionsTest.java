package io.lancers.client.ui;

import io.lancers.server.ServerOptions;
import io.lancers.server.match.MatchSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchOptionsTest {

    @Test
    void aLocalMatchHasGentleBotsAndRoomForThePlayer() {
        ServerOptions local = LaunchOptions.menu().localServer();
        assertEquals(LaunchOptions.DEFAULT_BOTS + 1, local.bots, "one bot makes room for the player");
        assertTrue(LaunchOptions.DEFAULT_BOT_SKILL < MatchSettings.DEFAULT_BOT_SKILL, "gentler than a dedicated server");
        for (MatchSettings room : local.matchSettings()) {
            assertEquals(LaunchOptions.DEFAULT_BOT_SKILL, room.botSkill(), room.id());
        }
    }

    @Test
    void theCommandLineSetsTheirSkill() {
        LaunchOptions sharp = new LaunchOptions(null, null, null, null, false, 2, 0.9f);
        assertEquals(0.9f, sharp.localServer().botSkill);
        assertEquals(3, sharp.localServer().bots);
    }
}
