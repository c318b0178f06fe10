package io.lancers.client.ui;

import io.lancers.client.audio.SoundBoard;
import io.lancers.client.render.Palette;
import io.lancers.client.tls.CertificateRefusal;
import io.lancers.client.tls.KnownHosts;
import io.lancers.client.tls.ServerTrust;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage.MatchInfo;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.prefs.Preferences;

/**
 * The client's one window: it owns the scene, switches between screens (menu, settings, server
 * browser, host panel, match) and holds the current {@link GameSession}. Everything here runs on
 * the JavaFX thread; starting a server happens on a background thread behind a busy panel.
 */
public final class ClientWindow {
    private static final Logger LOG = Logger.getLogger(ClientWindow.class.getName());
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    private static final long EXIT_WAIT_MILLIS = 3000;

    private final Stage stage;
    private final LaunchOptions options;
    private final Preferences prefs;
    private final StackPane root = new StackPane();
    private final SoundBoard sounds;
    /** The servers of Play and Host. */
    private final LocalServers localServers;
    private final Replays replays;
    /** Which wss:// servers are trusted, and where the player's answers are remembered. */
    private final ServerTrust trust;
    private Settings settings;
    private GameSession session;
    private ServerBrowser browser;
    private LanSearch discovery;
    private String lastAddress = "";
    /** Passwords given this run, by server HOST:PORT; never stored. */
    private final Map<String, String> passwords = new HashMap<>();
    /** The hosting screen and its server while it is shown, else null. */
    private HostingView hosting;
    private GameServer hosted;

    /**
     * @param prefs where settings are kept ({@link Settings#USER_NODE} under the user root in the
     *              real client; tests pass a throw-away node)
     */
    public ClientWindow(Stage stage, LaunchOptions options, Preferences prefs) {
        this(stage, options, prefs, ServerTrust.of(KnownHosts.user(), List.of()));
    }

    /** @param trust which {@code wss://} servers are trusted; the player's answers go to its known hosts */
    public ClientWindow(Stage stage, LaunchOptions options, Preferences prefs, ServerTrust trust) {
        this.trust = trust;
        this.stage = stage;
        this.options = options;
        this.prefs = prefs;
        Settings loaded = Settings.load(prefs);
        if (options.name() != null) {
            loaded = loaded.withPlayerName(options.name());
        }
        if (options.discoveryTarget() != null) {
            loaded = loaded.withDiscoveryTarget(options.discoveryTarget());
        }
        this.settings = loaded;
        this.localServers = new LocalServers(options, this::settings);
        this.sounds = options.sound() ? new SoundBoard(settings.sound()) : SoundBoard.silent();
        sounds.setVolume(settings.volume());
        this.replays = new Replays(new Replays.Window() {
            @Override
            public void setScreen(Node screen) {
                ClientWindow.this.setScreen(screen);
            }

            @Override
            public void addOverlay(Node overlay) {
                root.getChildren().add(overlay);
            }

            @Override
            public void showMenu(String message) {
                ClientWindow.this.showMenu(message);
            }

            @Override
            public Path recordFolder() {
                return Path.of(settings.recordFolder());
            }

            @Override
            public boolean autoLowEffects() {
                return settings.autoLowEffects();
            }
        }, sounds, prefs);
    }

    /** Builds the scene and shows the menu, or goes straight to the server given on the command line. */
    public void show() {
        root.setId("root");
        // The stylesheet's .root fill in the scene's own fill instead: the window looks the same, and
        // under the match's canvas, which covers it all, no full-window rectangle is painted per frame.
        Overlays.noBackground(root);
        Scene scene = new Scene(root, WIDTH, HEIGHT, Palette.SPACE);
        scene.getStylesheets().add(ClientWindow.class.getResource("lancers.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Lancers");
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        if (options.connect() != null) {
            GameSession.Goal goal = options.spectateMatch() != null
                    ? new GameSession.Goal.Spectate(options.spectateMatch()) : new GameSession.Goal.JoinAny();
            startSession(options.connect(), goal, null);
        } else if (options.replay() != null) {
            replays.open(options.replay(), true);
        } else if (options.watch() != null) {
            replays.watch(options.watch(), true);
        } else {
            showMenu(null);
        }
        acceptDroppedReplays(scene);
        stage.show();
    }

    public Settings settings() {
        return settings;
    }

    /** A file dropped anywhere on the window is played, unless a match is on. */
    private void acceptDroppedReplays(Scene scene) {
        scene.setOnDragOver(e -> {
            if (session == null && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<java.io.File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            boolean accepted = session == null && !files.isEmpty();
            if (accepted) {
                leaveBrowser();
                replays.open(files.get(0).toPath(), false);
            }
            e.setDropCompleted(accepted);
            e.consume();
        });
    }

    /** The replay side of the window: the Replays screen and the playback screen. */
    Replays replays() {
        return replays;
    }

    /** Closes the session (and any embedded server) in the background. */
    public void shutdown() {
        localServers.cancel();
        stopDiscovery();
        leaveHosting();
        replays.stop();
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /**
     * When the application ends: closes like {@link #shutdown()} and waits a moment for the
     * goodbye to reach the server, so it sees a player leave rather than a connection drop; then
     * lets go of the audio output.
     */
    public void exit() {
        GameSession last = session;
        shutdown();
        if (last != null) {
            last.awaitClosed(EXIT_WAIT_MILLIS);
        }
        sounds.close();
    }

    void saveSettings(Settings s) {
        settings = s;
        s.save(prefs);
        sounds.setEnabled(s.sound());
        sounds.setVolume(s.volume());
    }

    // ---- screens ----------------------------------------------------------------------------

    void showMenu(String message) {
        leaveBrowser();
        MainMenu menu = new MainMenu(new MainMenu.Actions() {
            @Override
            public void play() {
                ClientWindow.this.play();
            }

            @Override
            public void host() {
                ClientWindow.this.host();
            }

            @Override
            public void join() {
                showBrowser(ServerBrowser.Mode.JOIN);
            }

            @Override
            public void spectate() {
                showBrowser(ServerBrowser.Mode.SPECTATE);
            }

            @Override
            public void replays() {
                replays.showScreen(null);
            }

            @Override
            public void settings() {
                setScreen(new SettingsView(settings, ClientWindow.this::saveSettings, () -> showMenu(null), false));
            }

            @Override
            public void quit() {
                // LancersApp.stop() closes the session on the way out.
                Platform.exit();
            }
        }, settings.playerName());
        menu.showStatus(message);
        setScreen(menu);
    }

    private void setScreen(Node screen) {
        if (screen != hosting) {
            leaveHosting();
        }
        root.getChildren().setAll(screen);
    }

    /** "Play": a local server on loopback with bots, then join it. */
    private void play() {
        startServer("Starting a local arena…", localServers.play(), server -> startSession(
                server.loopbackUri(), new GameSession.Goal.JoinAny(), server));
    }

    /** "Host a LAN game": the Host screen first (the remembered setup), then the server. */
    private void host() {
        setScreen(new HostSetupView(HostSetup.load(prefs), settings.recordMatches(), new HostSetupView.Actions() {
            @Override
            public void start(HostSetup setup, String password, boolean record) {
                startHosting(setup, password, record);
            }

            @Override
            public void back() {
                showMenu(null);
            }
        }));
    }

    /** A server on every interface with discovery, set up as the Host screen says; then show the hosting screen. */
    private void startHosting(HostSetup setup, String password, boolean record) {
        setup.save(prefs);
        if (record != settings.recordMatches()) {
            saveSettings(settings.withRecording(record, settings.recordFolder()));
        }
        String hostToken = HostToken.next();
        startServer("Starting your LAN game…", localServers.host(setup, password, hostToken),
                server -> showHosting(server, password, hostToken));
    }

    /** Tests host on loopback: {@code network} sets where the hosted server listens. */
    void hostNetwork(UnaryOperator<ServerOptions> network) {
        localServers.hostNetwork(network);
    }

    /**
     * Starts the first config that binds behind a busy panel with Cancel; then hands the server to
     * {@code then} on the FX thread, or says on the menu why none started.
     */
    private void startServer(String text, List<ServerOptions> configs, Consumer<GameServer> then) {
        root.getChildren().add(Overlays.busy("starting", text, () -> {
            // Also ends a session already connecting to the new server (and so the server).
            shutdown();
            showMenu(null);
        }));
        localServers.start(configs, then, error -> showMenu("Could not start a server: " + error));
    }

    private void showHosting(GameServer server, String password, String hostToken) {
        URI own = server.loopbackUri();
        passwords.put(key(own), password);
        HostingView view = new HostingView(server, password, hostToken, new HostingView.Actions() {
            @Override
            public void enter() {
                hosted = null; // the session owns the server from now on
                startSession(own, new GameSession.Goal.JoinAny(), server, hostToken);
                session.announceOnJoin("You are hosting: friends join at " + server.uri());
            }

            @Override
            public void stop() {
                showMenu(null);
            }
        });
        setScreen(view);
        hosting = view;
        hosted = server;
        view.start();
    }

    /** The hosting screen goes; its server too, unless a session took it over. */
    private void leaveHosting() {
        if (hosting == null) {
            return;
        }
        hosting.stop();
        hosting = null;
        if (hosted != null) {
            LocalServers.closeInBackground(hosted);
            hosted = null;
        }
    }

    private void showBrowser(ServerBrowser.Mode mode) {
        browser = new ServerBrowser(mode, lastAddress, new ServerBrowser.Actions() {
            @Override
            public void list(URI server) {
                lastAddress = server.getHost() + ":" + server.getPort();
                browse(server);
            }

            @Override
            public void choose(ServerBrowser.Entry entry) {
                GameSession.Goal goal = mode == ServerBrowser.Mode.JOIN
                        ? new GameSession.Goal.Join(entry.match().id())
                        : new GameSession.Goal.Spectate(entry.match().id());
                if (entry.passwordRequired() && passwords.get(key(entry.server())) == null) {
                    // Discovery said so: ask now rather than connect only to be refused.
                    askPasswordFx(entry.server(), goal, entry.serverName() + " needs a password");
                    return;
                }
                root.getChildren().add(Overlays.busy("connecting", "Connecting to " + entry.serverName() + "…",
                        () -> {
                            shutdown();
                            showBrowser(mode);
                        }));
                if (session != null && session.server().equals(entry.server())) {
                    session.choose(goal);
                } else {
                    startSession(entry.server(), goal, null);
                }
            }

            @Override
            public void watch(URI broadcast) {
                shutdown();
                leaveBrowser();
                replays.watch(broadcast, false);
            }

            @Override
            public void back() {
                shutdown();
                showMenu(null);
            }
        });
        setScreen(browser);
        startDiscovery(browser);
    }

    /** Searches the LAN while this browser is on screen. */
    private void startDiscovery(ServerBrowser shown) {
        stopDiscovery();
        discovery = new LanSearch(settings.discoveryTarget(), (found, problem) -> {
            if (browser == shown) {
                shown.setDiscovered(found);
                if (problem != null) {
                    shown.showStatus(problem);
                }
            }
        });
    }

    private void stopDiscovery() {
        if (discovery != null) {
            discovery.close();
            discovery = null;
        }
    }

    private void leaveBrowser() {
        browser = null;
        stopDiscovery();
    }

    /** Lists the matches of a typed server for the browser. */
    private void browse(URI server) {
        if (session != null) {
            session.close();
        }
        session = new GameSession(ClientWindow.this, server, settings.playerName(),
                new GameSession.Goal.Browse(), null, sounds, trust);
        session.access(passwords.get(key(server)), null);
        session.connect();
    }

    private void startSession(URI server, GameSession.Goal goal, GameServer embedded) {
        startSession(server, goal, embedded, null);
    }

    /** @param hostToken the embedded server's host token when this is the host's own session, else null */
    private void startSession(URI server, GameSession.Goal goal, GameServer embedded, String hostToken) {
        if (session != null) {
            session.close();
        }
        if (root.lookup("#starting") == null && root.lookup("#connecting") == null) {
            root.getChildren().add(Overlays.busy("connecting", "Connecting to " + server.getHost() + ":"
                    + server.getPort() + "…", () -> {
                        shutdown();
                        showMenu(null);
                    }));
        }
        // The host's own server is trusted by its certificate, whatever the player's known hosts say.
        session = new GameSession(this, server, settings.playerName(), goal, embedded, sounds,
                embedded == null ? trust : trust.withOwn(embedded));
        session.access(passwords.get(key(server)), hostToken);
        session.connect();
    }

    private static String key(URI server) {
        return server.getHost() + ":" + server.getPort();
    }

    // ---- from the session, FX thread --------------------------------------------------------

    void showMatchFx(GameSession from, MatchView view) {
        if (from != session) {
            return;
        }
        leaveBrowser();
        setScreen(view);
    }

    void sessionEndedFx(GameSession from, String message) {
        if (from != session) {
            return;
        }
        session = null;
        showMenu(message);
    }

    /**
     * The session's {@code wss://} server showed a certificate nobody trusts: ask the player (over
     * the menu, or the browser when browsing) and, if they trust it, remember it and connect again.
     */
    void certificateRefusedFx(GameSession from, CertificateRefusal refusal) {
        if (from != session) {
            return;
        }
        session = null;
        root.getChildren().removeIf(n -> "connecting".equals(n.getId()));
        if (browser == null) {
            showMenu(null);
        }
        root.getChildren().add(TrustPrompt.of(refusal, () -> {
            try {
                trust.knownHosts().orElseThrow().remember(refusal.host(), refusal.port(), refusal.presented());
            } catch (IOException | RuntimeException e) {
                LOG.warning("cannot remember the certificate of " + refusal.address() + ": " + e.getMessage());
                if (browser == null) {
                    showMenu("Could not remember the certificate: " + e.getMessage());
                }
                return;
            }
            if (from.goal() instanceof GameSession.Goal.Browse) {
                browse(from.server());
            } else {
                startSession(from.server(), from.goal(), null);
            }
        }, () -> {
            if (browser != null) {
                browser.showStatus("Not connected: " + refusal.summary());
            }
        }));
    }

    void matchListFx(GameSession from, List<MatchInfo> matches) {
        if (from != session || browser == null) {
            return;
        }
        String name = from.server().getHost() + ":" + from.server().getPort();
        // Only a password the server asked for is kept: with one, these matches are behind it.
        boolean passwordRequired = passwords.get(key(from.server())) != null;
        // It listed them over a connection: it speaks this client's protocol.
        browser.setTyped(matches.stream().map(m -> new ServerBrowser.Entry(name, from.server(), m, passwordRequired,
                ProtocolVersion.SUBPROTOCOL)).toList());
    }

    /** The browser's server could not be reached or refused: say so, stay in the browser. */
    void browserErrorFx(GameSession from, String message) {
        if (from != session) {
            return;
        }
        root.getChildren().removeIf(n -> "connecting".equals(n.getId()));
        if (browser != null) {
            browser.showStatus(message);
            if (from.ended()) {
                session = null;
            }
        } else {
            from.close();
            session = null;
            showMenu(message);
        }
    }

    /**
     * The server wants a password (or another one, or fewer guesses): ask, then try again with it;
     * Cancel goes back to the browser or the menu. The password is kept for this run only.
     */
    void passwordNeededFx(GameSession from, String message) {
        if (from != session) {
            return;
        }
        session = null;
        root.getChildren().removeIf(n -> "connecting".equals(n.getId()) || "starting".equals(n.getId()));
        askPasswordFx(from.server(), from.goal(), message);
    }

    /** Asks the password of {@code server}, then connects with it for {@code goal}; Cancel stays. */
    private void askPasswordFx(URI server, GameSession.Goal goal, String message) {
        PasswordPrompt.show(root, server, message, password -> {
            passwords.put(key(server), password);
            if (goal instanceof GameSession.Goal.Browse) {
                browse(server);
            } else {
                startSession(server, goal, null);
            }
        }, () -> {
            if (browser == null) {
                showMenu(null);
            }
        });
    }

    /** The host's controls over the match, refreshed while shown; back to the match when closed. */
    void showHostControlsOverMatchFx(MatchView view, HostPanel controls) {
        StackPane[] holder = new StackPane[1];
        Label title = new Label("HOST CONTROLS");
        title.getStyleClass().add("heading");
        holder[0] = Overlays.dimmed("host-controls", title, controls,
                Overlays.menuButton("Back to the match", "host-controls-close", () -> {
                    controls.stop();
                    root.getChildren().remove(holder[0]);
                    view.resumeFx();
                }));
        root.getChildren().add(holder[0]);
        controls.start();
    }

    void showSettingsOverMatchFx(MatchView view) {
        StackPane[] holder = new StackPane[1];
        holder[0] = new SettingsView(settings, s -> {
            saveSettings(s);
            view.setShowNetStats(s.showNetStats());
            view.setAutoLowEffects(s.autoLowEffects());
        }, () -> {
            root.getChildren().remove(holder[0]);
            view.resumeFx();
        }, true);
        root.getChildren().add(holder[0]);
    }
}
