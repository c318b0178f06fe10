package io.lancers.server.net;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.lancers.server.broadcast.Broadcasts;
import io.lancers.server.broadcast.FragmentStore;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /broadcast}, {@code /broadcast/{match}/sync} and {@code /broadcast/{match}/{n}/full|delta}
 * (docs/BROADCAST.md §5): JSON that caches may hold a second at most, and immutable binary parts
 * that they may hold as long as the server keeps them.
 */
final class BroadcastHandler extends HttpHandler {
    static final String ROOT = "/broadcast";
    private static final Pattern SYNC = Pattern.compile("/broadcast/([A-Za-z0-9_-]{1,64})/sync");
    private static final Pattern PART = Pattern.compile("/broadcast/([A-Za-z0-9_-]{1,64})/([0-9]{1,10})/(full|delta)");

    private final Broadcasts broadcasts;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    BroadcastHandler(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD) {
            response.setHeader(Header.Allow, "GET, HEAD");
            plain(request, response, 405, "no-store", "only GET and HEAD");
            return;
        }
        String path = request.getRequestURI();
        Matcher part = PART.matcher(path);
        Matcher sync = SYNC.matcher(path);
        if (ROOT.equals(path) || (ROOT + "/").equals(path)) {
            json(request, response, broadcasts.list(), "no-cache");
        } else if (sync.matches()) {
            Optional<Broadcasts.Sync> answer = broadcasts.sync(sync.group(1));
            if (answer.isPresent()) {
                json(request, response, answer.get(), "public, max-age=1");
            } else {
                notFound(request, response, "no broadcast of " + sync.group(1) + " yet");
            }
        } else if (part.matches()) {
            part(request, response, part.group(1), part.group(2), "full".equals(part.group(3)));
        } else {
            notFound(request, response, "no such broadcast resource");
        }
    }

    private void part(Request request, Response response, String matchId, String number, boolean full) throws IOException {
        long fragment = Long.parseLong(number);
        FragmentStore.Lookup lookup = fragment > Integer.MAX_VALUE ? new FragmentStore.Lookup.NotYet()
                : broadcasts.part(matchId, (int) fragment, full);
        if (lookup instanceof FragmentStore.Lookup.Gone) {
            plain(request, response, 410, "public, max-age=" + broadcasts.retentionSeconds(),
                    "fragment " + fragment + " is past the retention window");
        } else if (lookup instanceof FragmentStore.Lookup.Found found) {
            FragmentStore.Part body = found.part();
            response.setHeader(Header.CacheControl, "public, max-age=" + broadcasts.retentionSeconds() + ", immutable");
            response.setHeader(Header.ETag, body.etag());
            String ifNoneMatch = request.getHeader(Header.IfNoneMatch);
            if (ifNoneMatch != null && (ifNoneMatch.contains(body.etag()) || ifNoneMatch.trim().equals("*"))) {
                response.setStatus(304);
                return;
            }
            write(request, response, "application/octet-stream", body.bytes());
        } else {
            notFound(request, response, "fragment " + fragment + " of " + matchId + " is not available (yet)");
        }
    }

    private void json(Request request, Response response, Object document, String cacheControl) throws IOException {
        response.setHeader(Header.CacheControl, cacheControl);
        write(request, response, "application/json; charset=utf-8", gson.toJson(document).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A cache may hold a 404 for a second: the URL may exist a moment later, and meanwhile a crowd
     * polling for the next fragment costs the origin one request per second, not one per viewer.
     */
    private static void notFound(Request request, Response response, String text) throws IOException {
        plain(request, response, 404, "public, max-age=1", text);
    }

    private static void plain(Request request, Response response, int status, String cacheControl, String text)
            throws IOException {
        response.setStatus(status);
        response.setHeader(Header.CacheControl, cacheControl);
        write(request, response, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Request request, Response response, String type, byte[] body) throws IOException {
        response.setContentType(type);
        response.setContentLength(body.length);
        if (request.getMethod() != Method.HEAD) {
            response.getOutputStream().write(body);
        }
    }
}
