package io.lancers.server.net;

import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /watch} on the real server's port: the page and its modules with their content types and
 * validators, revalidation answered with 304, and nothing outside the page's folder, however the
 * path is spelled. Requests are written by hand so no client library tidies a path first.
 */
class WatchHandlerTest {
    private static GameServer server;

    @BeforeAll
    static void start() throws IOException {
        server = GameServer.start(ServerOptions.defaults().onLoopback().with(o -> {
            o.matches = 1;
            o.bots = 0;
        }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesThePageAndItsFilesWithTypesAndValidators() throws IOException {
        Answer page = get("/watch", null);
        assertEquals(200, page.status);
        assertEquals("text/html; charset=utf-8", page.header("Content-Type").orElseThrow());
        assertEquals("no-cache", page.header("Cache-Control").orElseThrow());
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElseThrow());
        assertTrue(page.header("Content-Security-Policy").orElseThrow().contains("connect-src 'self'"));
        assertTrue(page.body.contains("<script type=\"module\" src=\"/watch/main.js\">"), page.body);
        assertEquals(page.body, get("/watch/", null).body, "/watch/ is the same page");
        assertEquals(page.body, get("/watch/index.html", null).body);

        for (String file : List.of("main.js", "decoder.js", "connection.js", "stream.js", "timeline.js", "renderer.js",
                "camera.js", "effects.js", "ui.js", "backoff.js", "parts.js", "playback.js", "broadcast.js", "wire.js")) {
            Answer module = get("/watch/" + file, null);
            assertEquals(200, module.status, file);
            assertEquals("text/javascript; charset=utf-8", module.header("Content-Type").orElseThrow(), file);
        }
        assertEquals("text/css; charset=utf-8", get("/watch/style.css", null).header("Content-Type").orElseThrow());
    }

    @Test
    void servesTheBuiltInMapsABroadcastViewerNeeds() throws IOException {
        Answer map = get("/watch/maps/foundry.json", null);
        assertEquals(200, map.status);
        assertEquals("application/json; charset=utf-8", map.header("Content-Type").orElseThrow());
        assertTrue(map.body.contains("\"id\": \"foundry\""), map.body);
        assertEquals(404, get("/watch/maps/atlantis.json", null).status);
        assertEquals(404, get("/watch/maps/Foundry.json", null).status);
        assertEquals(404, get("/watch/maps/index.json.js", null).status);
        assertEquals(404, get("/watch/foundry.json", null).status, "JSON only from the maps");
    }

    @Test
    void aCachedCopyIsRevalidatedWithItsETag() throws IOException {
        Answer first = get("/watch/decoder.js", null);
        String etag = first.header("ETag").orElseThrow();
        Answer again = get("/watch/decoder.js", etag);
        assertEquals(304, again.status);
        assertEquals("", again.body);
        assertEquals(etag, again.header("ETag").orElseThrow());
        assertEquals(200, get("/watch/decoder.js", "\"something-else\"").status);
        assertTrue(!etag.equals(get("/watch/main.js", null).header("ETag").orElseThrow()), "one ETag per content");
    }

    @Test
    void nothingOutsideThePageFolderIsServed() throws IOException {
        for (String path : List.of("/watch/../status", "/watch/..%2fstatus", "/watch/%2e%2e/%2e%2e/io/lancers/server/GameServer.class",
                "/watch/../net/WatchHandler.class", "/watch/maps/../index.html", "/watch/.hidden.js", "/watch//etc/passwd",
                "/watch/Main.js", "/watch/nothing.js", "/watch/NetServer.class", "/watchx", "/watch/maps/../../watch/index.html",
                "/watch/maps/%2e%2e/foundry.json", "/watch/maps/sub/foundry.json")) {
            // 404 from the handler; an encoded dot or slash Grizzly refuses itself (500) before any handler runs.
            int status = get(path, null).status;
            assertTrue(status == 404 || status == 500 && path.contains("%"), path + " answered " + status);
        }
        assertEquals(200, get("/watch/index.html?match=m1", null).status, "a query is not part of the file name");
    }

    @Test
    void onlyGetAndHead() throws IOException {
        assertEquals(405, request("POST /watch HTTP/1.1", null).status);
        Answer head = request("HEAD /watch/main.js HTTP/1.1", null);
        assertEquals(200, head.status);
        assertEquals("", head.body);
    }

    private record Answer(int status, String head, String body) {
        Optional<String> header(String name) {
            return head.lines().skip(1).filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).trim()).findFirst();
        }
    }

    private static Answer get(String path, String ifNoneMatch) throws IOException {
        return request("GET " + path + " HTTP/1.1", ifNoneMatch);
    }

    private static Answer request(String requestLine, String ifNoneMatch) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(15_000);
            String request = requestLine + "\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n"
                    + (ifNoneMatch == null ? "" : "If-None-Match: " + ifNoneMatch + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String head = all.substring(0, end);
            String body = requestLine.startsWith("HEAD") ? "" : all.substring(end + 4);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }
    }
}
