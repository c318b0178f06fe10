package io.lancers.client.ui;

import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.ReplayHeader;
import io.lancers.client.audio.SoundBoard;
import io.lancers.client.playback.BroadcastFeed;
import io.lancers.client.playback.Feed;
import io.lancers.client.playback.ReplayFeed;
import io.lancers.map.ArenaMap;
import io.lancers.map.MapLoader;
import javafx.application.Platform;
import javafx.scene.Node;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

/**
 * The window's replay side: the Replays screen, opening a file or a delayed HTTP broadcast (off
 * the JavaFX thread, behind a busy panel) and the playback screen. What cannot be played is a
 * message on screen (and on stderr when it came from the command line), never an exception.
 */
final class Replays {
    private static final Logger LOG = Logger.getLogger(Replays.class.getName());

    /** What this needs of the window. */
    interface Window {
        void setScreen(Node screen);

        void addOverlay(Node overlay);

        void showMenu(String message);

        /** Where recordings are written, or null when the player does not record. */
        Path recordFolder();

        /** The player's setting: frames that run long switch to fewer effects (in replays too). */
        boolean autoLowEffects();
    }

    private final Window window;
    private final SoundBoard sounds;
    private final RecentReplays recent;
    /** Bumped by every open and every stop: a background open whose number is stale closes what it opened. */
    private final AtomicLong generation = new AtomicLong();
    private PlaybackScreen playing;
    private ReplaysScreen screen;

    Replays(Window window, SoundBoard sounds, Preferences prefs) {
        this.window = window;
        this.sounds = sounds;
        this.recent = new RecentReplays(prefs);
    }

    /** The Replays screen, with {@code message} (null: none). */
    void showScreen(String message) {
        stop();
        Path folder = window.recordFolder();
        List<Path> files = files(folder);
        screen = new ReplaysScreen(files, folder, new ReplaysScreen.Actions() {
            @Override
            public void open(Path file) {
                Replays.this.open(file, false);
            }

            @Override
            public void back() {
                screen = null;
                window.showMenu(null);
            }
        });
        screen.showStatus(message);
        window.setScreen(screen);
        describeInBackground(screen, files);
    }

    /** Reads each listed file's header and index off the FX thread, and tells the screen what it holds. */
    private void describeInBackground(ReplaysScreen shown, List<Path> files) {
        Thread reader = new Thread(() -> {
            for (Path file : files) {
                String detail = detail(file);
                Platform.runLater(() -> shown.setDetail(file, detail));
            }
        }, "lancers-replays-list");
        reader.setDaemon(true);
        reader.start();
    }

    /** "foundry · 5 players · 3:12 · won by Ann (12)", "incomplete", or why it cannot be played. */
    static String detail(Path file) {
        try (ReplayFile replay = ReplayFile.open(file)) {
            ReplayHeader header = replay.header();
            int seconds = (replay.lastTick() - replay.firstTick()) / Math.max(1, header.tickRate());
            String end = replay.trailer().flatMap(t -> t.finalScores().stream().findFirst())
                    .map(best -> "best: " + (best.name() == null ? "#" + best.id() : best.name()) + " (" + best.kills()
                            + " kills)").orElse("incomplete recording");
            return String.format(Locale.ROOT, "%s  ·  %d players  ·  %d:%02d  ·  %s", header.mapId(),
                    header.players().size(), seconds / 60, seconds % 60, end);
        } catch (IOException | RuntimeException e) {
            return "cannot be played: " + reason(e, file);
        }
    }

    /**
     * Opens {@code file} and plays it; on failure back to the Replays screen with the reason.
     *
     * @param fromCommandLine also print a failure on stderr ({@code --replay})
     */
    void open(Path file, boolean fromCommandLine) {
        load("Opening " + file.getFileName() + "…", () -> ReplayFeed.open(file),
                feed -> {
                    recent.opened(file);
                    return "REPLAY · " + file.getFileName();
                },
                problem -> {
                    String message = "Cannot play " + file.getFileName() + ": " + reason(problem, file);
                    report(message, fromCommandLine);
                    showScreen(message);
                },
                () -> showScreen(null));
    }

    /**
     * Follows the HTTP broadcast at {@code url} ({@code http://HOST:PORT/broadcast/MATCH}); on
     * failure, and when the player leaves, back to the menu.
     *
     * @param fromCommandLine also print a failure on stderr ({@code --watch})
     */
    void watch(URI url, boolean fromCommandLine) {
        load("Tuning in to " + url + "…", () -> BroadcastFeed.open(url),
                feed -> String.format(Locale.ROOT, "DELAYED BROADCAST · %.0f s",
                        ((BroadcastFeed) feed).delaySeconds()),
                problem -> {
                    String message = "Cannot watch " + url + ": " + reason(problem, null);
                    report(message, fromCommandLine);
                    window.showMenu(message);
                },
                () -> window.showMenu(null));
    }

    /** Opens a feed off the JavaFX thread behind a busy panel with Cancel, then plays it. */
    private void load(String busyText, FeedOpener opener, Function<Feed, String> badge, Consumer<Exception> failed,
                      Runnable back) {
        long mine = generation.incrementAndGet();
        window.addOverlay(Overlays.busy("opening", busyText, () -> {
            generation.incrementAndGet();
            back.run();
        }));
        Thread thread = new Thread(() -> {
            Feed feed = null;
            ArenaMap map = null;
            Exception problem = null;
            try {
                feed = opener.open();
                map = MapLoader.load(feed.info().mapId());
            } catch (IOException | RuntimeException e) {
                problem = e;
                if (feed != null) {
                    feed.close();
                    feed = null;
                }
            }
            Feed opened = feed;
            ArenaMap loaded = map;
            Exception failure = problem;
            Platform.runLater(() -> {
                if (generation.get() != mine) {
                    if (opened != null) {
                        opened.close();
                    }
                } else if (opened == null) {
                    failed.accept(failure);
                } else {
                    play(opened, loaded, badge.apply(opened), back);
                }
            });
        }, "lancers-feed-open");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opening a feed: blocking, throws with a message for people. */
    private interface FeedOpener {
        Feed open() throws IOException;
    }

    private static void report(String message, boolean fromCommandLine) {
        LOG.warning(message);
        if (fromCommandLine) {
            System.err.println("lancers: " + message);
        }
    }

    /** The screen playing now, or null. */
    PlaybackScreen playing() {
        return playing;
    }

    /** Stops playback and any open in progress. */
    void stop() {
        generation.incrementAndGet();
        screen = null;
        if (playing != null) {
            playing.stop();
            playing = null;
        }
    }

    private void play(Feed feed, ArenaMap map, String badge, Runnable back) {
        screen = null;
        if (playing != null) {
            playing.stop();
        }
        playing = new PlaybackScreen(feed, map, badge, sounds, () -> {
            playing = null;
            back.run();
        });
        playing.matchView().setAutoLowEffects(window.autoLowEffects());
        window.setScreen(playing);
        playing.start(true);
    }

    /** Recent files first, then the record folder's recordings, newest first. */
    private List<Path> files(Path folder) {
        List<Path> files = new ArrayList<>(recent.files());
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(p -> p.getFileName().toString().endsWith(ReplaysScreen.EXTENSION))
                        .filter(p -> !files.contains(p.toAbsolutePath().normalize()))
                        .sorted((a, b) -> Long.compare(modified(b), modified(a)))
                        .forEach(files::add);
            } catch (IOException e) {
                LOG.info("cannot list " + folder + ": " + e.getMessage());
            }
        }
        return files;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The exception's message for people, without the file name the reader starts it with. */
    private static String reason(Exception e, Path file) {
        if (e instanceof java.net.ConnectException) {
            return "nothing answers there";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String prefix = file == null ? null : file.getFileName() + ": ";
        return prefix != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
