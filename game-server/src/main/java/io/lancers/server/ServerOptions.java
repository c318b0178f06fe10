package io.lancers.server;

import io.lancers.map.MapLoader;
import io.lancers.protocol.Discovery;
import io.lancers.server.broadcast.BroadcastSettings;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.match.TickPriority;
import io.lancers.server.net.Access;
import io.lancers.server.net.ConnectionSettings;
import io.lancers.server.net.SelfSignedTls;
import io.lancers.server.net.TlsKeyStore;
import io.lancers.sim.GameMode;
import io.lancers.sim.MatchConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything a server can be told: each setting is one field here, with its flag, description,
 * default (the field's initial value) and, for numbers, its {@link Range}. picocli binds the
 * dedicated server's flags to these fields ({@link ServerMain} mixes this class in); code that
 * embeds a server sets them directly:
 * {@code ServerOptions.defaults().with(o -> { o.port = 0; o.bots = 3; })}. {@link #validate()}
 * checks every range at once; {@link GameServer#start} validates again and runs on a copy, so a
 * started server never sees later changes. Not thread-safe: one thread builds an options object.
 *
 * <p><b>A settings screen</b> (the client's Host screen) shows the same settings as the flags:
 * {@link #settings()} lists each with its {@link Setting#flag() flag}, {@link Setting#label()
 * label}, {@link Setting#description() description}, {@link Setting#defaultValue() default} and
 * {@link Setting#min() min}/{@link Setting#max() max}; {@link #setting(String)} finds one by flag.
 * A screen builds {@code defaults()}, writes what the user chose (typed: {@code options.bots = 5},
 * or {@link Setting#set}), calls {@link #validate()} and shows the message of the
 * {@link IllegalArgumentException} (it names the flag) or starts the server.
 *
 * <p><b>Adding a setting</b> is one field: {@code @Option} with a flag and a description, a
 * {@code @Range} if it is a number, an initial value; then read it where the server needs it.
 */
public final class ServerOptions implements Cloneable {
    /** Where the key store's password comes from when no password file is given. */
    public static final String TLS_PASSWORD_ENV = "LANCERS_TLS_PASSWORD";
    /** Where the server's password comes from when no password file is given; unset: no password. */
    public static final String PASSWORD_ENV = "LANCERS_PASSWORD";
    public static final int MAX_MATCHES = 64;
    public static final int MAX_BOTS = 64;
    public static final int MAX_MATCH_MINUTES = 24 * 60;
    public static final int MAX_KILL_LIMIT = 10_000;
    public static final int MAX_INTERMISSION_SECONDS = 300;

    /** The bounds of a numeric setting, inclusive; {@link #validate()} checks them, a UI reads them. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Range {
        double min();

        double max() default Double.MAX_VALUE;
    }

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Interface to listen on (TCP and UDP).")
    public String bindAddress = "0.0.0.0";

    @Option(names = "--port", paramLabel = "PORT",
            description = "TCP port for the game and /status; 0 picks a free port.")
    @Range(min = 0, max = 65535)
    public int port = 8025;

    @Option(names = "--name", paramLabel = "TEXT", description = "Server name shown in lists.")
    public String serverName = defaultServerName();

    @Option(names = "--tick-rate", paramLabel = "HZ", description = "Simulation steps per second ("
            + MatchSettings.MIN_TICK_RATE + "-" + MatchSettings.MAX_TICK_RATE + ").")
    @Range(min = MatchSettings.MIN_TICK_RATE, max = MatchSettings.MAX_TICK_RATE)
    public int tickRate = 60;

    @Option(names = "--matches", paramLabel = "N", description = "Number of rooms.")
    @Range(min = 1, max = MAX_MATCHES)
    public int matches = 2;

    @Option(names = "--map", paramLabel = "ID",
            description = "Map every room plays; without it rooms rotate through the built-in maps, "
                    + "players voting on the next one between matches.")
    public String mapId;

    @Option(names = "--bots", paramLabel = "N",
            description = "Bots keep each room at N participants; each human takes a bot's place.")
    @Range(min = 0, max = MAX_BOTS)
    public int bots = 3;

    @Option(names = "--bot-skill", paramLabel = "0..1",
            description = "How well bots aim, react and keep their trigger finger in check: 0 clumsy, 1 sharp.")
    @Range(min = 0, max = 1)
    public float botSkill = MatchSettings.DEFAULT_BOT_SKILL;

    @Option(names = "--max-players", paramLabel = "N", description = "Participants (humans and bots) per room.")
    @Range(min = 1, max = MatchSettings.MAX_PLAYERS)
    public int maxPlayers = 16;

    @Option(names = "--max-spectators", paramLabel = "N",
            description = "Spectators per room; more are refused (error match_full).")
    @Range(min = 0, max = 100_000)
    public int maxSpectators = MatchSettings.DEFAULT_MAX_SPECTATORS;

    @Option(names = "--spectator-delay", paramLabel = "S",
            description = "Live spectators see the match this many seconds late, chat and notices included "
                    + "(0-" + MatchSettings.MAX_SPECTATOR_DELAY_SECONDS + "; 0: live). Players are never delayed.")
    @Range(min = 0, max = MatchSettings.MAX_SPECTATOR_DELAY_SECONDS)
    public long spectatorDelaySeconds = 0;

    @Option(names = "--match-minutes", paramLabel = "MIN", description = "Length of a match.")
    @Range(min = 1, max = MAX_MATCH_MINUTES)
    public int matchMinutes = 5;

    @Option(names = "--kill-limit", paramLabel = "N", description = "Kills that end a match early; 0 for none.")
    @Range(min = 0, max = MAX_KILL_LIMIT)
    public int killLimit = 20;

    @Option(names = "--intermission-seconds", paramLabel = "S",
            description = "Pause between matches: the scoreboard, and the time players have to vote on the next map.")
    @Range(min = 1, max = MAX_INTERMISSION_SECONDS)
    public int intermissionSeconds = MatchConfig.defaults().intermissionSeconds();

    @Option(names = "--mode", paramLabel = "MODE", converter = ModeFlag.class,
            description = "What the rooms play: ffa (free-for-all) or tdm (team deathmatch, two balanced teams;"
                    + " the kill limit is a team's score).")
    public GameMode mode = GameMode.FFA;

    @Option(names = "--friendly-fire", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "In team deathmatch, shots hit teammates too (default: off, they fly through).")
    public boolean friendlyFire = false;

    @Option(names = "--tick-priority", paramLabel = "PRIORITY", converter = TickPriorityFlag.class,
            description = "How each room's tick thread is scheduled on Linux, so that its ticks start on time on a busy"
                    + " machine: realtime (SCHED_FIFO 1, else nice:-10, else normal), nice:N (-20..19, else normal) or"
                    + " normal. Real time needs root, CAP_SYS_NICE or an rtprio limit (ulimit -r), nice below 0 the"
                    + " same or a nice limit (ulimit -e); the server logs what it got.")
    public TickPriority tickPriority = TickPriority.DEFAULT;

    @Option(names = "--heartbeat-ms", paramLabel = "MS", description = "Heartbeat interval.")
    @Range(min = 1)
    public long heartbeatMs = 1000;

    @Option(names = "--heartbeat-misses", paramLabel = "N",
            description = "Intervals of silence after which a connection is closed (4000).")
    @Range(min = 2, max = 100)
    public int heartbeatMisses = 3;

    @Option(names = "--resume-grace-seconds", paramLabel = "S",
            description = "How long a disconnected player keeps its place for a resume.")
    @Range(min = 1)
    public long resumeGraceSeconds = 30;

    @Option(names = "--hello-timeout-seconds", paramLabel = "S",
            description = "How long a new connection may take to say hello (else 4001).")
    @Range(min = 1)
    public long helloTimeoutSeconds = 5;

    // picocli's recipe for a negatable flag that is on by default: "--discovery" keeps it on.
    @Option(names = "--discovery", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Answer LAN discovery probes (default: on).")
    public boolean discovery = true;

    @Option(names = "--discovery-port", paramLabel = "PORT", description = "UDP port for LAN discovery.")
    @Range(min = 0, max = 65535)
    public int discoveryPort = Discovery.DEFAULT_PORT;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Browser origin to accept besides this server's own host (repeatable; * for any).")
    public List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            description = "Open WebSocket connections one remote address may hold; more are closed (1008).")
    @Range(min = 1, max = 100_000)
    public int maxConnectionsPerAddress = 16;

    @Option(names = "--handshake-timeout-seconds", paramLabel = "S",
            description = "How long a TCP connection may take to become a WebSocket before it is closed.")
    @Range(min = 1)
    public long handshakeTimeoutSeconds = ConnectionSettings.DEFAULT_HANDSHAKE_TIMEOUT_MS / 1000;

    @Option(names = "--socket-send-buffer", paramLabel = "BYTES",
            description = "Kernel send buffer per client connection (0: OS default). Small bounds kernel memory per "
                    + "client and makes slow readers visible sooner, so they are dropped (4003) sooner.")
    @Range(min = 0, max = 64 * 1024 * 1024)
    public int socketSendBufferBytes = 0;

    @Option(names = "--max-unlag-ms", paramLabel = "MS",
            description = "Lag compensation cap on the shooter's round trip: shots are judged "
                    + "against where the targets were on the shooter's screen, rewound by at most this plus 100 ms "
                    + "for the shooter's interpolation delay (0: off). The price: a victim can be hit up to that "
                    + "long after reaching cover.")
    @Range(min = 0, max = MatchSettings.MAX_UNLAG_MILLIS)
    public int maxUnlagMs = MatchSettings.DEFAULT_MAX_UNLAG_MILLIS;

    @Option(names = "--tls-keystore", paramLabel = "PATH",
            description = "Key store (PKCS12 or JKS) with the server's key and certificate: serve wss:// and https://.")
    public Path tlsKeyStore;

    @Option(names = "--tls-password-file", paramLabel = "PATH",
            description = "File whose first line is the key store's password (else env " + TLS_PASSWORD_ENV + ").")
    public Path tlsPasswordFile;

    @Option(names = "--tls-self-signed",
            description = "Serve wss:// and https:// with a self-signed certificate for this host, made on the first run "
                    + "and kept in --data-dir; its SHA-256 fingerprint is printed at start for players to compare.")
    public boolean tlsSelfSigned;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the server keeps what it must remember between runs (the self-signed certificate).")
    public Path dataDir = SelfSignedTls.defaultDirectory();

    @Option(names = "--password-file", paramLabel = "PATH",
            description = "File whose first line is the password every client must give (else env " + PASSWORD_ENV
                    + "; none: open to all). Never logged nor shown. Not a substitute for TLS: see docs/SECURITY.md.")
    public Path passwordFile;

    @Option(names = "--admin-token-file", paramLabel = "PATH",
            description = "File whose first line (16+ characters) is the host token: the connection whose hello "
                    + "carries it may kick players, pick the next map and end a match.")
    public Path adminTokenFile;

    /**
     * The password itself, for embedders (the client's Host screen, tests); ahead of --password-file
     * and the environment. Not a flag: a command line shows in {@code ps}.
     */
    public String password;

    /** The host token itself, for embedders; ahead of --admin-token-file. Not a flag, as {@link #password}. */
    public String hostToken;

    // The same recipe as --discovery.
    @Option(names = "--broadcast", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serve the delayed HTTP broadcast GET /broadcast/... on the game port (default: on).")
    public boolean broadcast = true;

    @Option(names = "--broadcast-delay-seconds", paramLabel = "S",
            description = "The broadcast shows nothing newer than this many seconds ago (0-"
                    + BroadcastSettings.MAX_DELAY_SECONDS + ").")
    @Range(min = 0, max = BroadcastSettings.MAX_DELAY_SECONDS)
    public long broadcastDelaySeconds = BroadcastSettings.DEFAULT_DELAY_SECONDS;

    @Option(names = "--fragment-seconds", paramLabel = "S",
            description = "Play time per broadcast and replay fragment (" + BroadcastSettings.MIN_FRAGMENT_SECONDS + "-"
                    + BroadcastSettings.MAX_FRAGMENT_SECONDS + ").")
    @Range(min = BroadcastSettings.MIN_FRAGMENT_SECONDS, max = BroadcastSettings.MAX_FRAGMENT_SECONDS)
    public long fragmentSeconds = BroadcastSettings.DEFAULT_FRAGMENT_SECONDS;

    @Option(names = "--broadcast-retention-seconds", paramLabel = "S",
            description = "How long a broadcast fragment stays servable (then 410).")
    @Range(min = 1, max = BroadcastSettings.MAX_RETENTION_SECONDS)
    public long broadcastRetentionSeconds = BroadcastSettings.DEFAULT_RETENTION_SECONDS;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Write every match, round by round, to a replay file in DIR (created if missing).")
    public Path recordDir;

    /** The jar's defaults, as {@code game-server} without flags runs. */
    public static ServerOptions defaults() {
        return new ServerOptions();
    }

    /** A validated copy with {@code change} applied; this one stays as it was. */
    public ServerOptions with(Consumer<ServerOptions> change) {
        ServerOptions copy = copy();
        change.accept(copy);
        return copy.validate();
    }

    /**
     * A copy for a server of this machine only: {@code 127.0.0.1}, any free port, no LAN discovery
     * (the client's Play, tests, benches).
     */
    public ServerOptions onLoopback() {
        return with(o -> {
            o.bindAddress = "127.0.0.1";
            o.port = 0;
            o.discovery = false;
        });
    }

    /** An independent copy (the origin list too). */
    public ServerOptions copy() {
        try {
            ServerOptions copy = (ServerOptions) super.clone();
            copy.allowedOrigins = new ArrayList<>(allowedOrigins);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Checks every setting; the message of the exception names the flag, e.g.
     * {@code --tick-rate must be 10–128, was 500}.
     *
     * @return this
     */
    public ServerOptions validate() {
        for (Setting setting : settings()) {
            setting.check(setting.get(this));
        }
        if (serverName == null || serverName.isBlank()) {
            throw new IllegalArgumentException("--name must not be blank");
        }
        new Access(password, hostToken); // an empty password or a short host token set here is refused now
        if (tlsPasswordFile != null && tlsKeyStore == null) {
            throw new IllegalArgumentException("--tls-password-file needs --tls-keystore");
        }
        if (tlsSelfSigned && tlsKeyStore != null) {
            throw new IllegalArgumentException("--tls-self-signed goes without --tls-keystore and --tls-password-file");
        }
        return this;
    }

    // ------------------------------------------------------------------ what the server runs on

    /**
     * One room per {@link #matches}, ids {@code m1, m2, …}; the map is {@link #mapId} or the
     * built-in maps in turn. {@link #bots} is the bot fill: bots keep each room at that many
     * participants, each human taking a bot's place.
     */
    public List<MatchSettings> matchSettings() {
        List<String> maps = mapId != null ? List.of(mapId) : MapLoader.builtInIds();
        List<MatchSettings> rooms = new ArrayList<>();
        for (int i = 0; i < matches; i++) {
            MatchSettings room = MatchSettings.defaults("m" + (i + 1), maps.get(i % maps.size()));
            MatchConfig rules = room.rules();
            rooms.add(new MatchSettings(room.id(), room.mapId(),
                    new MatchConfig(tickRate, matchMinutes * 60, killLimit, intermissionSeconds,
                            rules.respawnSeconds(), mode, friendlyFire),
                    maxPlayers, bots, botSkill, room.seed(), maxSpectators, resumeGraceSeconds, room.maxNameLength(),
                    room.chat(), room.inputs().withMaxUnlagMillis(maxUnlagMs), room.slowConsumer(),
                    room.commandQueue(), spectatorDelaySeconds, rotationFrom(maps, i % maps.size())));
        }
        return List.copyOf(rooms);
    }

    /** The maps from {@code start} on, wrapping around. */
    private static List<String> rotationFrom(List<String> maps, int start) {
        List<String> rotation = new ArrayList<>(maps.subList(start, maps.size()));
        rotation.addAll(maps.subList(0, start));
        return rotation;
    }

    /**
     * The password (set here, else --password-file's first line, else env {@value #PASSWORD_ENV},
     * else none) and the host token (set here, else --admin-token-file's first line, else none).
     */
    public Access access() {
        String pass = password != null ? password : passwordFile != null
                ? firstLine(passwordFile, "--password-file") : emptyAsNull(System.getenv(PASSWORD_ENV));
        String token = hostToken != null ? hostToken : firstLine(adminTokenFile, "--admin-token-file");
        return new Access(pass, token);
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A secret's file: its first line; null without the flag. */
    private static String firstLine(Path file, String flag) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + flag + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** The broadcast and recording; creates the {@link #recordDir} if missing. */
    public BroadcastSettings broadcastSettings() {
        Path records = null;
        if (recordDir != null) {
            try {
                records = Files.createDirectories(recordDir);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create --record directory " + recordDir + ": "
                        + e.getMessage(), e);
            }
        }
        return new BroadcastSettings(broadcast, Duration.ofSeconds(broadcastDelaySeconds),
                Duration.ofSeconds(fragmentSeconds), Duration.ofSeconds(broadcastRetentionSeconds), records);
    }

    /**
     * The key store and its password (file first, then the environment); with --tls-self-signed the
     * one in --data-dir, made if missing; null without either.
     */
    public TlsKeyStore tls() {
        if (tlsSelfSigned) {
            try {
                return SelfSignedTls.ensure(dataDir);
            } catch (IOException e) {
                throw new IllegalArgumentException("--tls-self-signed: " + e.getMessage(), e);
            }
        }
        if (tlsKeyStore == null) {
            return null;
        }
        String storePassword = tlsPasswordFile != null
                ? firstLine(tlsPasswordFile, "--tls-password-file") : System.getenv(TLS_PASSWORD_ENV);
        if (storePassword == null) {
            throw new IllegalArgumentException("--tls-keystore needs --tls-password-file or " + TLS_PASSWORD_ENV);
        }
        return new TlsKeyStore(tlsKeyStore, storePassword);
    }

    public Duration heartbeatInterval() {
        return Duration.ofMillis(heartbeatMs);
    }

    /** Silence for this long closes a connection (4000). */
    public Duration heartbeatTimeout() {
        return heartbeatInterval().multipliedBy(heartbeatMisses);
    }

    // ------------------------------------------------------------------ the settings as a UI sees them

    /** Every setting, in the order of {@code --help}. */
    public static List<Setting> settings() {
        return SETTINGS;
    }

    /** The setting of this flag ({@code "--bots"}), if there is one. */
    public static Optional<Setting> setting(String flag) {
        return SETTINGS.stream().filter(s -> s.flag().equals(flag)).findFirst();
    }

    private static final List<Setting> SETTINGS = describe();

    private static List<Setting> describe() {
        ServerOptions defaults = new ServerOptions();
        List<Setting> settings = new ArrayList<>();
        for (Field field : ServerOptions.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String flag = Arrays.stream(option.names()).max((a, b) -> a.length() - b.length()).orElseThrow();
            Range range = field.getAnnotation(Range.class);
            settings.add(new Setting(flag, option.paramLabel(), String.join(" ", option.description()),
                    field.getType(), read(field, defaults) instanceof List<?> list ? List.copyOf(list) : read(field, defaults),
                    range == null ? Double.NaN : range.min(), range == null ? Double.NaN : range.max(), field));
        }
        return List.copyOf(settings);
    }

    private static Object read(Field field, ServerOptions options) {
        try {
            return field.get(options);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * One setting: the flag that sets it on the command line, its parameter label ({@code "N"},
     * {@code "S"}, {@code "0..1"}; empty for on/off flags), what it means, its type ({@code int.class},
     * {@code boolean.class}, {@code String.class}, {@code Path.class} …), the default, and for numbers the
     * inclusive bounds ({@code NaN} for other types; {@link Double#MAX_VALUE} when only the minimum is bounded).
     */
    public record Setting(String flag, String label, String description, Class<?> type, Object defaultValue,
                          double min, double max, Field field) {

        public Object get(ServerOptions options) {
            return read(field, options);
        }

        /** Sets the value (boxed for primitive types); check it with {@link ServerOptions#validate()}. */
        public void set(ServerOptions options, Object value) {
            try {
                field.set(options, value);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }

        public boolean bounded() {
            return !Double.isNaN(min);
        }

        private void check(Object value) {
            if (!bounded()) {
                return;
            }
            double number = ((Number) value).doubleValue();
            if (!(number >= min && number <= max)) { // NaN too
                String bounds = max == Double.MAX_VALUE ? "at least " + plain(min) : plain(min) + "–" + plain(max);
                throw new IllegalArgumentException(flag + " must be " + bounds + ", was " + value);
            }
        }

        private static String plain(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** {@code --tick-priority}'s value: {@code realtime}, {@code nice:N} or {@code normal}. */
    static final class TickPriorityFlag implements CommandLine.ITypeConverter<TickPriority> {
        @Override
        public TickPriority convert(String value) {
            return TickPriority.parse(value);
        }
    }

    /** {@code --mode}'s value by its wire name, as the match list shows it: {@code ffa} or {@code tdm}. */
    static final class ModeFlag implements CommandLine.ITypeConverter<GameMode> {
        @Override
        public GameMode convert(String value) {
            return GameMode.ofWire(value);
        }
    }

    private static String defaultServerName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "somebody";
            }
        }
        int dot = host.indexOf('.');
        return (dot > 0 ? host.substring(0, dot) : host) + "'s Lancers";
    }
}
