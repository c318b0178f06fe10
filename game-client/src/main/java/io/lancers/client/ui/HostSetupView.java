package io.lancers.client.ui;

import io.lancers.map.MapLoader;
import io.lancers.server.ServerOptions;
import io.lancers.sim.GameMode;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * The Host screen, before the server starts: server name, map or rotation, bots and their skill,
 * match length and kill limit, the pause between matches, player cap, an optional password and recording. Starts with the
 * remembered setup; the limits are the dedicated server's. Touches no network: {@link Actions}
 * starts the server, on a thread of its own.
 */
final class HostSetupView extends StackPane {
    /** The map box's entry for "no one map": rotate and vote. */
    private static final String ROTATION = "";

    interface Actions {
        /** Start hosting with this setup; {@code password} is null for an open game. */
        void start(HostSetup setup, String password, boolean record);

        void back();
    }

    HostSetupView(HostSetup current, boolean recording, Actions actions) {
        setId("host-setup");
        getStyleClass().add("screen");

        TextField name = new TextField(current.serverName());
        name.setId("host-name");
        name.setPrefColumnCount(22);
        List<String> maps = new ArrayList<>();
        maps.add(ROTATION);
        maps.addAll(MapLoader.builtInIds());
        ComboBox<String> map = new ComboBox<>();
        map.setId("host-map");
        map.getItems().setAll(maps);
        map.setConverter(new MapNames("All maps in turn, players vote"));
        map.setValue(maps.contains(current.mapId()) ? current.mapId() : ROTATION);
        ComboBox<GameMode> mode = new ComboBox<>();
        mode.setId("host-mode");
        mode.getItems().setAll(GameMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(GameMode m) {
                return m == GameMode.TDM ? "Team deathmatch" : "Free-for-all";
            }

            @Override
            public GameMode fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        mode.setValue(current.mode());
        mode.setTooltip(new Tooltip(setting("--mode").description()));
        CheckBox friendlyFire = new CheckBox("Friendly fire");
        friendlyFire.setId("host-friendly-fire");
        friendlyFire.setSelected(current.friendlyFire());
        friendlyFire.setTooltip(new Tooltip(setting("--friendly-fire").description()));
        friendlyFire.disableProperty().bind(mode.valueProperty().isNotEqualTo(GameMode.TDM));
        HBox modeRow = new HBox(14, mode, friendlyFire);
        modeRow.setAlignment(Pos.CENTER_LEFT);
        Spinner<Integer> bots = spinner("host-bots", "--bots", current.bots());
        ServerOptions.Setting skillSetting = setting("--bot-skill");
        Slider skill = new Slider(skillSetting.min(), skillSetting.max(), current.botSkill());
        skill.setTooltip(new Tooltip(skillSetting.description()));
        skill.setId("host-bot-skill");
        skill.setMajorTickUnit(0.25);
        skill.setShowTickMarks(true);
        Label skillText = new Label();
        skillText.textProperty().bind(skill.valueProperty().multiply(100).asString("skill %.0f %%"));
        HBox botsRow = new HBox(14, bots, skill, skillText);
        botsRow.setAlignment(Pos.CENTER_LEFT);
        Spinner<Integer> minutes = spinner("host-minutes", "--match-minutes", current.matchMinutes());
        Spinner<Integer> kills = spinner("host-kill-limit", "--kill-limit", current.killLimit());
        HBox lengthRow = new HBox(14, minutes, new Label("minutes, or"), kills, new Label("kills (0: no limit)"));
        lengthRow.setAlignment(Pos.CENTER_LEFT);
        Spinner<Integer> intermission = spinner("host-intermission", "--intermission-seconds",
                current.intermissionSeconds());
        HBox intermissionRow = new HBox(14, intermission, new Label("seconds of scoreboard and map vote"));
        intermissionRow.setAlignment(Pos.CENTER_LEFT);
        Spinner<Integer> maxPlayers = spinner("host-max-players", "--max-players", current.maxPlayers());
        PasswordField password = new PasswordField();
        password.setId("host-password");
        password.setPromptText("none: anyone on the network may join");
        Label passwordHint = Overlays.formHint("Asked of everyone who joins or watches; not remembered. Over plain "
                + "ws:// it crosses the network readable: no substitute for TLS on untrusted networks.");
        CheckBox tls = new CheckBox("Encrypt (wss://, a certificate made for this computer)");
        tls.setId("host-tls");
        tls.setSelected(current.tls());
        tls.setTooltip(new Tooltip(setting("--tls-self-signed").description()));
        Label tlsHint = Overlays.formHint("Friends are shown its fingerprint once and asked to trust it: compare it "
                + "with the one on your hosting screen.");
        CheckBox record = new CheckBox("Record the matches (Settings says where)");
        record.setId("host-record");
        record.setSelected(recording);
        Label error = new Label();
        error.setId("host-error");
        error.getStyleClass().add("error-text");

        GridPane grid = Overlays.form();
        grid.addRow(0, new Label("Server name"), name);
        grid.addRow(1, new Label("Map"), map);
        grid.addRow(2, new Label("Mode"), modeRow);
        grid.addRow(3, new Label("Bots"), botsRow);
        grid.addRow(4, new Label("Match length"), lengthRow);
        grid.addRow(5, new Label("Between matches"), intermissionRow);
        grid.addRow(6, new Label("Max players"), maxPlayers);
        grid.addRow(7, new Label("Password"), password);
        grid.add(passwordHint, 1, 8);
        grid.addRow(9, new Label("TLS"), tls);
        grid.add(tlsHint, 1, 10);
        grid.addRow(11, new Label("Replays"), record);

        Button start = Overlays.menuButton("Start hosting", "host-start", () -> {
            for (Spinner<Integer> s : List.of(bots, minutes, kills, intermission, maxPlayers)) {
                commit(s);
            }
            HostSetup setup = new HostSetup(name.getText(), map.getValue(), bots.getValue(), (float) skill.getValue(),
                    minutes.getValue(), kills.getValue(), intermission.getValue(), maxPlayers.getValue(), mode.getValue(),
                    friendlyFire.isSelected(), tls.isSelected());
            try {
                setup.applyTo(ServerOptions.defaults(), password.getText(), null); // the server's own checks
            } catch (IllegalArgumentException invalid) {
                error.setText(invalid.getMessage());
                return;
            }
            actions.start(setup, password.getText().isEmpty() ? null : password.getText(), record.isSelected());
        });
        Button back = Overlays.menuButton("Back", "host-back", actions::back);
        getChildren().add(Overlays.titledPanel("HOST A LAN GAME", grid, error, Overlays.backAndGo(back, start)));
    }

    /** The server's setting of this flag: its range, default and description are the screen's. */
    private static ServerOptions.Setting setting(String flag) {
        return ServerOptions.setting(flag).orElseThrow(() -> new IllegalStateException("no server setting " + flag));
    }

    /** A whole number within the range of the server's setting {@code flag}, explained by its description. */
    private static Spinner<Integer> spinner(String id, String flag, int value) {
        ServerOptions.Setting setting = setting(flag);
        int min = (int) setting.min();
        int max = (int) Math.min(Integer.MAX_VALUE, setting.max());
        Spinner<Integer> spinner = new Spinner<>(min, max, Math.max(min, Math.min(max, value)));
        spinner.setTooltip(new Tooltip(setting.description()));
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        return spinner;
    }

    /** Typed text counts only once committed: Start commits what is typed, or restores the last good value. */
    private static void commit(Spinner<Integer> spinner) {
        try {
            spinner.getValueFactory().setValue(spinner.getValueFactory().getConverter()
                    .fromString(spinner.getEditor().getText()));
        } catch (RuntimeException notANumber) {
            spinner.getEditor().setText(String.valueOf(spinner.getValue()));
        }
    }
}
