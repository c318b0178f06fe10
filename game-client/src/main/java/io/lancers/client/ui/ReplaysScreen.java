package io.lancers.client.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The Replays screen: recently opened files and the recordings in the record folder, "Open
 * file…", and a line for why the last file could not be played. Files dropped on the window
 * anywhere are opened too (the window handles the drop).
 */
final class ReplaysScreen extends StackPane {
    static final String EXTENSION = ".lrp";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    interface Actions {
        void open(Path file);

        void back();
    }

    private final ListView<Path> list = new ListView<>();
    private final Label status = new Label();
    /** What each file's header and index say, once read (off the FX thread). */
    private final Map<Path, String> details = new HashMap<>();

    /**
     * @param files  what to offer, newest first
     * @param folder where the chooser starts (the record folder), or null
     */
    ReplaysScreen(List<Path> files, Path folder, Actions actions) {
        setId("replays-view");
        getStyleClass().add("screen");
        Label title = new Label("REPLAYS");
        title.getStyleClass().add("heading");
        Label hint = new Label("Recent files and your recordings  ·  or drop a " + EXTENSION + " file on the window");
        hint.getStyleClass().add("dim");

        list.setId("replays-list");
        list.setPrefSize(720, 300);
        list.setPlaceholder(new Label("No replays yet: open a file, or record your matches (Settings)"));
        list.getItems().setAll(files);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item, details.get(item)));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                actions.open(list.getSelectionModel().getSelectedItem());
            }
        });

        status.setId("replays-status");
        status.getStyleClass().add("error-text");
        status.setWrapText(true);
        status.setMaxWidth(720);

        Button back = Overlays.menuButton("Back", "replays-back", actions::back);
        back.setCancelButton(true);
        Button browse = Overlays.menuButton("Open file…", "replays-open-file", () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a Lancers replay");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Lancers replays", "*" + EXTENSION),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            if (folder != null && Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toFile());
            }
            var chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                actions.open(chosen.toPath());
            }
        });
        Button play = Overlays.menuButton("Play", "replays-play",
                () -> actions.open(list.getSelectionModel().getSelectedItem()));
        play.getStyleClass().add("primary");
        play.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        for (Button b : List.of(back, browse, play)) {
            b.setPrefWidth(180);
        }
        HBox buttons = new HBox(12, back, browse, play);
        buttons.setAlignment(Pos.CENTER);

        VBox panel = new VBox(14, title, hint, list, status, buttons);
        panel.setAlignment(Pos.CENTER);
        panel.getStyleClass().add("panel");
        panel.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(panel);
    }

    /** What {@code file} holds (map, players, length, winner), or why it cannot be played. */
    void setDetail(Path file, String detail) {
        details.put(file, detail);
        list.refresh();
    }

    void showStatus(String text) {
        status.setText(text == null ? "" : text);
    }

    String statusText() {
        return status.getText();
    }

    private static String describe(Path file, String detail) {
        try {
            return String.format("%s   ·   %s   ·   %d KiB%n%s", file.getFileName(),
                    WHEN.format(Files.getLastModifiedTime(file).toInstant()), (Files.size(file) + 1023) / 1024,
                    detail == null ? file.getParent() : detail);
        } catch (IOException e) {
            return file.getFileName() + "   (" + e.getMessage() + ")";
        }
    }
}
