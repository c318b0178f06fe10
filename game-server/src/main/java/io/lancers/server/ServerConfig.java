package io.lancers.server;

import io.lancers.map.MapLoader;
import io.lancers.protocol.Discovery;
import io.lancers.server.broadcast.BroadcastSettings;
import io.lancers.server.match.MatchSettings;
import io.lancers.server.net.Access;
import io.lancers.server.net.ConnectionSettings;
import io.lancers.server.net.TlsKeyStore;
import io.lancers.sim.MatchConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a server can be told, with the defaults of the jar. Immutable; change a copy with the
 * {@code with…} methods ({@code ServerConfig.defaults().withPort(0).withBots(3)}).
 *
 * @param bindAddress       interface to listen on (TCP and discovery UDP); 0.0.0.0 for all
 * @param port              TCP port for WebSocket and {@code /status}; 0 picks a free one
 * @param serverName        shown in server lists and discovery replies
 * @param tickRate          simulation steps per second, 10–128
 * @param matches           number of rooms
 * @param mapId             every room plays this map; null: rooms rotate through the built-in maps
 * @param bots              bot fill: bots keep each room at this many participants (humans take their places)
 * @param botSkill          0 (clumsy) .. 1 (sharp): aim, reaction and trigger discipline of every bot
 * @param maxPlayers        participants (humans and bots) per room
 * @param maxSpectators     spectators per room; more are refused with {@code error match_full}
 * @param heartbeatInterval how often each side sends a heartbeat
 * @param heartbeatMisses   intervals without any frame before a connection counts as dead
 * @param resumeGrace       how long a lost player waits for its resume
 * @param helloTimeout      how long a new connection may take to say hello
 * @param discovery         answer LAN discovery probes
 * @param discoveryPort     UDP port for discovery; 0 picks a free one
 * @param allowedOrigins    browser origins accepted besides the server's own host; "*" for any
 * @param matchMinutes      length of a match
 * @param killLimit         kills that end a match early; 0 for none
 * @param maxConnectionsPerAddress open WebSocket connections one remote address may hold
 * @param handshakeTimeout  how long a TCP connection may take to become a WebSocket
 * @param tls               key store for {@code wss://}; null for plain {@code ws://}
 * @param socketSendBufferBytes kernel send buffer (SO_SNDBUF) of each accepted connection; 0 for the OS
 *                          default. Small bounds kernel memory per client and shows a slow reader sooner
 * @param broadcast         the delayed HTTP broadcast and the recording of matches (docs/BROADCAST.md)
 * @param maxUnlagMillis    lag compensation cap: a shot is rewound by at most this much of its shooter's
 *                          lag (0: no compensation); the victim may be hit up to this long after reaching cover
 * @param spectatorDelay    live WebSocket spectators see the match (frames, chat, notices) this late; zero: live.
 *                          Players are never delayed. The HTTP broadcast has its own delay ({@link BroadcastSettings})
 * @param access            the password every hello must carry (null: none) and the host's token (docs/SECURITY.md)
 */
public record ServerConfig(String bindAddress, int port, String serverName, int tickRate, int matches, String mapId,
                           int bots, float botSkill, int maxPlayers, int maxSpectators, Duration heartbeatInterval, int heartbeatMisses,
                           Duration resumeGrace, Duration helloTimeout, boolean discovery, int discoveryPort,
                           List<String> allowedOrigins, int matchMinutes, int killLimit,
                           int maxConnectionsPerAddress, Duration handshakeTimeout, TlsKeyStore tls,
                           int socketSendBufferBytes, BroadcastSettings broadcast, int maxUnlagMillis,
                           Duration spectatorDelay, Access access) {

    /** Ranges a form can offer (the client's Host screen); the constructor enforces them. */
    public static final int MAX_BOTS = 64;
    public static final int MAX_MATCH_MINUTES = 24 * 60;
    public static final int MAX_KILL_LIMIT = 10_000;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(serverName, "serverName");
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(access, "access");
        requireRange("port", port, 0, 65535);
        requireRange("discoveryPort", discoveryPort, 0, 65535);
        requireRange("tickRate", tickRate, MatchSettings.MIN_TICK_RATE, MatchSettings.MAX_TICK_RATE);
        requireRange("matches", matches, 1, 64);
        requireRange("bots", bots, 0, MAX_BOTS);
        if (!(botSkill >= 0 && botSkill <= 1)) {
            throw new IllegalArgumentException("botSkill must be 0–1, was " + botSkill);
        }
        requireRange("maxPlayers", maxPlayers, 1, MatchSettings.MAX_PLAYERS);
        requireRange("maxSpectators", maxSpectators, 0, 100_000);
        requireRange("heartbeatMisses", heartbeatMisses, 2, 100);
        requireRange("matchMinutes", matchMinutes, 1, MAX_MATCH_MINUTES);
        requireRange("killLimit", killLimit, 0, MAX_KILL_LIMIT);
        requireRange("maxConnectionsPerAddress", maxConnectionsPerAddress, 1, 100_000);
        requireRange("socketSendBufferBytes", socketSendBufferBytes, 0, 64 * 1024 * 1024);
        requireRange("maxUnlagMillis", maxUnlagMillis, 0, MatchSettings.MAX_UNLAG_MILLIS);
        requirePositive("heartbeatInterval", heartbeatInterval);
        requirePositive("resumeGrace", resumeGrace);
        requirePositive("helloTimeout", helloTimeout);
        requirePositive("handshakeTimeout", handshakeTimeout);
        if (spectatorDelay == null || spectatorDelay.isNegative()
                || spectatorDelay.compareTo(Duration.ofSeconds(MatchSettings.MAX_SPECTATOR_DELAY_SECONDS)) > 0) {
            throw new IllegalArgumentException("spectatorDelay must be 0–" + MatchSettings.MAX_SPECTATOR_DELAY_SECONDS
                    + " s, was " + spectatorDelay);
        }
        if (serverName.isBlank()) {
            throw new IllegalArgumentException("serverName must not be blank");
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8025, defaultServerName(), 60, 2, null, 3, MatchSettings.DEFAULT_BOT_SKILL, 16,
                MatchSettings.DEFAULT_MAX_SPECTATORS,
                Duration.ofSeconds(1), 3, Duration.ofSeconds(30), Duration.ofSeconds(5), true,
                Discovery.DEFAULT_PORT, List.of(), 5, 20, 16,
                Duration.ofMillis(ConnectionSettings.DEFAULT_HANDSHAKE_TIMEOUT_MS), null, 0, BroadcastSettings.defaults(),
                MatchSettings.DEFAULT_MAX_UNLAG_MILLIS, Duration.ZERO, Access.OPEN);
    }

    /**
     * One room per {@link #matches}, ids {@code m1, m2, …}; the map is {@link #mapId}, or else the
     * built-in maps in turn, each room starting on the next one and rotating through all of them. {@link #bots} is the bot fill: bots keep each room at that many
     * participants, each human taking a bot's place.
     */
    public List<MatchSettings> matchSettings() {
        List<String> maps = mapId != null ? List.of(mapId) : MapLoader.builtInIds();
        List<MatchSettings> rooms = new ArrayList<>();
        for (int i = 0; i < matches; i++) {
            MatchSettings room = MatchSettings.defaults("m" + (i + 1), maps.get(i % maps.size()));
            MatchConfig rules = room.rules();
            rooms.add(new MatchSettings(room.id(), room.mapId(),
                    new MatchConfig(tickRate, matchMinutes * 60, killLimit, rules.intermissionSeconds(),
                            rules.respawnSeconds()),
                    maxPlayers, bots, botSkill, room.seed(), maxSpectators,
                    resumeGrace.toMillis() / 1000.0, room.maxNameLength(), room.chat(), room.inputs().withMaxUnlagMillis(maxUnlagMillis),
                    room.slowConsumer(), room.commandQueue(), spectatorDelay.toMillis() / 1000.0,
                    rotationFrom(maps, i % maps.size())));
        }
        return List.copyOf(rooms);
    }

    /** The maps from {@code start} on, wrapping around. */
    private static List<String> rotationFrom(List<String> maps, int start) {
        List<String> rotation = new ArrayList<>(maps.subList(start, maps.size()));
        rotation.addAll(maps.subList(0, start));
        return rotation;
    }

    /** Silence for this long closes a connection (4000). */
    public Duration heartbeatTimeout() {
        return heartbeatInterval.multipliedBy(heartbeatMisses);
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

    private static void requireRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + "–" + max + ", was " + value);
        }
    }

    private static void requirePositive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }

    public ServerConfig withBindAddress(String bindAddress) {
        return with(draft -> draft.bindAddress = bindAddress);
    }

    public ServerConfig withPort(int port) {
        return with(draft -> draft.port = port);
    }

    public ServerConfig withServerName(String serverName) {
        return with(draft -> draft.serverName = serverName);
    }

    public ServerConfig withTickRate(int tickRate) {
        return with(draft -> draft.tickRate = tickRate);
    }

    public ServerConfig withMatches(int matches) {
        return with(draft -> draft.matches = matches);
    }

    public ServerConfig withMapId(String mapId) {
        return with(draft -> draft.mapId = mapId);
    }

    public ServerConfig withBots(int bots) {
        return with(draft -> draft.bots = bots);
    }

    public ServerConfig withBotSkill(float botSkill) {
        return with(draft -> draft.botSkill = botSkill);
    }

    public ServerConfig withMaxPlayers(int maxPlayers) {
        return with(draft -> draft.maxPlayers = maxPlayers);
    }

    public ServerConfig withMaxSpectators(int maxSpectators) {
        return with(draft -> draft.maxSpectators = maxSpectators);
    }

    public ServerConfig withHeartbeatInterval(Duration heartbeatInterval) {
        return with(draft -> draft.heartbeatInterval = heartbeatInterval);
    }

    public ServerConfig withHeartbeatMisses(int heartbeatMisses) {
        return with(draft -> draft.heartbeatMisses = heartbeatMisses);
    }

    public ServerConfig withResumeGrace(Duration resumeGrace) {
        return with(draft -> draft.resumeGrace = resumeGrace);
    }

    public ServerConfig withHelloTimeout(Duration helloTimeout) {
        return with(draft -> draft.helloTimeout = helloTimeout);
    }

    public ServerConfig withDiscovery(boolean discovery) {
        return with(draft -> draft.discovery = discovery);
    }

    public ServerConfig withDiscoveryPort(int discoveryPort) {
        return with(draft -> draft.discoveryPort = discoveryPort);
    }

    public ServerConfig withAllowedOrigins(List<String> allowedOrigins) {
        return with(draft -> draft.allowedOrigins = allowedOrigins);
    }

    public ServerConfig withMatchMinutes(int matchMinutes) {
        return with(draft -> draft.matchMinutes = matchMinutes);
    }

    public ServerConfig withKillLimit(int killLimit) {
        return with(draft -> draft.killLimit = killLimit);
    }

    public ServerConfig withMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
        return with(draft -> draft.maxConnectionsPerAddress = maxConnectionsPerAddress);
    }

    public ServerConfig withHandshakeTimeout(Duration handshakeTimeout) {
        return with(draft -> draft.handshakeTimeout = handshakeTimeout);
    }

    /** {@code wss://} with this key store; null for plain {@code ws://}. */
    public ServerConfig withTls(TlsKeyStore tls) {
        return with(draft -> draft.tls = tls);
    }

    /** Kernel send buffer per accepted connection in bytes; 0 leaves the OS default. */
    public ServerConfig withSocketSendBufferBytes(int socketSendBufferBytes) {
        return with(draft -> draft.socketSendBufferBytes = socketSendBufferBytes);
    }

    public ServerConfig withMaxUnlagMillis(int maxUnlagMillis) {
        return with(draft -> draft.maxUnlagMillis = maxUnlagMillis);
    }

    public ServerConfig withSpectatorDelay(Duration spectatorDelay) {
        return with(draft -> draft.spectatorDelay = spectatorDelay);
    }

    /** The password (or none) and the host's token (or none). */
    public ServerConfig withAccess(Access access) {
        return with(draft -> draft.access = access);
    }

    /** Broadcast and recording settings. */
    public ServerConfig withBroadcast(BroadcastSettings broadcast) {
        return with(draft -> draft.broadcast = broadcast);
    }

    private ServerConfig with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A config's fields, mutable: each {@code with…} method changes one in a copy and builds it (validated) again. */
    private static final class Draft {
        String bindAddress;
        int port;
        String serverName;
        int tickRate;
        int matches;
        String mapId;
        int bots;
        float botSkill;
        int maxPlayers;
        int maxSpectators;
        Duration heartbeatInterval;
        int heartbeatMisses;
        Duration resumeGrace;
        Duration helloTimeout;
        boolean discovery;
        int discoveryPort;
        List<String> allowedOrigins;
        int matchMinutes;
        int killLimit;
        int maxConnectionsPerAddress;
        Duration handshakeTimeout;
        TlsKeyStore tls;
        int socketSendBufferBytes;
        int maxUnlagMillis;
        BroadcastSettings broadcast;
        Duration spectatorDelay;
        Access access;

        Draft(ServerConfig config) {
            bindAddress = config.bindAddress;
            port = config.port;
            serverName = config.serverName;
            tickRate = config.tickRate;
            matches = config.matches;
            mapId = config.mapId;
            bots = config.bots;
            botSkill = config.botSkill;
            maxPlayers = config.maxPlayers;
            maxSpectators = config.maxSpectators;
            heartbeatInterval = config.heartbeatInterval;
            heartbeatMisses = config.heartbeatMisses;
            resumeGrace = config.resumeGrace;
            helloTimeout = config.helloTimeout;
            discovery = config.discovery;
            discoveryPort = config.discoveryPort;
            allowedOrigins = config.allowedOrigins;
            matchMinutes = config.matchMinutes;
            killLimit = config.killLimit;
            maxConnectionsPerAddress = config.maxConnectionsPerAddress;
            handshakeTimeout = config.handshakeTimeout;
            tls = config.tls;
            socketSendBufferBytes = config.socketSendBufferBytes;
            maxUnlagMillis = config.maxUnlagMillis;
            broadcast = config.broadcast;
            spectatorDelay = config.spectatorDelay;
            access = config.access;
        }

        ServerConfig build() {
            return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, botSkill, maxPlayers,
                    maxSpectators, heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout,
                    discovery, discoveryPort, allowedOrigins, matchMinutes, killLimit,
                    maxConnectionsPerAddress, handshakeTimeout, tls, socketSendBufferBytes, broadcast, maxUnlagMillis,
                    spectatorDelay, access);
        }
    }
}
