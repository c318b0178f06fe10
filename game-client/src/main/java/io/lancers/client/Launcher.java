package io.lancers.client;

import io.lancers.server.log.LogFormat;

/**
 * The jar's entry point. It is deliberately not a JavaFX {@code Application}: when the main class
 * extends {@code Application}, the launcher insists on JavaFX as named modules and a fat jar with
 * JavaFX on the class path refuses to start.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        LogFormat.oneLineText();
        System.exit(ClientMain.run(args));
    }
}
