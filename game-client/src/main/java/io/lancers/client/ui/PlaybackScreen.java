package io.lancers.client.ui;

import io.lancers.broadcast.ControlState;
import io.lancers.broadcast.ReplayFile;
import io.lancers.broadcast.StreamInfo;
import io.lancers.client.audio.SoundBoard;
import io.lancers.client.net.NetStats;
import io.lancers.client.playback.Feed;
import io.lancers.client.playback.Moment;
import io.lancers.client.playback.Playback;
import io.lancers.client.playback.PlaybackClock;
import io.lancers.client.state.RenderFrame;
import io.lancers.map.ArenaMap;
import io.lancers.protocol.ServerMessage;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A replay or a delayed broadcast on screen: the real match view as a spectator's, fed by a
 * {@link Playback} instead of a connection, with a {@link PlaybackBar} below. Following a player
 * (Q/E, click), the free camera (WASD), the scoreboard (Tab), effects and sounds are the match
 * view's own. Here: Space plays and pauses, ←/→ seek 5 s, Esc leaves. FX thread only.
 */
final class PlaybackScreen extends StackPane implements MatchView.Source {
    static final int SEEK_STEP_SECONDS = 5;

    private final Playback playback;
    private final Feed feed;
    private final MatchView view;
    private final PlaybackBar bar;
    private final Runnable leave;
    private ControlState shownControl;
    private int markedKills = -1;

    /**
     * @param map   the stream's map, already loaded
     * @param badge what the badge says: "REPLAY", "DELAYED BROADCAST · 10 s"
     * @param leave back to where the player came from; the screen has closed the feed by then
     */
    PlaybackScreen(Feed feed, ArenaMap map, String badge, SoundBoard sounds, Runnable leave) {
        this.feed = feed;
        this.leave = leave;
        this.playback = new Playback(feed, System.nanoTime());
        StreamInfo info = feed.info();
        ServerMessage.Joined joined = new ServerMessage.Joined(info.matchId(), "spectator", 0, null, false,
                info.tickRate(), info.rules(), map);
        view = new MatchView(joined, this, MatchView.Actions.watchOnly(this::stopAndLeave), sounds, false, false, 0,
                () -> {
                });
        view.setBadgeFx(badge);
        bar = new PlaybackBar(feed.firstTick(), feed.lastTick(), info.tickRate(), feed.seekable(),
                new PlaybackBar.Actions() {
                    @Override
                    public void togglePlay() {
                        PlaybackScreen.this.togglePlay();
                        view.requestFocus();
                    }

                    @Override
                    public void seek(double tick) {
                        playback.seek(tick, System.nanoTime());
                    }

                    @Override
                    public void speed(double speed) {
                        playback.clock().setSpeed(speed, System.nanoTime());
                        view.requestFocus();
                    }
                });
        // A click on the bar takes the keyboard; give it back, or Q/E, WASD and Tab stop working.
        bar.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> view.requestFocus());
        StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
        StackPane.setMargin(bar, new Insets(0, 14, 14, 440));
        setId("playback-view");
        getChildren().addAll(view, bar);
        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                e.consume();
            }
        });
    }

    /** Starts drawing, and playing unless told to wait paused. */
    void start(boolean play) {
        if (play) {
            playback.clock().play(System.nanoTime());
        }
        view.start();
    }

    /** Stops drawing and closes the feed (its loader thread, its file or connection). */
    void stop() {
        view.stop();
        feed.close();
    }

    MatchView matchView() {
        return view;
    }

    Playback playback() {
        return playback;
    }

    String statusText() {
        return bar.statusText();
    }

    /** Pauses (if playing) and moves to {@code tick}: for the keyboard, the timeline and tests. */
    void pauseAt(double tick) {
        long now = System.nanoTime();
        playback.clock().pause(now);
        playback.seek(tick, now);
    }

    private void togglePlay() {
        long now = System.nanoTime();
        PlaybackClock clock = playback.clock();
        if (!clock.playing(now) && feed.seekable() && clock.tickAt(now) >= clock.lastTick()) {
            playback.seek(clock.firstTick(), now); // at the end, play means again from the start
        }
        clock.toggle(now);
    }

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        long now = System.nanoTime();
        switch (code) {
            case SPACE -> togglePlay();
            case LEFT, RIGHT -> {
                if (feed.seekable()) {
                    int step = SEEK_STEP_SECONDS * feed.info().tickRate() * (code == KeyCode.LEFT ? -1 : 1);
                    playback.seek(playback.clock().tickAt(now) + step, now);
                }
            }
            case ESCAPE -> stopAndLeave();
            case ENTER -> {
                // A recording cannot be talked to: no chat field.
            }
            default -> {
                return; // Q/E, WASD, Tab: the match view's
            }
        }
        e.consume();
    }

    // ---- MatchView.Source: the frame loop, FX thread ----------------------------------------

    @Override
    public Optional<RenderFrame> sample(long nowNanos) {
        Optional<RenderFrame> frame = playback.sample(nowNanos);
        Moment shown = playback.shown();
        if (shown != null && shown.control() != shownControl) {
            ControlState control = shown.control();
            if (control.roster() != null && (shownControl == null
                    || !Objects.equals(control.roster(), shownControl.roster()))) {
                view.rosterFx(control.roster());
            }
            if (shownControl == null || !control.recent().equals(shownControl.recent())) {
                view.chatHistoryFx(control.recent());
            }
            shownControl = control;
        }
        List<ReplayFile.Kill> kills = feed.kills();
        if (kills.size() != markedKills) {
            // A replay's are read in the background; a broadcast's grow as it plays.
            markedKills = kills.size();
            bar.setKills(kills);
        }
        PlaybackClock clock = playback.clock();
        bar.update(clock.tickAt(nowNanos), clock.lastTick(), clock.playing(nowNanos), clock.speed(), feed.status());
        return frame;
    }

    @Override
    public NetStats netStats() {
        return NetStats.NONE;
    }

    @Override
    public String interpolationSummary() {
        return "playback " + playback.clock().speed() + "x";
    }

    private void stopAndLeave() {
        stop();
        leave.run();
    }
}
