package io.lancers.client.ui;

import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import javafx.application.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The servers the client embeds for "Play" and "Host": the {@link ServerOptions} each starts with
 * (the launch's bots, recording as the settings say, the Host screen's setup, password and host
 * token), starting the first that binds on a thread of its own, and closing them off the FX thread.
 * Which screen shows meanwhile is {@link ClientWindow}'s business.
 */
final class LocalServers {
    private static final Logger LOG = Logger.getLogger(LocalServers.class.getName());

    private final LaunchOptions launch;
    private final Supplier<Settings> settings;
    /** Bumped by every start and every cancel: a background start whose number is stale gives up. */
    private final AtomicLong startGeneration = new AtomicLong();
    /** Where Host listens: every interface with discovery; tests keep it on loopback. */
    private UnaryOperator<ServerOptions> hostNetwork = options -> options.with(o -> {
        o.bindAddress = "0.0.0.0";
        o.discovery = true;
    });

    /** @param settings the player's current settings (recording), read at each start */
    LocalServers(LaunchOptions launch, Supplier<Settings> settings) {
        this.launch = launch;
        this.settings = settings;
    }

    /** Tests host on loopback: {@code network} sets where the hosted server listens. */
    void hostNetwork(UnaryOperator<ServerOptions> network) {
        hostNetwork = network;
    }

    /**
     * "Play": a server on loopback with bots, one room: the player's. A second room (a dedicated server's
     * default) would tick its bots on the player's cores all match long for nobody to watch.
     */
    List<ServerOptions> play() {
        return List.of(base().onLoopback().with(o -> o.matches = 1));
    }

    /**
     * "Host": a server on the host network, set up as the Host screen says; the usual port first,
     * so friends can type a familiar address, any free one if it is taken. Throws
     * IllegalArgumentException naming the flag of a value out of range.
     */
    List<ServerOptions> host(HostSetup setup, String password, String hostToken) {
        ServerOptions lan = setup.applyTo(hostNetwork.apply(base()), password, hostToken);
        return List.of(lan, lan.with(o -> o.port = 0));
    }

    /** The embedded server of Play and Host: recording its matches when the player asked for that. */
    private ServerOptions base() {
        ServerOptions config = launch.localServer();
        Settings now = settings.get();
        if (!now.recordMatches()) {
            return config;
        }
        Path folder = Path.of(now.recordFolder());
        try {
            Files.createDirectories(folder);
            return config.with(o -> o.recordDir = folder);
        } catch (IOException | RuntimeException e) {
            LOG.warning("not recording: cannot create " + folder + ": " + e.getMessage());
            return config;
        }
    }

    /**
     * Starts the first of {@code configs} that binds, on a background thread; then, on the FX
     * thread, hands the server to {@code startedFx}, or the last error to {@code failedFx}. After a
     * {@link #cancel()} (or a newer start) neither is called, and a server that started is closed.
     */
    void start(List<ServerOptions> configs, Consumer<GameServer> startedFx, Consumer<String> failedFx) {
        long generation = startGeneration.incrementAndGet();
        Thread starter = new Thread(() -> {
            GameServer server = null;
            IOException failure = null;
            for (ServerOptions c : configs) {
                try {
                    server = GameServer.start(c);
                    break;
                } catch (IOException e) {
                    failure = e;
                    LOG.info("could not start a server on port " + c.port + ": " + e.getMessage());
                }
            }
            GameServer started = server;
            String error = failure == null ? "unknown error" : failure.getMessage();
            Platform.runLater(() -> {
                if (started == null) {
                    if (startGeneration.get() == generation) {
                        failedFx.accept(error);
                    }
                } else if (startGeneration.get() != generation) {
                    closeInBackground(started);
                } else {
                    startedFx.accept(started);
                }
            });
        }, "lancers-server-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Gives up the start under way, if any: its server, should it start, is closed. */
    void cancel() {
        startGeneration.incrementAndGet();
    }

    static void closeInBackground(GameServer server) {
        Thread t = new Thread(server::close, "lancers-server-stop");
        t.setDaemon(true);
        t.start();
    }
}
