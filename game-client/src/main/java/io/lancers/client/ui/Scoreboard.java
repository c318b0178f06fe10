package io.lancers.client.ui;

import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.ServerMessage.PlayerInfo;
import io.lancers.sim.MatchState;
import io.lancers.sim.Ship;
import io.lancers.sim.Team;
import io.lancers.sim.Teams;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The score table: name, kills, deaths, ping, presence; in a team match grouped by team, names in
 * their team's colour. Shown while Tab is held and in intermission, on a {@link HudPanel} (the
 * {@code scoreboard} style's background), so a kill, which changes the table, paints only its text.
 */
final class Scoreboard extends VBox {

    /** One line of the table, in the order shown. */
    record Row(int id, String name, boolean bot, int kills, int deaths, int pingMs, boolean online, Team team) {
    }

    private final Label title = new Label("SCOREBOARD");
    private final GridPane grid = new GridPane();
    private static final int COLUMNS = 5;
    /** Each player's line of cells, by player id. */
    private final Map<Integer, Label[]> lines = new HashMap<>();
    private List<Row> shown = List.of();

    Scoreboard() {
        setAlignment(Pos.CENTER);
        setSpacing(10);
        title.getStyleClass().add("heading");
        grid.getStyleClass().add("score-table");
        for (int i = 0; i < 5; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(i == 0 ? HPos.LEFT : HPos.RIGHT);
            grid.getColumnConstraints().add(c);
        }
        getChildren().addAll(title, grid);
        setMouseTransparent(true);
    }

    /** "RED 12 : 9 BLUE" in a team match (the match's own score, kept as kills happen); "" when nobody is on a team. */
    static String teamScores(List<PlayerInfo> roster, MatchState match) {
        return teamMatch(roster) ? teamScores(match) : "";
    }

    /** Somebody in the roster is on a team. */
    static boolean teamMatch(List<PlayerInfo> roster) {
        return !ServerMessage.Roster.teamsOf(roster).equals(Teams.NONE);
    }

    /** "RED 12 : 9 BLUE": the match's own team score. */
    static String teamScores(MatchState match) {
        return "RED " + match.teamScores().red() + " : " + match.teamScores().blue() + " BLUE";
    }

    /** Joins the roster (names, presence, ping, team) with the world (kills, deaths); by team, then best first. */
    static List<Row> rows(List<PlayerInfo> roster, List<Ship> ships) {
        Map<Integer, Ship> byId = new HashMap<>();
        for (Ship s : ships) {
            byId.put(s.id(), s);
        }
        List<Row> rows = new ArrayList<>();
        for (PlayerInfo p : roster) {
            Ship s = byId.get(p.id());
            rows.add(new Row(p.id(), p.name(), p.bot(),
                    s == null ? 0 : s.kills(), s == null ? 0 : s.deaths(), p.pingMs(), p.online(), p.team()));
        }
        rows.sort(Comparator.comparing(Row::team).thenComparing(Comparator.comparingInt(Row::kills).reversed())
                .thenComparingInt(Row::deaths).thenComparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    void setTitle(String text) {
        title.setText(text);
    }

    /**
     * Shows the rows in the stylesheet's colours (a fill set from code would lose to the stylesheet at
     * the label's next CSS pass, so the names have always shown in the table's colour). Each player
     * keeps their own line of labels while they are in the table: a kill changes two numbers and
     * moves lines to other grid rows (layout only), and never restyles a label (an id or a style
     * class that changes costs a CSS pass), so the table, which changes on every kill, costs little
     * on the FX thread. Only the cells whose value changed are touched.
     */
    void show(List<Row> rows, int ownId) {
        if (rows.equals(shown)) {
            return;
        }
        shown = List.copyOf(rows);
        if (grid.getChildren().isEmpty()) {
            String[] heads = {"PLAYER", "KILLS", "DEATHS", "PING", ""};
            for (int c = 0; c < heads.length; c++) {
                Label h = new Label(heads[c]);
                h.getStyleClass().add("score-head");
                grid.add(h, c, 0);
            }
        }
        Set<Integer> ids = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            ids.add(row.id());
            Label[] line = lines.computeIfAbsent(row.id(), this::newLine);
            for (Label cell : line) {
                Integer gridRow = GridPane.getRowIndex(cell);
                if (gridRow == null || gridRow != r + 1) {
                    GridPane.setRowIndex(cell, r + 1);
                }
            }
            boolean me = row.id() == ownId;
            set(line[0], row.name() + (row.bot() ? "  [bot]" : ""), me, !row.online());
            for (Team team : Teams.sides()) {
                toggle(line[0], "team-" + team.name().toLowerCase(Locale.ROOT), row.team() == team);
            }
            set(line[1], Integer.toString(row.kills()), me, false);
            set(line[2], Integer.toString(row.deaths()), me, false);
            set(line[3], row.bot() ? "–" : row.pingMs() < 0 ? "…" : row.pingMs() + " ms", me, false);
            set(line[4], row.online() ? "online" : "reconnecting…", false, !row.online());
        }
        lines.entrySet().removeIf(e -> {
            if (ids.contains(e.getKey())) {
                return false;
            }
            grid.getChildren().removeAll(e.getValue());
            return true;
        });
    }

    /** A player's line of cells, added to the grid (its row is set by {@link #show}). */
    private Label[] newLine(int id) {
        Label[] line = new Label[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            line[c] = new Label();
            line[c].getStyleClass().add("score-cell");
            grid.add(line[c], c, grid.getRowCount());
        }
        line[0].setId("score-name-" + id);
        return line;
    }

    List<Row> shownRows() {
        return shown;
    }

    /** Text and the "me" and "offline" classes; a class is added or removed only on change (a change restyles). */
    private static void set(Label l, String text, boolean me, boolean offline) {
        l.setText(text);
        toggle(l, "me", me);
        toggle(l, "offline", offline);
    }

    private static void toggle(Label l, String styleClass, boolean on) {
        if (on != l.getStyleClass().contains(styleClass)) {
            if (on) {
                l.getStyleClass().add(styleClass);
            } else {
                l.getStyleClass().remove(styleClass);
            }
        }
    }
}
