package io.lancers.client.ui;

import io.lancers.client.tls.ServerTrust;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.server.GameServer;
import io.lancers.server.net.LanAddress;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * While hosting, before or between visits to the arena: the addresses to give friends, each with a
 * Copy button, and {@link HostPanel} (who is in, kick, next map, end match). The host's orders go
 * over the host's own connection (a lobby connection with the host token), as any host's would
 * (PROTOCOL.md §18.2). Nothing here waits on the FX thread.
 */
final class HostingView extends StackPane {
    interface Actions {
        void enter();

        void stop();
    }

    private final GameServer server;
    private final HostLink hostLink;
    private final HostPanel rooms;
    private final VBox addresses = new VBox(6);
    private final Label status = new Label();

    /**
     * @param password  the server's password, null if none: the host's connection must give it too
     * @param hostToken the server's host token
     */
    HostingView(GameServer server, String password, String hostToken, Actions actions) {
        this.server = server;
        setId("host-view");
        getStyleClass().add("screen");
        hostLink = new HostLink(server.loopbackUri(), ServerTrust.jvmOnly().withOwn(server), password, hostToken,
                new HostLink.Listener() {
                    @Override
                    public void ready(boolean ready) {
                        Platform.runLater(() -> {
                            rooms.setOrdersEnabled(ready);
                            status.setText(ready ? "" : "Connecting to your server…");
                        });
                    }

                    @Override
                    public void refused(String message) {
                        Platform.runLater(() -> status.setText(message));
                    }
                });
        rooms = new HostPanel(server, hostLink);
        rooms.setOrdersEnabled(false);

        Label title = new Label("YOUR LAN GAME IS UP");
        title.getStyleClass().add("heading");
        Label tell = new Label(server.options().serverName + ": friends find it under Join, or type an address:"
                + (password == null ? "" : "\nThey need the password you set."));
        tell.getStyleClass().add("dim");
        status.setId("host-status");
        status.getStyleClass().add("error-text");
        ScrollPane roomScroll = new ScrollPane(rooms);
        roomScroll.setFitToWidth(true);
        roomScroll.setPrefViewportHeight(300);
        roomScroll.getStyleClass().add("host-rooms");
        var enter = Overlays.menuButton("Enter the arena", "host-enter", actions::enter);
        enter.getStyleClass().add("primary");
        enter.setDefaultButton(true);
        var stop = Overlays.menuButton("Stop hosting", "host-stop", actions::stop);
        HBox buttons = new HBox(12, stop, enter);
        buttons.setAlignment(Pos.CENTER);
        VBox panel = new VBox(14, title, tell, addresses, roomScroll, status, buttons);
        panel.setAlignment(Pos.CENTER);
        panel.getStyleClass().add("panel");
        panel.setMaxSize(760, VBox.USE_PREF_SIZE);
        getChildren().add(panel);
    }

    /** Connects the host's link and starts refreshing; call once, when shown. */
    void start() {
        hostLink.connect();
        rooms.start();
        Thread lookup = new Thread(() -> {
            List<String> hosts = LanAddress.advertisedHosts(server.options().bindAddress);
            String scheme = server.uri().getScheme();
            List<String> urls = hosts.stream()
                    .map(host -> scheme + "://" + host + ":" + server.port() + ProtocolVersion.ENDPOINT_PATH).toList();
            Platform.runLater(() -> showAddresses(urls));
        }, "lancers-hosting-addresses");
        lookup.setDaemon(true);
        lookup.start();
    }

    /** Stops refreshing and closes the host's link (off the FX thread); the server is the caller's. */
    void stop() {
        rooms.stop();
        Thread closer = new Thread(hostLink::close, "lancers-hosting-close");
        closer.setDaemon(true);
        closer.start();
    }

    private void showAddresses(List<String> urls) {
        addresses.getChildren().clear();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            Label address = new Label(url);
            address.setId(i == 0 ? "host-address" : "host-address-" + (i + 1));
            address.getStyleClass().add("address");
            Button copy = new Button("Copy");
            copy.setId(i == 0 ? "host-copy" : "host-copy-" + (i + 1));
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(url);
                Clipboard.getSystemClipboard().setContent(content);
                copy.setText("Copied");
            });
            HBox row = new HBox(12, address, copy);
            row.setAlignment(Pos.CENTER);
            addresses.getChildren().add(row);
        }
        // With TLS, what friends compare when their client asks whether to trust this server.
        server.certificateFingerprint().ifPresent(certificate -> {
            Label what = new Label("Certificate SHA-256 (friends compare it when their client asks):");
            what.getStyleClass().add("dim");
            addresses.getChildren().addAll(what, TrustPrompt.fingerprint(certificate, "host-fingerprint"));
        });
    }
}
