package io.lancers.client.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    private final Preferences node = Preferences.userRoot().node("io/lancers/test/settings-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void savedSettingsLoadBackEqual() {
        Settings s = Settings.defaults().withPlayerName("Ace").withSound(false).withVolume(0.35).withShowNetStats(true)
                .withDiscoveryTarget("127.0.0.1:9999").withControlsSeen(true).withAutoLowEffects(false)
                .withRecording(true, "/tmp/lancers-replays");
        s.save(node);
        assertEquals(s, Settings.load(node));
    }

    @Test
    void anEmptyNodeGivesTheDefaults() {
        Settings s = Settings.load(node);
        assertEquals(Settings.DEFAULT_DISCOVERY_TARGET, s.discoveryTarget());
        assertTrue(s.sound());
        assertEquals(Settings.DEFAULT_VOLUME, s.volume());
        assertFalse(s.controlsSeen());
        assertFalse(s.recordMatches(), "recording is asked for, not assumed");
        assertTrue(s.recordFolder().endsWith("replays"));
        assertFalse(s.playerName().isBlank());
    }

    @Test
    void theVolumeStaysWithin0And1() {
        assertEquals(1, Settings.defaults().withVolume(3).volume());
        assertEquals(0, Settings.defaults().withVolume(-1).volume());
        assertEquals(Settings.DEFAULT_VOLUME, Settings.defaults().withVolume(Double.NaN).volume());
    }

    @Test
    void namesFollowTheServersRules() {
        assertEquals("Bob", Settings.defaults().withPlayerName("  B\u0007ob \n").playerName());
        assertEquals(20, Settings.defaults().withPlayerName("x".repeat(40)).playerName().length());
        assertFalse(Settings.defaults().withPlayerName("\t").playerName().isBlank());
    }
}
