package io.lancers.server.net;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.ByteArrayOutputStream;

/** {@code GET /metrics}: the Prometheus text format (version 0.0.4), for hosts that scrape. */
final class MetricsHandler extends ReadOnlyHandler {
    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    MetricsHandler(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void serve(Request request, Response response) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writer.write(body, registry.scrape());
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.size());
        if (request.getMethod() == Method.GET) {
            body.writeTo(response.getOutputStream());
        }
    }
}
