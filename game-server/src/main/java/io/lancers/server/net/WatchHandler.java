package io.lancers.server.net;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /watch}: the browser spectator page, static files from one flat classpath folder
 * ({@value #ROOT}). {@code /watch} and {@code /watch/} are its {@code index.html}; {@code /watch/NAME}
 * is any other file there whose name is a plain lower-case file name with a known extension, so no
 * path can leave the folder or reach a class file. {@code /watch/maps/ID.json} is a built-in map
 * file (docs/MAPS.md), which the page needs to show a broadcast (live spectators get the map in
 * {@code joined}). The files are read once and kept: they cannot change inside a running jar.
 *
 * <p>Every answer carries a strong ETag and {@code Cache-Control: no-cache}: a browser revalidates
 * (a 304 on a LAN costs one round trip) instead of running a cached module of an older server
 * against a newer one, as unhashed module names could otherwise make it do.
 */
final class WatchHandler extends ReadOnlyHandler {
    static final String PATH = "/watch";
    private static final String ROOT = "io/lancers/server/watch/";
    private static final String MAPS = "io/lancers/assets/maps/";
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)*\\.([a-z0-9]+)");
    /** As MapLoader's ids. */
    private static final Pattern MAP = Pattern.compile("maps/([a-z0-9][a-z0-9-]{0,31})\\.json");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "json", "application/json; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");
    /**
     * Scripts only from the page's own origin, and the socket only to it ('self' covers ws: and
     * wss: on the same host since CSP 3): a chat line or a name can never become code.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; form-action 'none'";

    private record File(byte[] body, String contentType, String etag) {
    }

    private final ClassLoader loader = WatchHandler.class.getClassLoader();
    private final Map<String, Optional<File>> files = new ConcurrentHashMap<>();

    @Override
    protected void serve(Request request, Response response) throws Exception {
        String uri = request.getRequestURI();
        Optional<File> file = resource(uri).flatMap(path -> files.computeIfAbsent(path, this::load));
        if (file.isEmpty()) {
            response.sendError(404);
            return;
        }
        File found = file.get();
        response.setHeader("ETag", found.etag);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (found.etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setContentType(found.contentType);
        response.setContentLength(found.body.length);
        if (request.getMethod() == Method.GET) {
            response.getOutputStream().write(found.body);
        }
    }

    /** The classpath resource a request path names, if it is one this handler may serve. */
    static Optional<String> resource(String uri) {
        if (uri.equals(PATH) || uri.equals(PATH + "/")) {
            return Optional.of(ROOT + "index.html");
        }
        if (!uri.startsWith(PATH + "/")) {
            return Optional.empty();
        }
        String name = uri.substring(PATH.length() + 1);
        Matcher map = MAP.matcher(name);
        if (map.matches()) {
            return Optional.of(MAPS + map.group(1) + ".json");
        }
        Matcher file = FILE_NAME.matcher(name);
        return file.matches() && !file.group(2).equals("json") && CONTENT_TYPES.containsKey(file.group(2))
                ? Optional.of(ROOT + name) : Optional.empty();
    }

    private Optional<File> load(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return Optional.of(new File(body, CONTENT_TYPES.get(extension), etag(body)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + " from the classpath", e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
