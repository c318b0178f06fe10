package io.lancers.server;

import io.lancers.protocol.Discovery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
 * @param bots              bots per room
 * @param maxPlayers        human players per room
 * @param heartbeatInterval how often each side sends a heartbeat
 * @param heartbeatMisses   intervals without any frame before a connection counts as dead
 * @param resumeGrace       how long a lost player waits for its resume
 * @param helloTimeout      how long a new connection may take to say hello
 * @param discovery         answer LAN discovery probes
 * @param discoveryPort     UDP port for discovery; 0 picks a free one
 * @param allowedOrigins    browser origins accepted besides the server's own host; "*" for any
 * @param matchMinutes      length of a match
 * @param killLimit         kills that end a match early; 0 for none
 */
public record ServerConfig(String bindAddress, int port, String serverName, int tickRate, int matches, String mapId,
                           int bots, int maxPlayers, Duration heartbeatInterval, int heartbeatMisses,
                           Duration resumeGrace, Duration helloTimeout, boolean discovery, int discoveryPort,
                           List<String> allowedOrigins, int matchMinutes, int killLimit) {

    public static final int MIN_TICK_RATE = 10;
    public static final int MAX_TICK_RATE = 128;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(serverName, "serverName");
        allowedOrigins = List.copyOf(allowedOrigins);
        requireRange("port", port, 0, 65535);
        requireRange("discoveryPort", discoveryPort, 0, 65535);
        requireRange("tickRate", tickRate, MIN_TICK_RATE, MAX_TICK_RATE);
        requireRange("matches", matches, 1, 64);
        requireRange("bots", bots, 0, 64);
        requireRange("maxPlayers", maxPlayers, 1, 64);
        requireRange("heartbeatMisses", heartbeatMisses, 2, 100);
        requireRange("matchMinutes", matchMinutes, 1, 24 * 60);
        requireRange("killLimit", killLimit, 0, 10_000);
        requirePositive("heartbeatInterval", heartbeatInterval);
        requirePositive("resumeGrace", resumeGrace);
        requirePositive("helloTimeout", helloTimeout);
        if (serverName.isBlank()) {
            throw new IllegalArgumentException("serverName must not be blank");
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8025, defaultServerName(), 60, 2, null, 3, 16,
                Duration.ofSeconds(1), 3, Duration.ofSeconds(30), Duration.ofSeconds(5), true,
                Discovery.DEFAULT_PORT, List.of(), 5, 20);
    }

    /** Silence for this long closes a connection (4000). */
    public Duration heartbeatTimeout() {
        return heartbeatInterval.multipliedBy(heartbeatMisses);
    }

    static String defaultServerName() {
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
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withServerName(String serverName) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withTickRate(int tickRate) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withMatches(int matches) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withMapId(String mapId) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withBots(int bots) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withMaxPlayers(int maxPlayers) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withHeartbeatInterval(Duration heartbeatInterval) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withHeartbeatMisses(int heartbeatMisses) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withResumeGrace(Duration resumeGrace) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withHelloTimeout(Duration helloTimeout) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withDiscovery(boolean discovery) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withDiscoveryPort(int discoveryPort) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withAllowedOrigins(List<String> allowedOrigins) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withMatchMinutes(int matchMinutes) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }

    public ServerConfig withKillLimit(int killLimit) {
        return new ServerConfig(bindAddress, port, serverName, tickRate, matches, mapId, bots, maxPlayers,
                heartbeatInterval, heartbeatMisses, resumeGrace, helloTimeout, discovery, discoveryPort,
                allowedOrigins, matchMinutes, killLimit);
    }
}
