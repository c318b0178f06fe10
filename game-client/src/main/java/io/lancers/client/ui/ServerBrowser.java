package io.lancers.client.ui;

import io.lancers.client.playback.BroadcastFeed;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage.MatchInfo;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Find a match to join or watch: matches of LAN servers found by discovery (refreshed by the
 * window every few seconds) and of a server whose address the player types.
 */
final class ServerBrowser extends StackPane {

    enum Mode { JOIN, SPECTATE }

    /**
     * One match on one server: a row of the list.
     *
     * @param passwordRequired the server asks a password at hello (LAN discovery says so, PROTOCOL.md §15)
     * @param protocol         the one subprotocol the server speaks (LAN discovery says which; null
     *                         when a reply does not say)
     */
    record Entry(String serverName, URI server, MatchInfo match, boolean passwordRequired, String protocol) {
        String label() {
            return String.format("%s  ·  %s   %d/%d players%s%s   —  %s%s%s%s", match.mapName(), match.phase().toLowerCase(),
                    match.players(), match.maxPlayers(), match.bots() > 0 ? ", " + match.bots() + " bots" : "",
                    match.spectators() > 0 ? ", " + match.spectators() + " watching" : "", serverName,
                    "wss".equals(server.getScheme()) ? "   [encrypted]" : "", passwordRequired ? "   [password]" : "",
                    speaksOurs() ? "" : "   [needs another Lancers version]");
        }

        /** False for a server of another version, which would refuse this client at the upgrade (PROTOCOL.md §2). */
        boolean speaksOurs() {
            return protocol == null || ProtocolVersion.SUBPROTOCOL.equals(protocol);
        }
    }

    interface Actions {
        /** List the matches of the server at this address (typed by the player). */
        void list(URI server);

        void choose(Entry entry);

        /** Watch the delayed HTTP broadcast at this URL ({@code http://host:port/broadcast/m1}). */
        void watch(URI broadcast);

        void back();
    }

    private final ListView<Entry> list = new ListView<>();
    private final Label status = new Label();
    private final TextField address = new TextField();
    private List<Entry> discovered = List.of();
    private List<Entry> typed = List.of();

    ServerBrowser(Mode mode, String lastAddress, Actions actions) {
        setId(mode == Mode.JOIN ? "join-view" : "spectate-view");
        getStyleClass().add("screen");

        Label title = new Label(mode == Mode.JOIN ? "JOIN A GAME" : "SPECTATE A MATCH");
        title.getStyleClass().add("heading");
        Label lan = new Label("Matches on your network and on the server you enter");
        lan.getStyleClass().add("dim");

        list.setId("server-list");
        list.setPrefSize(720, 300);
        list.setPlaceholder(new Label("Looking for games on your network…"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                choose(list.getSelectionModel().getSelectedItem(), actions);
            }
        });

        address.setId("server-address");
        address.setPromptText("ws://host:8025/game  or  host:port");
        address.setText(lastAddress == null ? "" : lastAddress);
        HBox.setHgrow(address, Priority.ALWAYS);
        Button listButton = Overlays.menuButton("List matches", "server-list-matches", () -> {
            URI uri = parseAddress(address.getText());
            if (uri == null) {
                showStatus("Enter an address like 192.168.1.20:8025");
            } else {
                showStatus("Asking " + uri.getHost() + ":" + uri.getPort() + "…");
                actions.list(uri);
            }
        });
        listButton.setPrefWidth(180);
        address.setOnAction(e -> listButton.fire());
        HBox addressRow = new HBox(10, address, listButton);
        addressRow.setAlignment(Pos.CENTER_LEFT);

        status.setId("browser-status");
        status.getStyleClass().add("dim");

        Button go = Overlays.menuButton(mode == Mode.JOIN ? "Join" : "Spectate", "server-choose", () -> {
            Entry e = list.getSelectionModel().getSelectedItem();
            if (e == null) {
                showStatus("Pick a match first");
            } else {
                choose(e, actions);
            }
        });
        go.getStyleClass().add("primary");
        go.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Button back = Overlays.menuButton("Back", "server-back", actions::back);
        back.setCancelButton(true);
        go.setPrefWidth(180);
        back.setPrefWidth(180);
        HBox buttons = new HBox(12, back, go);
        buttons.setAlignment(Pos.CENTER);

        VBox panel = new VBox(14, title, lan, list, addressRow, status, buttons);
        if (mode == Mode.SPECTATE) {
            panel.getChildren().add(panel.getChildren().indexOf(status), broadcastRow(actions));
        }
        panel.setAlignment(Pos.CENTER);
        panel.getStyleClass().add("panel");
        panel.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(panel);
    }

    /** A URL field for a delayed HTTP broadcast (through any HTTP cache), and its button. */
    private HBox broadcastRow(Actions actions) {
        TextField url = new TextField();
        url.setId("broadcast-url");
        url.setPromptText("Broadcast (delayed): http://host:8025/broadcast/m1");
        HBox.setHgrow(url, Priority.ALWAYS);
        Button watch = Overlays.menuButton("Watch broadcast", "broadcast-watch", () -> {
            URI uri = BroadcastFeed.url(url.getText());
            if (uri == null) {
                showStatus("Enter a broadcast address like http://192.168.1.20:8025/broadcast/m1");
            } else {
                actions.watch(uri);
            }
        });
        watch.setPrefWidth(180);
        url.setOnAction(e -> watch.fire());
        HBox row = new HBox(10, url, watch);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Goes for the match, unless its server speaks another version: then only says so. */
    private void choose(Entry entry, Actions actions) {
        if (entry.speaksOurs()) {
            actions.choose(entry);
        } else {
            showStatus(entry.serverName() + " speaks " + entry.protocol() + ", this Lancers "
                    + ProtocolVersion.SUBPROTOCOL + ": it needs another Lancers version");
        }
    }

    void setDiscovered(List<Entry> entries) {
        discovered = List.copyOf(entries);
        refresh();
    }

    void setTyped(List<Entry> entries) {
        typed = List.copyOf(entries);
        showStatus(entries.isEmpty() ? "That server has no matches right now" : "");
        refresh();
        if (!entries.isEmpty() && list.getSelectionModel().getSelectedItem() == null) {
            list.getSelectionModel().select(entries.get(0));
        }
    }

    void showStatus(String text) {
        status.setText(text);
    }

    /** The typed server's matches first, then the LAN's; the selection survives a refresh. */
    private void refresh() {
        Entry selected = list.getSelectionModel().getSelectedItem();
        List<Entry> all = new ArrayList<>(typed);
        for (Entry e : discovered) {
            boolean dup = typed.stream().anyMatch(t -> t.match().id().equals(e.match().id())
                    && t.server().getPort() == e.server().getPort());
            if (!dup) {
                all.add(e);
            }
        }
        list.getItems().setAll(all);
        if (selected != null) {
            all.stream().filter(e -> e.server().equals(selected.server()) && e.match().id().equals(selected.match().id()))
                    .findFirst().ifPresent(e -> list.getSelectionModel().select(e));
        }
    }

    /** Accepts {@code ws://host:port/game}, {@code host:port} or {@code host} (default port 8025). */
    static URI parseAddress(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (!t.contains("://")) {
                t = "ws://" + t;
            }
            URI u = URI.create(t);
            if (u.getHost() == null || !(u.getScheme().equals("ws") || u.getScheme().equals("wss"))) {
                return null;
            }
            int port = u.getPort() > 0 ? u.getPort() : 8025;
            String path = u.getPath() == null || u.getPath().isEmpty() ? "/game" : u.getPath();
            return new URI(u.getScheme(), null, u.getHost(), port, path, null, null);
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return null;
        }
    }
}
