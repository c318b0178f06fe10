package io.lancers.server.net;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * An HTTP resource that is only ever read ({@code /status}, {@code /metrics}, {@code /watch}): any
 * method but GET and HEAD is answered 405 with {@code Allow: GET, HEAD} before the resource is asked.
 */
abstract class ReadOnlyHandler extends HttpHandler {

    @Override
    public final void service(Request request, Response response) throws Exception {
        if (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(405);
            return;
        }
        serve(request, response);
    }

    /** Answers a GET or a HEAD (a HEAD gets the headers only). */
    protected abstract void serve(Request request, Response response) throws Exception;
}
