package io.lancers.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The flags that must be refused before anything starts (no window, no network). */
class ClientMainTest {

    @Test
    void helpSucceeds() {
        assertEquals(0, ClientMain.run(new String[] {"--help"}));
    }

    @Test
    void headlessNeedsAServer() {
        assertEquals(2, ClientMain.run(new String[] {"--headless", "--bots", "2"}));
    }

    @Test
    void spectateNeedsAServer() {
        assertEquals(2, ClientMain.run(new String[] {"--spectate", "m1"}));
    }

    @Test
    void botSkillIsWithinZeroAndOne() {
        assertEquals(2, ClientMain.run(new String[] {"--bot-skill", "1.5"}));
        assertEquals(2, ClientMain.run(new String[] {"--bot-skill", "-0.1"}));
    }

    @Test
    void unknownFlagsAreUsageErrors() {
        assertEquals(2, ClientMain.run(new String[] {"--fly"}));
    }
}
