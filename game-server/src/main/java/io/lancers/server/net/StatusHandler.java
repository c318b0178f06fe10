package io.lancers.server.net;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.lancers.protocol.JsonText;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** {@code GET /status}: the server's state as JSON, for people, scripts and monitoring. */
final class StatusHandler extends ReadOnlyHandler {
    private final Supplier<?> status;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create(); // names keep their ' and &

    StatusHandler(Supplier<?> status) {
        this.status = status;
    }

    @Override
    protected void serve(Request request, Response response) throws Exception {
        if (!"/status".equals(request.getRequestURI())) {
            response.sendError(404);
            return;
        }
        byte[] body = JsonText.of(gson, status.get()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (request.getMethod() == Method.GET) {
            response.getOutputStream().write(body);
        }
    }
}
