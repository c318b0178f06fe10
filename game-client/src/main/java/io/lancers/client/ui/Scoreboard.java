package io.lancers.client.ui;

import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.ServerMessage.PlayerInfo;
import io.lancers.sim.MatchState;
import io.lancers.sim.Ship;
import io.lancers.sim.Team;
import io.lancers.sim.Teams;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private final ScoreTable table = new ScoreTable(heads());
    /** Each player's line of cells, by player id. */
    private final Map<Integer, Label[]> lines = new HashMap<>();
    private List<Row> shown = List.of();
    /** The rows shown, by player id, and for whom: a line is filled again only when its row changes. */
    private Map<Integer, Row> shownById = Map.of();
    private int shownOwnId;
    private int titleSeconds = -1;
    private String titleTeams = "";
    /** What the rows shown were made of: the roster, and each ship's id, kills and deaths in the world's order. */
    private List<PlayerInfo> talliedRoster;
    private int[] tally = new int[0];

    Scoreboard() {
        setAlignment(Pos.CENTER);
        setSpacing(10);
        title.getStyleClass().add("heading");
        getChildren().addAll(title, table);
        setMouseTransparent(true);
    }

    private static Label[] heads() {
        String[] texts = {"PLAYER", "KILLS", "DEATHS", "PING", ""};
        Label[] heads = new Label[texts.length];
        for (int c = 0; c < texts.length; c++) {
            heads[c] = new Label(texts[c]);
            heads[c].getStyleClass().add("score-head");
        }
        return heads;
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

    /**
     * "SCOREBOARD", or in intermission "MATCH OVER — next round in {@code nextRoundSeconds}s", with the team
     * score under it in a team match; built only when one of them changes.
     *
     * @param nextRoundSeconds the intermission's seconds left, or -1 during a round
     */
    void setTitle(int nextRoundSeconds, String teams) {
        if (nextRoundSeconds == titleSeconds && teams.equals(titleTeams)) {
            return;
        }
        titleSeconds = nextRoundSeconds;
        titleTeams = teams;
        title.setText((nextRoundSeconds < 0 ? "SCOREBOARD" : "MATCH OVER — next round in " + nextRoundSeconds + "s")
                + (teams.isEmpty() ? "" : "\n" + teams));
    }

    /**
     * Shows the roster joined with the ships' kills and deaths ({@link #rows}) when the roster or a ship's kills
     * or deaths changed since the table was last shown: the rows are not built, sorted and compared on every pulse.
     */
    void show(List<PlayerInfo> roster, List<RenderShip> ships, int ownId) {
        boolean same = roster == talliedRoster && tally.length == ships.size() * 3;
        for (int i = 0; same && i < ships.size(); i++) {
            Ship s = ships.get(i).ship();
            same = tally[3 * i] == s.id() && tally[3 * i + 1] == s.kills() && tally[3 * i + 2] == s.deaths();
        }
        if (same) {
            return;
        }
        talliedRoster = roster;
        tally = new int[ships.size() * 3];
        List<Ship> world = new ArrayList<>(ships.size());
        for (int i = 0; i < ships.size(); i++) {
            Ship s = ships.get(i).ship();
            world.add(s);
            tally[3 * i] = s.id();
            tally[3 * i + 1] = s.kills();
            tally[3 * i + 2] = s.deaths();
        }
        show(rows(roster, world), ownId);
    }

    /**
     * Shows the rows in the stylesheet's colours (a fill set from code would lose to the stylesheet at
     * the label's next CSS pass, so the names have always shown in the table's colour). Each player
     * keeps their own line of labels while they are in the table: a kill changes two numbers and
     * moves lines to other places (layout only), and never restyles a label (an id or a style
     * class that changes costs a CSS pass), so the table, which changes on every kill, costs little
     * on the FX thread. Only the cells whose value changed are touched.
     */
    void show(List<Row> rows, int ownId) {
        if (rows.equals(shown) && ownId == shownOwnId) {
            return;
        }
        Map<Integer, Row> before = shownById;
        boolean sameOwner = ownId == shownOwnId;
        shown = List.copyOf(rows);
        shownById = new HashMap<>();
        shownOwnId = ownId;
        List<Label[]> order = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Label[] line = lines.computeIfAbsent(row.id(), this::newLine);
            order.add(line);
            shownById.put(row.id(), row);
            // A kill changes two players' lines: the others keep their cells untouched (only moved).
            if (!sameOwner || !row.equals(before.get(row.id()))) {
                fill(line, row, row.id() == ownId);
            }
        }
        if (lines.size() > order.size()) {
            lines.values().removeIf(line -> {
                boolean gone = !order.contains(line);
                if (gone) {
                    table.remove(line);
                }
                return gone;
            });
        }
        table.order(order);
    }

    private static void fill(Label[] line, Row row, boolean me) {
        set(line[0], row.name() + (row.bot() ? "  [bot]" : ""), me, !row.online());
        for (Team team : Teams.sides()) {
            toggle(line[0], "team-" + team.name().toLowerCase(Locale.ROOT), row.team() == team);
        }
        set(line[1], Integer.toString(row.kills()), me, false);
        set(line[2], Integer.toString(row.deaths()), me, false);
        set(line[3], row.bot() ? "–" : row.pingMs() < 0 ? "…" : row.pingMs() + " ms", me, false);
        set(line[4], row.online() ? "online" : "reconnecting…", false, !row.online());
    }

    /** A player's line of cells, added to the table (placed by {@link #show}). */
    private Label[] newLine(int id) {
        Label[] line = new Label[ScoreTable.COLUMNS];
        for (int c = 0; c < line.length; c++) {
            line[c] = new Label();
            line[c].getStyleClass().add("score-cell");
        }
        line[0].setId("score-name-" + id);
        table.add(line);
        return line;
    }

    /** The lines' name cells, top to bottom, the heads' first (tests). */
    List<Label> firstColumn() {
        return table.firstColumn();
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

    /** Adds or removes a style class, only on change (a change restyles the node). */
    static void toggle(Node node, String styleClass, boolean on) {
        if (on != node.getStyleClass().contains(styleClass)) {
            if (on) {
                node.getStyleClass().add(styleClass);
            } else {
                node.getStyleClass().remove(styleClass);
            }
        }
    }
}
