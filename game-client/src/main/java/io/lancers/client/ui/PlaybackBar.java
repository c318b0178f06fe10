package io.lancers.client.ui;

import io.lancers.broadcast.ReplayFile;
import io.lancers.client.playback.PlaybackClock;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

import java.util.List;

/**
 * The transport of a replay: play/pause, speed, a timeline with the kills marked, the time, and
 * a line for what people should know (an incomplete recording, a damaged part, a lost server).
 * It asks; the {@link PlaybackScreen} decides, and tells it each frame where playback is.
 */
final class PlaybackBar extends VBox {
    static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 1.5, 2.0, PlaybackClock.MAX_SPEED);
    /** About where a slider's track starts inside it (the thumb's half width): kill marks line up with it. */
    private static final double TRACK_INSET = 8;
    private static final double MARK_HEIGHT = 8;

    interface Actions {
        void togglePlay();

        void seek(double tick);

        void speed(double speed);
    }

    private final Button play = new Button("▶");
    private final ChoiceBox<Double> speed = new ChoiceBox<>();
    private final Slider timeline = new Slider();
    private final Pane marks = new Pane();
    private final Label time = new Label();
    private final Label status = new Label();
    private final int firstTick;
    private final int tickRate;
    private List<ReplayFile.Kill> kills = List.of();
    /** Set while the frame loop moves the slider, so that its listener does not take it for a seek. */
    private boolean updating;

    PlaybackBar(int firstTick, int lastTick, int tickRate, boolean seekable, Actions actions) {
        this.firstTick = firstTick;
        this.tickRate = tickRate;
        setId("playback-bar");
        getStyleClass().add("hud-box");
        setSpacing(4);
        setMaxHeight(USE_PREF_SIZE);
        setPickOnBounds(false);

        play.setId("playback-play");
        play.getStyleClass().add("playback-button");
        play.setOnAction(e -> actions.togglePlay());

        speed.setId("playback-speed");
        speed.getItems().setAll(SPEEDS);
        speed.setValue(1.0);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double s) {
                return s == null ? "" : (s == Math.rint(s) ? String.valueOf(s.intValue()) : String.valueOf(s)) + "×";
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("×", ""));
            }
        });
        speed.valueProperty().addListener((obs, was, is) -> {
            if (!updating && is != null) {
                actions.speed(is);
            }
        });
        speed.setDisable(!seekable);

        timeline.setId("playback-timeline");
        timeline.setMin(firstTick);
        timeline.setMax(Math.max(firstTick + 1, lastTick));
        timeline.setDisable(!seekable);
        timeline.valueProperty().addListener((obs, was, is) -> {
            if (!updating) {
                actions.seek(is.doubleValue());
            }
        });
        marks.setId("playback-kills");
        marks.setMouseTransparent(true);
        marks.setMinSize(0, 0);
        marks.widthProperty().addListener((obs, was, is) -> drawMarks());
        marks.heightProperty().addListener((obs, was, is) -> drawMarks());
        StackPane track = new StackPane(timeline, marks);
        HBox.setHgrow(track, Priority.ALWAYS);

        time.setId("playback-time");
        time.getStyleClass().add("hud-small");
        time.setMinWidth(110);
        HBox row = new HBox(12, play, speed, track, time);
        row.setAlignment(Pos.CENTER_LEFT);

        status.setId("playback-status");
        status.getStyleClass().add("error-text");
        status.setWrapText(true);
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        getChildren().addAll(row, status);
        // Keys belong to the match view: Space and the arrows drive playback there, not a focused button.
        play.setFocusTraversable(false);
        speed.setFocusTraversable(false);
        timeline.setFocusTraversable(false);
    }

    /** The kills to mark on the timeline. */
    void setKills(List<ReplayFile.Kill> newKills) {
        kills = List.copyOf(newKills);
        drawMarks();
    }

    /** Each frame: where playback is, and what to say. */
    void update(double tick, int lastTick, boolean playing, double currentSpeed, String statusText) {
        updating = true;
        try {
            if (lastTick > timeline.getMax()) {
                timeline.setMax(lastTick);
                drawMarks();
            }
            if (!timeline.isValueChanging()) {
                timeline.setValue(tick);
            }
            speed.setValue(currentSpeed);
        } finally {
            updating = false;
        }
        play.setText(playing ? "❚❚" : "▶");
        time.setText(clock(tick) + " / " + clock(lastTick));
        status.setText(statusText == null ? "" : statusText);
    }

    String statusText() {
        return status.getText();
    }

    private String clock(double tick) {
        int seconds = (int) Math.max(0, (tick - firstTick) / tickRate);
        return MatchHud.clock(seconds);
    }

    private void drawMarks() {
        marks.getChildren().clear();
        double width = marks.getWidth() - 2 * TRACK_INSET;
        double span = timeline.getMax() - timeline.getMin();
        if (width <= 0 || span <= 0) {
            return;
        }
        for (ReplayFile.Kill kill : kills) {
            Rectangle mark = new Rectangle(2, MARK_HEIGHT, Color.web("#ff7a6e"));
            mark.setX(TRACK_INSET + (kill.tick() - timeline.getMin()) / span * width - 1);
            mark.setY(marks.getHeight() / 2 - MARK_HEIGHT - 3); // just above the track
            marks.getChildren().add(mark);
        }
    }
}
