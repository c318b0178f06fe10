package io.lancers.client.ui;

import io.lancers.assets.Assets;
import io.lancers.client.tls.KnownHosts;
import io.lancers.client.tls.ServerTrust;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.util.List;
import java.util.prefs.Preferences;

/** The JavaFX application: one {@link ClientWindow} with the player's saved settings. */
public final class LancersApp extends Application {
    /** Handed over from {@link #launch(LaunchOptions)}: JavaFX builds the instance itself. */
    private static volatile LaunchOptions pending = LaunchOptions.menu();
    private static volatile ServerTrust pendingTrust = ServerTrust.of(KnownHosts.user(), List.of());
    private ClientWindow window;

    /** Starts JavaFX and blocks until the window is closed. */
    public static void launch(LaunchOptions options, ServerTrust trust) {
        pending = options;
        pendingTrust = trust;
        Application.launch(LancersApp.class);
    }

    @Override
    public void start(Stage stage) {
        for (String icon : Assets.Sprites.ICONS) {
            stage.getIcons().add(new Image(Assets.url(icon).toExternalForm()));
        }
        window = new ClientWindow(stage, pending, Preferences.userRoot().node(Settings.USER_NODE), pendingTrust);
        window.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.exit();
        }
    }
}
