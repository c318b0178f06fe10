package io.lancers.server.net;

import io.lancers.protocol.ProtocolVersion;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.spi.UpgradeResponse;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The upgrade's gatekeeper. Tyrus answers 101 even when no subprotocol matches (it just omits the
 * header), and {@code checkOrigin} does not see the Host header; so both checks live in
 * {@link #modifyHandshake}, where a non-101 status on Tyrus's {@link UpgradeResponse} refuses the
 * upgrade: 400 without a spoken or retired subprotocol, 403 for a foreign origin. Of those offered,
 * the server picks {@code lancers.v5}, else the newest retired one ({@code lancers.v4} … {@code v2}),
 * which {@link GameEndpoint} then closes at once with a reason an old client shows: a plain 400
 * would only tell it "cannot connect".
 */
final class Handshake extends ServerEndpointConfig.Configurator {
    private static final Logger LOG = Logger.getLogger(Handshake.class.getName());

    private final Set<String> allowedOrigins;
    private final Tally refusals;
    private final Supplier<GameEndpoint> endpoints;

    /**
     * @param allowedOrigins origins accepted besides the server's own host, exactly as browsers
     *                       send them ({@code http://example.org:8080}); {@code *} accepts any
     */
    Handshake(List<String> allowedOrigins, Tally refusals, Supplier<GameEndpoint> endpoints) {
        this.allowedOrigins = allowedOrigins.stream()
                .map(origin -> origin.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.refusals = refusals;
        this.endpoints = endpoints;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        List<String> offered = offeredSubprotocols(header(request.getHeaders(), "Sec-WebSocket-Protocol"));
        String origin = firstHeader(request.getHeaders(), "Origin");
        String host = firstHeader(request.getHeaders(), "Host");
        if (chosen(offered).isEmpty()) {
            refuse(response, "upgrade_subprotocol", 400, "Bad Request",
                    "subprotocol " + ProtocolVersion.SPOKEN + " required, offered " + offered);
        } else if (!originAccepted(origin, host)) {
            refuse(response, "upgrade_origin", 403, "Forbidden", "origin " + origin + " refused for host " + host);
        }
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return chosen(requested).orElse("");
    }

    /** The first of the spoken, then the retired subprotocols, newest first, that was offered. */
    static Optional<String> chosen(List<String> offered) {
        return Stream.concat(ProtocolVersion.SPOKEN.stream(), ProtocolVersion.RETIRED.stream())
                .filter(offered::contains).findFirst();
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoints.get());
    }

    /** Absent (not a browser), same host as the Host header, or allow-listed. */
    boolean originAccepted(String origin, String hostHeader) {
        if (origin == null || allowedOrigins.contains("*")
                || allowedOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String originHost = hostOfOrigin(origin);
        return originHost != null && hostHeader != null && originHost.equalsIgnoreCase(hostOfHostHeader(hostHeader));
    }

    static List<String> offeredSubprotocols(List<String> headerValues) {
        return headerValues.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(token -> !token.isEmpty())
                .toList();
    }

    private static String hostOfOrigin(String origin) {
        try {
            return URI.create(origin.trim()).getHost();
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port} → the host part, brackets kept as URI does. */
    private static String hostOfHostHeader(String hostHeader) {
        String value = hostHeader.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    private void refuse(HandshakeResponse response, String reason, int status, String phrase, String why) {
        LOG.info(() -> "upgrade refused " + status + ": " + why);
        refusals.count(reason);
        if (response instanceof UpgradeResponse upgrade) {
            upgrade.setStatus(status);
            upgrade.setReasonPhrase(phrase);
            // A refusal is a plain HTTP answer: no header may suggest the upgrade happened.
            upgrade.getHeaders().keySet().removeIf(name -> name.equalsIgnoreCase("Upgrade")
                    || name.equalsIgnoreCase("Connection") || name.regionMatches(true, 0, "Sec-WebSocket-", 0, 14));
        } else {
            throw new IllegalStateException("not a Tyrus upgrade response: " + response.getClass());
        }
    }

    private static List<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .toList();
    }

    private static String firstHeader(Map<String, List<String>> headers, String name) {
        List<String> values = header(headers, name);
        return values.isEmpty() ? null : values.get(0);
    }
}
