package io.lancers.client.ui;

import io.lancers.client.render.Backplate;
import io.lancers.client.render.SceneView.PlayerLook;
import io.lancers.client.state.RenderFrame;
import io.lancers.client.state.RenderFrame.RenderShip;
import io.lancers.protocol.ServerMessage;
import io.lancers.protocol.ServerMessage.PlayerInfo;
import io.lancers.sim.GameMode;
import io.lancers.sim.MatchPhase;
import io.lancers.sim.Rules;
import io.lancers.sim.Ship;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The match screen's heads-up display over the arena: health and score, the timer and phase, the
 * kill feed, the centre banner, the net stats panel, and the scoreboard layer.
 *
 * <p>Every box is a cached node ({@link Node#setCache}): JavaFX paints it once into an image and
 * copies that image on later frames until something in it changes. The arena below is redrawn on
 * every frame, so without the cache every box (rounded translucent backgrounds, text, the banner's
 * shadow) was painted again on every frame too, a large part of a software-rendered frame. Values are
 * set only when they change, and the net stats, which change on every frame, are refreshed four
 * times a second, so each cache lives long. The scoreboard, large and changed by every kill, is a
 * {@link HudPanel}: its repaint copies its background from an image of its own.
 *
 * <p>The scoreboard's translucent fill is drawn by the arena painter into the arena's frame under the table
 * ({@link #backplates}), so that Prism does not blend its 230 000 pixels with the arena on every frame. The
 * painter's frame is shown a pulse after it was asked for, so after each layout the table shows its own fill
 * unless the frame on screen has the painter's fill under all of the table's content and nothing of the HUD
 * layer lies between the two ({@link #matchBackplates}). A change therefore never shows the table's text
 * without its fill: when the table opens or grows, its own fill covers those pulses (over the old one, if any,
 * darker for them); when it closes or shrinks, the old fill shows without it until the painter's next frame.
 * A HUD box under the table keeps the table's fill its own (drawn over the box, as before), except the centre
 * banner: when the open table covers it, it is hidden.
 */
final class MatchHud {
    private static final long NET_STATS_REFRESH_NANOS = 250_000_000L;
    /** The longest respawn delay whose countdown texts are made in advance (seconds). */
    private static final int MAX_RESPAWN_BANNER = 600;

    private final ServerMessage.Joined joined;
    private final int ownId;
    private final Function<RenderFrame, String> netStats;
    private final Label healthText = new Label();
    private final ProgressBar healthBar = new ProgressBar(1);
    private final Label scoreText = new Label();
    private final Label arenaText = new Label();
    private final Label timerText = new Label("--:--");
    private final Label phaseText = new Label();
    private final Label teamScoreText = new Label();
    private final Label spectatingBadge = new Label("SPECTATING");
    private final Label followText = new Label();
    private final Label centerBanner = new Label();
    private final Label netStatsText = new Label();
    private final KillFeed killFeed = new KillFeed();
    private final Scoreboard scoreboard = new Scoreboard();
    private final HudPanel scoreboardPanel = new HudPanel(scoreboard, "scoreboard-plate", "scoreboard");
    private final HudLayer layer;
    private final StackPane scoreboardLayer = new StackPane(scoreboardPanel);
    /** The HUD layer's boxes: when one meets the table, the table keeps its own fill, drawn over the box as before. */
    private final List<Node> underTable = new ArrayList<>();
    /**
     * The banner lies wholly under the open table, and is hidden: the table at 91 % showed 9 % of it, the fill
     * in the arena's frame would show it whole behind the table's text.
     */
    private final BooleanProperty bannerUnderTable = new SimpleBooleanProperty();
    private long netStatsShownNanos;
    /**
     * The own ship's banner by {@link #ownBanner}: "" at 0, then the respawn countdown's texts, made once (built in
     * update, the first, with a character outside Latin-1, made C2 compile update again).
     */
    private final String[] respawnBanners;
    // What the HUD shows now: its texts are built and set only when these change (a pulse is mostly no change).
    private int shownHp = -1;
    private int shownKills = -2;
    private int shownDeaths = -2;
    private int shownPower = -2;
    private int shownLances = -2;
    private int shownShips = -1;
    private int shownAlive = -1;
    private int shownRemaining = -1;
    private int shownPhase = -1;
    private int shownRound = -1;
    private int shownKillLimit = -1;
    private List<PlayerInfo> shownRoster;
    private boolean teamMatch;

    /**
     * @param chat     the chat panel, placed at the bottom left
     * @param netStats the net stats panel's text for a frame
     */
    MatchHud(ServerMessage.Joined joined, Node chat, Function<RenderFrame, String> netStats) {
        this.joined = joined;
        this.ownId = joined.playerId();
        this.netStats = netStats;
        // One second more than the delay: the frame of a death can be drawn a fraction of a tick before it.
        respawnBanners = new String[Math.min(joined.matchConfig().respawnSeconds(), MAX_RESPAWN_BANNER) + 3];
        Arrays.setAll(respawnBanners, i -> i == 0 ? "" : respawning(i - 1));
        layer = build(chat);
        scoreboardPanel.setId("scoreboard");
        scoreboardPanel.setVisible(false);
        scoreboardLayer.setPickOnBounds(false);
        scoreboardLayer.setMouseTransparent(true);
        // Layout roots: a change inside (a kill changes the table, the feed and the status box) lays out
        // only that layer, not the match view and its other layers around it. The view sizes them.
        layer.setManaged(false);
        scoreboardLayer.setManaged(false);
    }

    /** Gives both layers the match view's whole area (they are not managed by it, see the constructor). */
    void fill(double width, double height) {
        layer.resizeRelocate(0, 0, width, height);
        scoreboardLayer.resizeRelocate(0, 0, width, height);
    }

    /** The HUD over the arena. */
    Node layer() {
        return layer;
    }

    /** The scoreboard, centred over the HUD. */
    Node scoreboardLayer() {
        return scoreboardLayer;
    }

    List<Scoreboard.Row> scoreboardRows() {
        return scoreboardPanel.isVisible() ? scoreboard.shownRows() : List.of();
    }

    void setBanner(String text) {
        centerBanner.setText(text);
    }

    /** The spectator badge's text. */
    void setBadge(String text) {
        spectatingBadge.setText(text);
    }

    private HudLayer build(Node chat) {
        healthText.getStyleClass().add("hud-big");
        healthBar.getStyleClass().add("health-bar");
        scoreText.getStyleClass().add("hud-small");
        arenaText.setId("hud-arena");
        arenaText.getStyleClass().add("hud-small");
        VBox status = box(new VBox(4, healthText, healthBar, scoreText, arenaText));
        status.setId("hud-status");
        // Red at a quarter or less. Switched by a listener, compiled on its own: in update, a match's first low
        // health (seconds in) made C2 compile the whole of update again.
        healthBar.progressProperty().addListener((bar, was, now) -> Scoreboard.toggle(healthBar, "low",
                Math.round(now.doubleValue() * Rules.MAX_HEALTH) <= Rules.MAX_HEALTH / 4));
        if (ownId == 0) {
            healthText.setText(joined.map().name());
            healthBar.setVisible(false);
            healthBar.setManaged(false);
        }

        timerText.setId("hud-timer");
        timerText.getStyleClass().add("hud-timer");
        phaseText.getStyleClass().add("hud-small");
        teamScoreText.setId("hud-team-score");
        teamScoreText.getStyleClass().add("hud-team-score");
        spectatingBadge.setId("spectating-badge");
        spectatingBadge.getStyleClass().add("badge");
        followText.setId("spectating-follow");
        followText.getStyleClass().add("hud-small");
        VBox top = new VBox(2, timerText, phaseText);
        if (joined.matchConfig().mode() == GameMode.TDM) {
            top.getChildren().add(1, teamScoreText);
        }
        top.setAlignment(Pos.TOP_CENTER);
        if (ownId == 0) {
            top.getChildren().addAll(spectatingBadge, followText);
        }
        VBox timerBox = box(new VBox(top));
        timerBox.setAlignment(Pos.TOP_CENTER);

        netStatsText.setId("net-stats");
        netStatsText.getStyleClass().add("net-stats");
        VBox netBox = box(new VBox(netStatsText));
        netBox.visibleProperty().bind(netStatsText.visibleProperty());

        centerBanner.setId("center-banner");
        centerBanner.getStyleClass().add("center-banner");
        centerBanner.setMouseTransparent(true);
        centerBanner.setCache(true);
        // An empty banner is hidden, not drawn: its cached image (the shadow of no text) was copied on every frame.
        // Bound, not set from update: there the test of the player's first banner, seconds into a match, made C2
        // compile update again.
        centerBanner.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !centerBanner.getText().isEmpty() && !bannerUnderTable.get(),
                centerBanner.textProperty(), bannerUnderTable));

        underTable.addAll(List.of(status, timerBox, killFeed.node(), centerBanner, chat, netBox));
        return new HudLayer(status, timerBox, killFeed.node(), centerBanner, chat, netBox);
    }

    /**
     * The region is always its preferred size: no larger (as before) and no smaller, so a parent's layout
     * asks only for its preferred size, which stays cached until the content changes, instead of working
     * out a minimum too (a walk through every label, and for the scoreboard its whole grid, on every kill).
     */
    static void hugContent(Region region) {
        region.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        region.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    }

    private static VBox box(VBox box) {
        box.getStyleClass().add("hud-box");
        hugContent(box);
        box.setCache(true);
        return box;
    }

    /** Whether the scoreboard shows with this frame: held open, or the intermission. */
    static boolean scoresShown(RenderFrame f, boolean held) {
        return held || f.match().phase() == MatchPhase.INTERMISSION;
    }

    /**
     * The backgrounds the painter is to draw under the HUD in the frame it starts now, in the match view's
     * (and the arena's) pixels: the scoreboard's fill if it is {@code scoresShown}, where the last layout put the
     * table, unless a box of the HUD layer lies under it.
     */
    List<Backplate.Placed> backplates(boolean scoresShown) {
        Backplate.Placed table = scoresShown && !hudUnderTable() ? scoreboardPanel.backplate(tableX(), tableY()) : null;
        return table == null ? List.of() : List.of(table);
    }

    /**
     * After each layout, with the backgrounds in the arena's frame on screen: the table shows its own fill unless
     * one of them lies under all of its content and nothing of the HUD layer lies between.
     */
    void matchBackplates(List<Backplate.Placed> onScreen) {
        boolean covered = scoreboardPanel.isVisible() && sceneBounds(scoreboardPanel).contains(sceneBounds(centerBanner));
        bannerUnderTable.set(covered);
        boolean painted = false;
        if (scoreboardPanel.isVisible() && !hudUnderTable()) {
            for (Backplate.Placed plate : onScreen) {
                painted |= scoreboardPanel.contentOn(plate, tableX(), tableY());
            }
        }
        scoreboardPanel.showOwnPlate(!painted);
    }

    /** Whether the table's own fill is shown (tests). */
    boolean tableFillOwn() {
        return scoreboardPanel.ownPlateShown();
    }

    private double tableX() {
        return scoreboardLayer.getLayoutX() + scoreboardPanel.getLayoutX();
    }

    private double tableY() {
        return scoreboardLayer.getLayoutY() + scoreboardPanel.getLayoutY();
    }

    private boolean hudUnderTable() {
        Bounds table = sceneBounds(scoreboardPanel);
        for (Node box : underTable) {
            if (box.isVisible() && sceneBounds(box).intersects(table)) {
                return true;
            }
        }
        return false;
    }

    /** Where a node draws (with its effect: the banner's shadow), in the scene. */
    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    /**
     * Brings the HUD up to date with a frame.
     *
     * @param following   the spectator's line under the timer (ignored for players)
     * @param showScores  the scoreboard is held open (it is always open in intermission)
     * @param showNetStats the net stats panel is on
     */
    void update(RenderFrame f, long now, List<PlayerInfo> roster, IntFunction<PlayerLook> looks, String following,
                boolean showScores, boolean showNetStats) {
        int tickRate = Math.max(1, joined.tickRate());
        RenderShip own = f.own();
        if (ownId != 0) {
            Ship s = own == null ? null : own.ship();
            int hp = s == null ? 0 : s.health();
            if (hp != shownHp) {
                shownHp = hp;
                healthText.setText("HP " + hp);
                healthBar.setProgress(hp / (double) Rules.MAX_HEALTH);
            }
            int kills = -1;
            int deaths = -1;
            int power = -1;
            int lances = -1;
            if (s != null) {
                kills = s.kills();
                deaths = s.deaths();
                // 1 while powered up (the tick before its end), 0 after; int min and max compile without branches
                power = Math.min(1, Math.max(0, (int) Math.ceil(s.powerUntil() - f.renderTick())));
                lances = s.lanceCharges();
            }
            // One test of every value the line shows (xor, or), no record's equals: a match's first power-up or lance
            // charge, seconds in, then takes a branch C2 has seen taken, and does not make it compile update again.
            if (((kills ^ shownKills) | (deaths ^ shownDeaths) | (power ^ shownPower) | (lances ^ shownLances)) != 0) {
                shownKills = kills;
                shownDeaths = deaths;
                shownPower = power;
                shownLances = lances;
                scoreText.setText(s == null ? "" : new ScoreLine(kills, deaths, power == 1, lances).text());
            }
        }
        int alive = 0;
        for (RenderShip s : f.ships()) {
            if (s.ship().alive()) {
                alive++;
            }
        }
        int ships = f.ships().size();
        if (ships != shownShips || alive != shownAlive) {
            shownShips = ships;
            shownAlive = alive;
            arenaText.setText(ships + " ships in " + joined.map().name() + " (" + alive + " alive)");
        }

        int remaining = Math.max(0, (int) Math.ceil((f.match().phaseEndTick() - f.renderTick()) / tickRate));
        if (remaining != shownRemaining) {
            shownRemaining = remaining;
            timerText.setText(clock(remaining));
        }
        int phase = f.match().phase().ordinal();
        int round = f.match().round();
        int killLimit = f.match().killLimit();
        // One test, as for the score line: the first intermission is minutes in.
        if (((phase ^ shownPhase) | (round ^ shownRound) | (killLimit ^ shownKillLimit)) != 0) {
            shownPhase = phase;
            shownRound = round;
            shownKillLimit = killLimit;
            phaseText.setText(new Phase(phase == MatchPhase.INTERMISSION.ordinal(), round, killLimit).text());
        }
        boolean intermission = f.match().phase() == MatchPhase.INTERMISSION;
        if (ownId == 0) {
            followText.setText(following);
        }
        if (roster != shownRoster) {
            shownRoster = roster;
            teamMatch = Scoreboard.teamMatch(roster);
        }
        teamScoreText.setText(teamMatch ? Scoreboard.teamScores(f.match()) : "");

        killFeed.update(f.events(), now, looks);

        String banner;
        if (intermission) {
            banner = "";
        } else if (own != null) {
            banner = ownBanner(own.ship(), f.renderTick(), tickRate);
        } else {
            banner = ownId != 0 ? "Waiting to spawn…" : "";
        }
        setBanner(banner);

        boolean scores = scoresShown(f, showScores);
        if (scores) {
            scoreboard.setTitle(intermission ? remaining : -1, teamScoreText.getText());
            scoreboard.show(roster, f.ships(), ownId);
        }
        scoreboardPanel.setVisible(scores);

        netStatsText.setVisible(showNetStats);
        if (showNetStats && (netStatsShownNanos == 0 || now - netStatsShownNanos >= NET_STATS_REFRESH_NANOS)) {
            netStatsShownNanos = now;
            netStatsText.setText(netStats.apply(f));
        }
    }

    /**
     * "" while the ship lives, else the respawn countdown, picked from {@link #respawnBanners} with no branch on the
     * ship's life: in update, the player's first death, seconds into a match, made C2 compile it again.
     */
    private String ownBanner(Ship ship, double renderTick, int tickRate) {
        int secs = Math.max(0, (int) Math.ceil((ship.respawnTick() - renderTick) / tickRate));
        if (secs >= respawnBanners.length - 1) {
            return ship.alive() ? "" : respawning(secs);
        }
        return respawnBanners[ship.deadBit() * (1 + secs)];
    }

    /** The respawn countdown's text. */
    private static String respawning(int seconds) {
        return "Respawning in " + seconds + "…";
    }

    /** "m:ss". */
    static String clock(int seconds) {
        int s = seconds % 60;
        return seconds / 60 + (s < 10 ? ":0" : ":") + s;
    }

    /** What the score line under the health shows. */
    private record ScoreLine(int kills, int deaths, boolean power, int lanceCharges) {
        String text() {
            return "Kills " + kills + "   Deaths " + deaths + (power ? "   POWER" : "")
                    + (lanceCharges > 0 ? "   LANCE ×" + lanceCharges : "");
        }
    }

    /** What the line under the timer shows. */
    private record Phase(boolean intermission, int round, int killLimit) {
        String text() {
            return intermission ? "INTERMISSION"
                    : "Round " + round + (killLimit > 0 ? "  ·  first to " + killLimit : "");
        }
    }
}
