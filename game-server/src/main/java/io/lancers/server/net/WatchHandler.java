package io.lancers.server.net;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
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
import java.util.regex.Pattern;

/**
 * {@code GET /watch}: the browser spectator page, static files from one flat classpath folder
 * ({@value #ROOT}). {@code /watch} and {@code /watch/} are its {@code index.html}; {@code /watch/NAME}
 * is any other file there whose name is a plain lower-case file name with a known extension, so no
 * path can leave the folder or reach a class file. The files are read once and kept: they cannot
 * change inside a running jar.
 *
 * <p>Every answer carries a strong ETag and {@code Cache-Control: no-cache}: a browser revalidates
 * (a 304 on a LAN costs one round trip) instead of running a cached module of an older server
 * against a newer one, as unhashed module names could otherwise make it do.
 */
final class WatchHandler extends HttpHandler {
    static final String PATH = "/watch";
    private static final String ROOT = "io/lancers/server/watch/";
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)*\\.([a-z0-9]+)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
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
    public void service(Request request, Response response) throws Exception {
        if (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
            return;
        }
        String uri = request.getRequestURI();
        Optional<File> file = fileName(uri).flatMap(name -> files.computeIfAbsent(name, this::load));
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

    /** The file a request path names, if it is one this handler may serve. */
    static Optional<String> fileName(String uri) {
        if (uri.equals(PATH) || uri.equals(PATH + "/")) {
            return Optional.of("index.html");
        }
        if (!uri.startsWith(PATH + "/")) {
            return Optional.empty();
        }
        String name = uri.substring(PATH.length() + 1);
        var matcher = FILE_NAME.matcher(name);
        return matcher.matches() && CONTENT_TYPES.containsKey(matcher.group(2)) ? Optional.of(name) : Optional.empty();
    }

    private Optional<File> load(String name) {
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new File(body, CONTENT_TYPES.get(extension), etag(body)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + ROOT + name + " from the classpath", e);
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
