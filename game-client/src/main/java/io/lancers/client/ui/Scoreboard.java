package io.lancers.client.ui;

import io.lancers.client.render.Palette;
import io.lancers.protocol.ServerMessage.PlayerInfo;
import io.lancers.sim.Ship;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The score table: name, kills, deaths, ping, presence. Shown while Tab is held and in intermission. */
final class Scoreboard extends VBox {

    /** One line of the table, in the order shown. */
    record Row(int id, String name, Color color, boolean bot, int kills, int deaths, int pingMs, boolean online) {
    }

    private final Label title = new Label("SCOREBOARD");
    private final GridPane grid = new GridPane();
    private List<Row> shown = List.of();

    Scoreboard() {
        setId("scoreboard");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getStyleClass().add("scoreboard");
        title.getStyleClass().add("heading");
        grid.getStyleClass().add("scoreboard");
        grid.setStyle("-fx-background-color: transparent; -fx-border-color: transparent; -fx-padding: 0;");
        for (int i = 0; i < 5; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(i == 0 ? HPos.LEFT : HPos.RIGHT);
            grid.getColumnConstraints().add(c);
        }
        getChildren().addAll(title, grid);
        setMouseTransparent(true);
    }

    /** Joins the roster (names, presence, ping) with the world (kills, deaths); best first. */
    static List<Row> rows(List<PlayerInfo> roster, List<Ship> ships) {
        Map<Integer, Ship> byId = new java.util.HashMap<>();
        for (Ship s : ships) {
            byId.put(s.id(), s);
        }
        List<Row> rows = new ArrayList<>();
        for (PlayerInfo p : roster) {
            Ship s = byId.get(p.id());
            rows.add(new Row(p.id(), p.name(), Palette.shipColor(p.id(), p.color()), p.bot(),
                    s == null ? 0 : s.kills(), s == null ? 0 : s.deaths(), p.pingMs(), p.online()));
        }
        rows.sort(Comparator.comparingInt(Row::kills).reversed().thenComparingInt(Row::deaths)
                .thenComparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    void setTitle(String text) {
        title.setText(text);
    }

    /** Rebuilds the table only when a visible value changed. */
    void show(List<Row> rows, int ownId) {
        if (rows.equals(shown)) {
            return;
        }
        shown = List.copyOf(rows);
        grid.getChildren().clear();
        String[] heads = {"PLAYER", "KILLS", "DEATHS", "PING", ""};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("score-head");
            grid.add(h, c, 0);
        }
        int r = 1;
        for (Row row : rows) {
            Label name = cell(row.name() + (row.bot() ? "  [bot]" : ""), row.id() == ownId, !row.online());
            name.setTextFill(row.color());
            name.setId("score-name-" + row.id());
            grid.add(name, 0, r);
            grid.add(cell(Integer.toString(row.kills()), row.id() == ownId, false), 1, r);
            grid.add(cell(Integer.toString(row.deaths()), row.id() == ownId, false), 2, r);
            grid.add(cell(row.bot() ? "–" : row.pingMs() < 0 ? "…" : row.pingMs() + " ms", row.id() == ownId, false),
                    3, r);
            grid.add(cell(row.online() ? "online" : "reconnecting…", false, !row.online()), 4, r);
            r++;
        }
    }

    List<Row> shownRows() {
        return shown;
    }

    private static Label cell(String text, boolean me, boolean offline) {
        Label l = new Label(text);
        l.getStyleClass().add("score-cell");
        if (me) {
            l.getStyleClass().add("me");
        }
        if (offline) {
            l.getStyleClass().add("offline");
        }
        return l;
    }
}
