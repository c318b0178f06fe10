package io.lancers.server;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ErrorCode;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.protocol.ServerMessage;
import io.lancers.release.ReleaseVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.lancers.server.TestClient.PATIENCE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics} of the real server, scraped over HTTP and parsed as Prometheus would. */
class MetricsEndpointTest {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private GameServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    /** One sample: a metric name and its labels (sorted, so order on the wire does not matter). */
    record Sample(String name, Map<String, String> labels) {
        static Sample of(String name, String... labelPairs) {
            Map<String, String> labels = new TreeMap<>();
            for (int i = 0; i < labelPairs.length; i += 2) {
                labels.put(labelPairs[i], labelPairs[i + 1]);
            }
            return new Sample(name, labels);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = GameServer.start(GameServerTest.CONFIG.with(o -> o.bots = 2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reportsPlayersTicksBytesConnectionsAndRefusalsByReason() throws Exception {
        assertEquals(400, RawHandshake.send(server.port(), null, null).status());
        assertEquals(403, RawHandshake.send(server.port(), ProtocolVersion.SUBPROTOCOL, "http://evil.example").status());
        TestClient ada = TestClient.hello(server, "Ada");
        ada.send(new ClientMessage.Spectate("nowhere"));
        ada.await(ServerMessage.Error.class, e -> e.code().equals(ErrorCode.NO_SUCH_MATCH.wire()));
        ada.send(new ClientMessage.Join("m1"));
        ada.await(ServerMessage.Joined.class);
        TestClient bob = TestClient.hello(server, "Bob");
        bob.send(new ClientMessage.Spectate("m2"));
        bob.await(ServerMessage.Joined.class);

        Map<Sample, Double> first = awaitMetrics(m -> m.getOrDefault(Sample.of("lancers_players", "match", "m1",
                "kind", "human"), 0.0) == 1 && m.getOrDefault(Sample.of("lancers_spectators", "match", "m2"), 0.0) == 1
                && m.getOrDefault(Sample.of("lancers_sent_bytes_total", "match", "m1"), 0.0) > 0
                && m.getOrDefault(Sample.of("lancers_tick_duration_seconds", "match", "m1", "quantile", "0.99"), 0.0) > 0);
        assertEquals(1.0, first.get(Sample.of("lancers_build_info", "version", ReleaseVersion.VERSION,
                "protocol", ProtocolVersion.SUBPROTOCOL)));
        assertEquals(1.0, first.get(Sample.of("lancers_players", "match", "m1", "kind", "bot")), "a human took a bot's place");
        assertEquals(2.0, first.get(Sample.of("lancers_players", "match", "m2", "kind", "bot")));
        assertEquals(0.0, first.get(Sample.of("lancers_spectators", "match", "m1")));
        assertEquals(2.0, first.get(Sample.of("lancers_connections")));
        assertEquals(1.0, first.get(Sample.of("lancers_refusals_total", "reason", "upgrade_subprotocol")));
        assertEquals(1.0, first.get(Sample.of("lancers_refusals_total", "reason", "upgrade_origin")));
        assertEquals(1.0, first.get(Sample.of("lancers_refusals_total", "reason", "no_such_match")));
        double lateP99 = first.get(Sample.of("lancers_tick_start_lateness_seconds", "match", "m1", "quantile", "0.99"));
        assertTrue(lateP99 >= 0 && lateP99 <= first.get(
                Sample.of("lancers_tick_start_lateness_seconds", "match", "m1", "quantile", "1")), "p99 <= max");

        double bytes = first.get(Sample.of("lancers_sent_bytes_total", "match", "m1"));
        awaitMetrics(m -> m.get(Sample.of("lancers_sent_bytes_total", "match", "m1")) > bytes);

        bob.close();
        Map<Sample, Double> after = awaitMetrics(m -> m.get(Sample.of("lancers_connections")) == 1
                && m.get(Sample.of("lancers_spectators", "match", "m2")) == 0);
        Map<Sample, Double> closed = new HashMap<>(after);
        closed.keySet().removeIf(sample -> !sample.name().equals("lancers_connections_closed_total"));
        assertEquals(1, closed.size(), "one close, under its close code: " + closed);
        Sample close = closed.keySet().iterator().next();
        assertTrue(close.labels().get("code").matches("1000|1006"), "bob's goodbye, or the socket he dropped: " + close);
        assertEquals(1.0, closed.get(close));
        ada.close();
    }

    @Test
    void speaksThePrometheusTextFormatAndOnlyToGetAndHead() throws Exception {
        HttpResponse<String> get = scrape("GET");
        assertEquals(200, get.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", get.headers().firstValue("Content-Type").orElse(""));
        // (refusals and closes by code appear with their first sample)
        for (String family : new String[] {"lancers_players gauge", "lancers_spectators gauge",
                "lancers_tick_duration_seconds gauge", "lancers_tick_start_lateness_seconds gauge",
                "lancers_sent_bytes_total counter", "lancers_connections gauge", "lancers_build_info gauge"}) {
            assertTrue(get.body().contains("\n# TYPE " + family + "\n") || get.body().startsWith("# TYPE " + family),
                    family + " in\n" + get.body());
        }
        HttpResponse<String> head = scrape("HEAD");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        HttpResponse<String> post = scrape("POST");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
    }

    private HttpResponse<String> scrape(String method) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<Sample, Double> awaitMetrics(Predicate<Map<Sample, Double>> matching) {
        return await("/metrics matching the test's condition").atMost(PATIENCE).until(() -> {
            try {
                return Optional.of(parse(scrape("GET").body())).filter(matching);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Optional::isPresent).get();
    }

    /** The text format's sample lines; comments (# HELP, # TYPE) are skipped, a malformed line fails. */
    static Map<Sample, Double> parse(String text) {
        Map<Sample, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "a sample line: " + line);
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                int end = 0;
                while (l.find() && l.start() == end) {
                    labels.put(l.group(1), l.group(2));
                    end = l.end();
                }
                assertEquals(m.group(2).length(), end, "labels of " + line);
            }
            samples.put(new Sample(m.group(1), labels), Double.parseDouble(m.group(3)));
        }
        return samples;
    }
}
