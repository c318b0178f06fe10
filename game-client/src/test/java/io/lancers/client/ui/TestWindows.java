package io.lancers.client.ui;

import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

/** A real client window for tests: its own throw-away settings node, no sound, LAN discovery on loopback. */
final class TestWindows {
    private TestWindows() {
    }

    /** A fresh preferences node; remove it after the test. */
    static Preferences prefs(String what) {
        return Preferences.userRoot().node("io/lancers/test/" + what + "-" + UUID.randomUUID());
    }

    /** Saves {@code settings} (as "Tester", sound off) and shows the window: at the menu, or playing {@code replay}. */
    static ClientWindow show(Stage stage, Preferences prefs, Settings settings, Path replay) {
        return show(stage, prefs, settings, replay, "127.0.0.1:1");
    }

    /** As above, LAN discovery probing {@code discoveryTarget} ({@code 127.0.0.1:PORT}: loopback only). */
    static ClientWindow show(Stage stage, Preferences prefs, Settings settings, Path replay, String discoveryTarget) {
        settings.withPlayerName("Tester").withSound(false).save(prefs);
        ClientWindow window = new ClientWindow(stage, new LaunchOptions(null, null, null, discoveryTarget, false, 1,
                LaunchOptions.DEFAULT_BOT_SKILL, replay, null), prefs);
        window.show();
        return window;
    }
}
