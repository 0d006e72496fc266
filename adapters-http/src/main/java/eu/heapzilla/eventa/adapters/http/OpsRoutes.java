package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.ports.in.CheckReadiness;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: the process is alive. {@code GET /ready}: it can serve requests. */
final class OpsRoutes {

    private static final Logger log = LoggerFactory.getLogger(OpsRoutes.class);

    private final CheckReadiness readiness;

    OpsRoutes(CheckReadiness readiness) {
        this.readiness = readiness;
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    void ready(Context ctx) {
        CheckReadiness.Report report = readiness.check();
        if (report.ready()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            log.warn("not ready: {}", String.join("; ", report.diagnostics()));
            ErrorResponses.send(ctx, 503, new ApiError("not ready: " + String.join("; ", report.problems()),
                    "not_ready", Map.of("problems", report.problems())));
        }
    }
}
