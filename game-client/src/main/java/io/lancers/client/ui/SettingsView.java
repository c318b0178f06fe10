package io.lancers.client.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * Player name, sound and its volume, net stats, automatic low effects, the discovery target and
 * recording. Used as a screen and over a match.
 */
final class SettingsView extends StackPane {

    /**
     * @param current the settings shown at first
     * @param save    called with the edited settings when the player saves
     * @param back    called after saving or when the player backs out
     */
    SettingsView(Settings current, Consumer<Settings> save, Runnable back, boolean overMatch) {
        setId("settings-view");
        getStyleClass().add(overMatch ? "overlay" : "screen");

        TextField name = new TextField(current.playerName());
        name.setId("settings-name");
        name.setPrefColumnCount(20);
        CheckBox sound = new CheckBox("Sound effects");
        sound.setId("settings-sound");
        sound.setSelected(current.sound());
        Slider volume = new Slider(0, 100, Math.round(current.volume() * 100));
        volume.setId("settings-volume");
        volume.setMajorTickUnit(25);
        volume.setShowTickMarks(true);
        Label volumeText = new Label();
        volumeText.textProperty().bind(volume.valueProperty().asString("%.0f %%"));
        volumeText.setMinWidth(48);
        HBox soundRow = new HBox(14, sound, volume, volumeText);
        soundRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox netStats = new CheckBox("Show network stats in matches");
        netStats.setId("settings-netstats");
        netStats.setSelected(current.showNetStats());
        CheckBox lowEffects = new CheckBox("Fewer effects when frames run long");
        lowEffects.setId("settings-auto-low-effects");
        lowEffects.setSelected(current.autoLowEffects());
        TextField discovery = new TextField(current.discoveryTarget());
        discovery.setId("settings-discovery");
        Label hint = new Label("Where \"Join\" looks for LAN games: the broadcast address, or one host.");
        hint.getStyleClass().add("dim");
        CheckBox record = new CheckBox("Record the matches I play or host");
        record.setId("settings-record");
        record.setSelected(current.recordMatches());
        TextField recordFolder = new TextField(current.recordFolder());
        recordFolder.setId("settings-record-folder");
        recordFolder.setPrefColumnCount(28);
        recordFolder.disableProperty().bind(record.selectedProperty().not());
        VBox recordBox = new VBox(8, record, recordFolder);
        Label error = new Label();
        error.getStyleClass().add("error-text");

        GridPane grid = Overlays.form();
        grid.addRow(0, new Label("Player name"), name);
        grid.addRow(1, new Label("Sound"), soundRow);
        grid.addRow(2, new Label("Network"), netStats);
        grid.addRow(3, new Label("Graphics"), lowEffects);
        grid.addRow(4, new Label("LAN discovery"), discovery);
        grid.add(hint, 1, 5);
        grid.addRow(6, new Label("Replays"), recordBox);

        Button ok = Overlays.menuButton("Save", "settings-save", () -> {
            String target = discovery.getText().trim();
            if (!target.isEmpty() && !target.matches("[^\\s:]+(:\\d{1,5})?")) {
                error.setText("Discovery target must be HOST or HOST:PORT");
                return;
            }
            save.accept(current.withPlayerName(name.getText()).withSound(sound.isSelected())
                    .withVolume(Math.round(volume.getValue()) / 100.0)
                    .withShowNetStats(netStats.isSelected()).withAutoLowEffects(lowEffects.isSelected())
                    .withDiscoveryTarget(target).withRecording(record.isSelected(), recordFolder.getText()));
            back.run();
        });
        Button cancel = Overlays.menuButton("Back", "settings-back", back);
        getChildren().add(Overlays.titledPanel("SETTINGS", grid, error, Overlays.backAndGo(cancel, ok)));
    }
}
