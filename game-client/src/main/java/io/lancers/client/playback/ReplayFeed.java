package io.lancers.client.playback;

import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.Replayer;
import io.lancers.broadcast.StreamInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A replay file as a {@link Feed}: one loader thread owns the {@link Replayer} and keeps the ticks
 * from the one playback wants to a couple of seconds after it decoded. A jump outside that window
 * is a {@link Replayer#seek}: the nearest earlier full part, then at most one fragment of deltas.
 */
public final class ReplayFeed implements Feed {
    private static final Logger LOG = Logger.getLogger(ReplayFeed.class.getName());

    private final ReplayFile file;
    private final Replayer replayer;
    private volatile List<ReplayFile.Kill> kills = List.of();
    private final int ahead;
    private final int behind;
    private final ConcurrentSkipListMap<Integer, Moment> moments = new ConcurrentSkipListMap<>();
    private final Object signal = new Object();
    private final Thread loader;
    private volatile int wanted;
    private volatile boolean closed;
    private volatile String problem;

    private ReplayFeed(ReplayFile file, Replayer replayer) {
        this.file = file;
        this.replayer = replayer;
        this.ahead = 2 * file.info().tickRate();
        // The frame loop reads back to the last tick it drew, for the events passed since: at 4x a
        // few ticks a frame; a second of them is plenty.
        this.behind = file.info().tickRate();
        this.wanted = replayer.tick();
        moments.put(replayer.tick(), new Moment(replayer.world(), replayer.control()));
        this.loader = new Thread(this::load, "lancers-replay-loader");
        loader.setDaemon(true);
    }

    /**
     * Opens and checks a replay file and starts loading at its first tick; its kills are read for
     * the timeline meanwhile (a whole read of the file: about a second for five busy minutes).
     * Blocking: call it off the JavaFX thread.
     *
     * @throws IOException with a message for people when the file cannot be played (foreign, newer,
     *                     truncated before its first fragment, corrupt)
     */
    public static ReplayFeed open(Path path) throws IOException {
        ReplayFile file = ReplayFile.open(path);
        try {
            ReplayFeed feed = new ReplayFeed(file, new Replayer(file));
            feed.loader.start();
            Thread killReader = new Thread(feed::readKills, "lancers-replay-kills");
            killReader.setDaemon(true);
            killReader.start();
            return feed;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private void readKills() {
        try {
            kills = file.kills();
        } catch (IOException e) {
            // Damage past the first fragments, or the file closed meanwhile: play on without marks.
            LOG.info("no kill marks for " + file.path().getFileName() + ": " + e.getMessage());
        }
    }

    public ReplayFile file() {
        return file;
    }

    @Override
    public StreamInfo info() {
        return file.info();
    }

    @Override
    public int firstTick() {
        return file.firstTick();
    }

    @Override
    public int lastTick() {
        return file.lastTick();
    }

    @Override
    public boolean seekable() {
        return true;
    }

    @Override
    public Moment moment(int tick) {
        return moments.get(tick);
    }

    @Override
    public void want(int tick) {
        int clamped = Math.max(firstTick(), Math.min(lastTick(), tick));
        if (clamped != wanted) {
            wanted = clamped;
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    @Override
    public List<ReplayFile.Kill> kills() {
        return kills;
    }

    @Override
    public String status() {
        String now = problem;
        if (now != null) {
            return now;
        }
        if (!file.complete()) {
            return "Incomplete recording: it ends after its last complete fragment"
                    + (file.damage() == null ? "" : " (" + file.damage() + ")");
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            loader.join(2000);
            file.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a replay file", e);
        }
    }

    // ---- the loader thread ------------------------------------------------------------------

    private void load() {
        while (!closed) {
            int target = wanted;
            try {
                fill(target);
            } catch (IOException | RuntimeException e) {
                if (problem == null) {
                    LOG.warning("replay " + file.path().getFileName() + " at tick " + target + ": " + e.getMessage());
                }
                problem = "This part of the recording is damaged: " + e.getMessage();
            }
            awaitWork(target);
        }
    }

    /** Makes the window hold {@code target} and the ticks after it, from the replayer's position or a seek. */
    private void fill(int target) throws IOException {
        boolean inWindow = !moments.isEmpty() && target >= moments.firstKey() && target <= moments.lastKey() + ahead;
        if (!inWindow || replayer.tick() != moments.lastKey()) {
            replayer.seek(target);
            moments.clear();
            moments.put(target, current());
            problem = null;
        }
        int end = Math.min(lastTick(), target + ahead);
        while (replayer.tick() < end && wanted == target && !closed) {
            replayer.step();
            moments.put(replayer.tick(), current());
        }
        moments.headMap(target - behind).clear();
    }

    private Moment current() {
        return new Moment(replayer.world(), replayer.control());
    }

    /** Sleeps until playback wants another tick or the window runs low. */
    private void awaitWork(int served) {
        synchronized (signal) {
            while (!closed && wanted == served) {
                try {
                    signal.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
