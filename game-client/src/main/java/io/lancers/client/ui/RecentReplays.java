package io.lancers.client.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The replay files opened lately, newest first, kept in the settings' preferences node. */
final class RecentReplays {
    static final int MAX = 10;
    private static final String KEY = "recentReplays";

    private final Preferences prefs;

    RecentReplays(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The files, newest first; those deleted since are left out. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String line : prefs.get(KEY, "").split("\n")) {
            if (!line.isBlank()) {
                Path p = Path.of(line);
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        return files;
    }

    /** {@code file} becomes the newest. */
    void opened(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(files());
        files.remove(absolute);
        files.add(0, absolute);
        List<String> lines = files.stream().limit(MAX).map(Path::toString).toList();
        // Preferences values are limited to 8 KiB: ten paths fit.
        prefs.put(KEY, String.join("\n", lines));
    }
}
