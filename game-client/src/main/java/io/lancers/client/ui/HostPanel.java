package io.lancers.client.ui;

import io.lancers.client.net.GameConnection;
import io.lancers.map.MapLoader;
import io.lancers.server.GameServer;
import io.lancers.server.match.MatchStatus;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The host's view of the rooms: per room its map and phase, the players (name, ping, bot or human)
 * with a Kick button for each human, a next-map choice and End match. The rooms are read from the
 * embedded server once a second on a thread of its own ({@link #start()} to {@link #stop()}); the
 * buttons only hand the order to {@link Orders}, which sends it on the host's connection; what
 * happened shows in the next refresh. Otherwise FX thread only.
 */
final class HostPanel extends VBox {

    /** The host's orders (PROTOCOL.md §18.2); each only queues a message, never waits. */
    interface Orders {
        void kick(String matchId, int playerId);

        void nextMap(String matchId, String mapId);

        void endMatch(String matchId);

        /** Sent on {@code connection}, which must be the host's own (its hello carried the host token). */
        static Orders over(GameConnection connection) {
            return new Orders() {
                @Override
                public void kick(String matchId, int playerId) {
                    connection.kick(matchId, playerId);
                }

                @Override
                public void nextMap(String matchId, String mapId) {
                    connection.nextMap(matchId, mapId);
                }

                @Override
                public void endMatch(String matchId) {
                    connection.endMatch(matchId);
                }
            };
        }
    }

    private static final long REFRESH_MILLIS = 1000;

    private final GameServer server;
    private final Orders orders;
    private ScheduledExecutorService refresher;
    private boolean ordersEnabled = true;
    /** One box per room, kept across updates: only its title and players are refreshed, its map choice stays open. */
    private final Map<String, Room> rooms = new LinkedHashMap<>();

    /** @param server the embedded server, whose rooms are shown as they are */
    HostPanel(GameServer server, Orders orders) {
        super(14);
        this.server = server;
        this.orders = orders;
        setId("host-panel");
    }

    /** Whether the buttons may be pressed (the host's connection is there to send on). */
    void setOrdersEnabled(boolean enabled) {
        ordersEnabled = enabled;
        rooms.values().forEach(room -> room.show(room.shown));
    }

    /** Starts refreshing, at once and then every second. */
    void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lancers-host-panel");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> {
            List<MatchStatus> now = server.matches().status();
            Platform.runLater(() -> show(now));
        }, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    private void show(List<MatchStatus> statuses) {
        for (MatchStatus status : statuses) {
            rooms.computeIfAbsent(status.id(), id -> {
                Room room = new Room(id);
                getChildren().add(room.box);
                return room;
            }).show(status);
        }
    }

    private final class Room {
        final Label title = new Label();
        final GridPane players = new GridPane();
        final Button end = new Button("End match now");
        final Button pick = new Button("Play it next");
        MatchStatus shown;
        final VBox box;

        Room(String matchId) {
            title.getStyleClass().add("score-head");
            players.setHgap(16);
            players.setVgap(4);
            players.setId("host-players-" + matchId);
            ComboBox<String> next = new ComboBox<>();
            next.setId("host-next-map-" + matchId);
            next.getItems().setAll(MapLoader.builtInIds());
            next.setConverter(new MapNames(""));
            next.setValue(MapLoader.builtInIds().get(0));
            pick.setId("host-pick-" + matchId);
            pick.setOnAction(e -> orders.nextMap(matchId, next.getValue()));
            end.setId("host-end-" + matchId);
            end.setOnAction(e -> orders.endMatch(matchId));
            HBox controls = new HBox(10, new Label("Next map"), next, pick, end);
            controls.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(6, title, players, controls);
        }

        void show(MatchStatus room) {
            shown = room;
            pick.setDisable(!ordersEnabled);
            title.setText(room.id() + " — " + MapNames.name(room.mapId()) + " — " + room.phase()
                    + (room.spectators() > 0 ? " — " + room.spectators() + " watching" : ""));
            end.setDisable(!ordersEnabled || !"playing".equals(room.phase()));
            players.getChildren().clear();
            int row = 0;
            for (MatchStatus.PlayerStatus p : room.players()) {
                Label name = new Label(p.name() + (p.online() ? "" : " (offline)"));
                name.getStyleClass().add("score-cell");
                Label ping = new Label(p.bot() ? "—" : p.pingMs() + " ms");
                Label kind = new Label(p.bot() ? "bot" : "human");
                kind.getStyleClass().add("dim");
                players.addRow(row, name, ping, kind);
                if (!p.bot()) {
                    Button kick = new Button("Kick");
                    kick.setId("host-kick-" + room.id() + "-" + p.id());
                    kick.setOnAction(e -> orders.kick(room.id(), p.id()));
                    kick.setDisable(!ordersEnabled);
                    players.add(kick, 3, row);
                }
                row++;
            }
        }
    }
}
