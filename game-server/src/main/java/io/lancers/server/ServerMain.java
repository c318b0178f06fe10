package io.lancers.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.lancers.release.ReleaseVersion;
import io.lancers.server.log.LogFormat;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.net.Access;
import io.lancers.server.net.TlsKeyStore;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The dedicated server: flags in, one line out. On ready it prints exactly
 * {@code listening ws://HOST:PORT/game} to stdout; everything else goes to the log (stderr).
 */
@Command(name = "game-server", mixinStandardHelpOptions = true, versionProvider = ServerMain.Version.class,
        showDefaultValues = true, sortOptions = false,
        description = "Runs a Lancers server: WebSocket game endpoint, GET /status and the HTTP broadcast on one TCP port, "
                + "LAN discovery on a UDP port.")
public final class ServerMain implements Callable<Integer> {
    private static final String LOG_MANAGER = "java.util.logging.manager";

    static {
        // Both must be set before logging starts. One line per log event (the JDK's default takes
        // two); a log manager that keeps logging until the shutdown hook below is done.
        LogFormat.oneLineText();
        if (System.getProperty(LOG_MANAGER) == null) {
            System.setProperty(LOG_MANAGER, ServerLogManager.class.getName());
        }
    }

    private static final Logger LOG = Logger.getLogger(ServerMain.class.getName());
    private static final ServerConfig DEFAULTS = ServerConfig.defaults();
    /** Where the key store's password comes from when no password file is given. */
    static final String TLS_PASSWORD_ENV = "LANCERS_TLS_PASSWORD";
    /** Where the server's password comes from when no password file is given; unset: no password. */
    static final String PASSWORD_ENV = "LANCERS_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Interface to listen on (TCP and UDP).")
    String bindAddress = DEFAULTS.bindAddress();

    @Option(names = "--port", paramLabel = "PORT",
            description = "TCP port for the game and /status; 0 picks a free port.")
    int port = DEFAULTS.port();

    @Option(names = "--name", paramLabel = "TEXT", description = "Server name shown in lists.")
    String serverName = DEFAULTS.serverName();

    @Option(names = "--tick-rate", paramLabel = "HZ", description = "Simulation steps per second (10-128).")
    int tickRate = DEFAULTS.tickRate();

    @Option(names = "--matches", paramLabel = "N", description = "Number of rooms.")
    int matches = DEFAULTS.matches();

    @Option(names = "--map", paramLabel = "ID",
            description = "Map every room plays; without it rooms rotate through the built-in maps, "
                    + "players voting on the next one between matches.")
    String mapId = DEFAULTS.mapId();

    @Option(names = "--bots", paramLabel = "N",
            description = "Bots keep each room at N participants; each human takes a bot's place.")
    int bots = DEFAULTS.bots();

    @Option(names = "--bot-skill", paramLabel = "0..1",
            description = "How well bots aim, react and keep their trigger finger in check: 0 clumsy, 1 sharp.")
    float botSkill = DEFAULTS.botSkill();

    @Option(names = "--max-players", paramLabel = "N", description = "Participants (humans and bots) per room.")
    int maxPlayers = DEFAULTS.maxPlayers();

    @Option(names = "--max-spectators", paramLabel = "N",
            description = "Spectators per room; more are refused (error match_full).")
    int maxSpectators = DEFAULTS.maxSpectators();

    @Option(names = "--spectator-delay", paramLabel = "S",
            description = "Live spectators see the match this many seconds late, chat and notices included "
                    + "(0-" + MatchSettings.MAX_SPECTATOR_DELAY_SECONDS + "; 0: live). Players are never delayed.")
    long spectatorDelaySeconds = DEFAULTS.spectatorDelay().toSeconds();

    @Option(names = "--match-minutes", paramLabel = "MIN", description = "Length of a match.")
    int matchMinutes = DEFAULTS.matchMinutes();

    @Option(names = "--kill-limit", paramLabel = "N", description = "Kills that end a match early; 0 for none.")
    int killLimit = DEFAULTS.killLimit();

    @Option(names = "--heartbeat-ms", paramLabel = "MS", description = "Heartbeat interval.")
    long heartbeatMs = DEFAULTS.heartbeatInterval().toMillis();

    @Option(names = "--heartbeat-misses", paramLabel = "N",
            description = "Intervals of silence after which a connection is closed (4000).")
    int heartbeatMisses = DEFAULTS.heartbeatMisses();

    @Option(names = "--resume-grace-seconds", paramLabel = "S",
            description = "How long a disconnected player keeps its place for a resume.")
    long resumeGraceSeconds = DEFAULTS.resumeGrace().toSeconds();

    @Option(names = "--hello-timeout-seconds", paramLabel = "S",
            description = "How long a new connection may take to say hello (else 4001).")
    long helloTimeoutSeconds = DEFAULTS.helloTimeout().toSeconds();

    // Picocli's recipe for a negatable flag that is on by default (ServerConfig.defaults() agrees).
    @Option(names = "--discovery", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Answer LAN discovery probes (default: on).")
    boolean discovery;

    @Option(names = "--discovery-port", paramLabel = "PORT", description = "UDP port for LAN discovery.")
    int discoveryPort = DEFAULTS.discoveryPort();

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Browser origin to accept besides this server's own host (repeatable; * for any).")
    List<String> allowedOrigins = new ArrayList<>(DEFAULTS.allowedOrigins());

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            description = "Open WebSocket connections one remote address may hold; more are closed (1008).")
    int maxConnectionsPerAddress = DEFAULTS.maxConnectionsPerAddress();

    @Option(names = "--handshake-timeout-seconds", paramLabel = "S",
            description = "How long a TCP connection may take to become a WebSocket before it is closed.")
    long handshakeTimeoutSeconds = DEFAULTS.handshakeTimeout().toSeconds();

    @Option(names = "--socket-send-buffer", paramLabel = "BYTES",
            description = "Kernel send buffer per client connection (0: OS default). Small bounds kernel memory per "
                    + "client and makes slow readers visible sooner, so they are dropped (4003) sooner.")
    int socketSendBufferBytes = DEFAULTS.socketSendBufferBytes();

    @Option(names = "--max-unlag-ms", paramLabel = "MS",
            description = "Lag compensation cap: shots of lancers.v3 clients are judged against where the targets were "
                    + "on the shooter's screen, up to this far back (0: off). The price: a victim can be hit up to "
                    + "this long after reaching cover.")
    int maxUnlagMs = DEFAULTS.maxUnlagMillis();

    @Option(names = "--tls-keystore", paramLabel = "PATH",
            description = "Key store (PKCS12 or JKS) with the server's key and certificate: serve wss:// and https://.")
    Path tlsKeyStore;

    @Option(names = "--tls-password-file", paramLabel = "PATH",
            description = "File whose first line is the key store's password (else env " + TLS_PASSWORD_ENV + ").")
    Path tlsPasswordFile;

    @Option(names = "--password-file", paramLabel = "PATH",
            description = "File whose first line is the password every client must give (else env " + PASSWORD_ENV
                    + "; none: open to all). Never logged nor shown. Not a substitute for TLS: see docs/SECURITY.md.")
    Path passwordFile;

    @Option(names = "--admin-token-file", paramLabel = "PATH",
            description = "File whose first line (16+ characters) is the host token: the connection whose hello "
                    + "carries it may kick players, pick the next map and end a match.")
    Path adminTokenFile;

    @Option(names = "--log-format", paramLabel = "FORMAT", converter = LogFormatName.class, defaultValue = "text",
            description = "Log to stderr as text (one line per record) or json (one object per line: "
                    + "time, level, logger, message, thrown).")
    LogFormat logFormat;

    @Option(names = "--broadcast", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serve the delayed HTTP broadcast GET /broadcast/... on the game port (default: on).")
    boolean broadcast;

    @Option(names = "--broadcast-delay-seconds", paramLabel = "S",
            description = "The broadcast shows nothing newer than this many seconds ago (0-3600).")
    long broadcastDelaySeconds = DEFAULTS.broadcast().delay().toSeconds();

    @Option(names = "--fragment-seconds", paramLabel = "S",
            description = "Play time per broadcast and replay fragment (1-60).")
    long fragmentSeconds = DEFAULTS.broadcast().fragmentLength().toSeconds();

    @Option(names = "--broadcast-retention-seconds", paramLabel = "S",
            description = "How long a broadcast fragment stays servable (then 410).")
    long broadcastRetentionSeconds = DEFAULTS.broadcast().retention().toSeconds();

    @Option(names = "--record", paramLabel = "DIR",
            description = "Write every match, round by round, to a replay file in DIR (created if missing).")
    Path recordDir;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new ServerMain()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs until the JVM is asked to stop; the shutdown hook says 1001 to every client. */
    @Override
    public Integer call() throws IOException, InterruptedException {
        logFormat.install();
        // The hook is in place before the ready line: whoever acts on that line may stop us at once.
        start(System.out, server -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            ServerLogManager.serverClosed();
        }, "lancers-shutdown")));
        new CountDownLatch(1).await();
        return 0;
    }

    /** Starts the server these flags describe and prints the one ready line to {@code out}. */
    GameServer start(PrintStream out) throws IOException {
        return start(out, server -> { });
    }

    /** As {@link #start(PrintStream)}, running {@code beforeReady} on the started server before the ready line. */
    private GameServer start(PrintStream out, Consumer<GameServer> beforeReady) throws IOException {
        ServerConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
        }
        GameServer server;
        try {
            server = GameServer.start(config);
        } catch (BindException taken) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot listen on " + config.bindAddress()
                    + " port " + config.port() + " (TCP) or " + config.discoveryPort() + " (UDP): " + taken.getMessage()
                    + ". Is another server running? Try --port / --discovery-port.", taken);
        }
        beforeReady.accept(server);
        LOG.info(() -> "server " + server.config().serverName() + " ready");
        out.println("listening " + server.uri());
        out.flush();
        return server;
    }

    ServerConfig config() {
        return DEFAULTS.withBindAddress(bindAddress).withPort(port).withServerName(serverName)
                .withTickRate(tickRate).withMatches(matches).withMapId(mapId).withBots(bots)
                .withBotSkill(botSkill).withMaxPlayers(maxPlayers).withMaxSpectators(maxSpectators)
                .withSpectatorDelay(Duration.ofSeconds(spectatorDelaySeconds))
                .withMatchMinutes(matchMinutes).withKillLimit(killLimit)
                .withHeartbeatInterval(Duration.ofMillis(heartbeatMs)).withHeartbeatMisses(heartbeatMisses)
                .withResumeGrace(Duration.ofSeconds(resumeGraceSeconds))
                .withHelloTimeout(Duration.ofSeconds(helloTimeoutSeconds))
                .withDiscovery(discovery).withDiscoveryPort(discoveryPort).withAllowedOrigins(allowedOrigins)
                .withMaxConnectionsPerAddress(maxConnectionsPerAddress)
                .withHandshakeTimeout(Duration.ofSeconds(handshakeTimeoutSeconds))
                .withSocketSendBufferBytes(socketSendBufferBytes)
                .withMaxUnlagMillis(maxUnlagMs)
                .withTls(tls())
                .withAccess(new Access(password(), firstLine(adminTokenFile, "--admin-token-file")))
                .withBroadcast(DEFAULTS.broadcast().withEnabled(broadcast)
                        .withDelay(Duration.ofSeconds(broadcastDelaySeconds))
                        .withFragmentLength(Duration.ofSeconds(fragmentSeconds))
                        .withRetention(Duration.ofSeconds(broadcastRetentionSeconds))
                        .withRecordDir(recordDirectory()));
    }

    /** The --record directory, created if missing; null without the flag. */
    private Path recordDirectory() {
        if (recordDir == null) {
            return null;
        }
        try {
            return Files.createDirectories(recordDir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create --record directory " + recordDir + ": " + e.getMessage());
        }
    }

    /** The --password-file's first line, else the environment's {@value #PASSWORD_ENV}, else none. */
    private String password() {
        if (passwordFile != null) {
            return firstLine(passwordFile, "--password-file");
        }
        String fromEnv = System.getenv(PASSWORD_ENV);
        return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }

    /** A secret's file: its first line; null without the flag. */
    private static String firstLine(Path file, String flag) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + flag + " " + file + ": " + e.getMessage());
        }
    }

    /** The key store and its password (file first, then the environment), or null without --tls-keystore. */
    private TlsKeyStore tls() {
        if (tlsKeyStore == null) {
            if (tlsPasswordFile != null) {
                throw new IllegalArgumentException("--tls-password-file needs --tls-keystore");
            }
            return null;
        }
        String password;
        if (tlsPasswordFile != null) {
            password = firstLine(tlsPasswordFile, "--tls-password-file");
        } else {
            password = System.getenv(TLS_PASSWORD_ENV);
            if (password == null) {
                throw new IllegalArgumentException("--tls-keystore needs --tls-password-file or " + TLS_PASSWORD_ENV);
            }
        }
        return new TlsKeyStore(tlsKeyStore, password);
    }

    /** {@code text} / {@code json}, as people type them. */
    static final class LogFormatName implements CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            return LogFormat.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return ReleaseVersion.describe("Lancers server");
        }
    }
}
