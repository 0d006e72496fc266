package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.ports.in.WriteOrigin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.Set;

/**
 * Runs every write route inside {@link WriteOrigin#during} when the request names its device's
 * live connection in {@value #HEADER}, so that connection is not sent its own change back.
 */
final class WriteOrigins {

    static final String HEADER = "X-Eventa-Connection";
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private WriteOrigins() {
    }

    static Handler wrap(Endpoint endpoint) {
        if (!WRITES.contains(endpoint.method)) {
            return endpoint.handler;
        }
        Handler handler = endpoint.handler;
        return ctx -> {
            String header = ctx.header(HEADER);
            if (header == null) {
                handler.handle(ctx);
                return;
            }
            ConnectionId origin = ConnectionId.parse(HEADER, header.strip());
            try {
                WriteOrigin.during(origin, () -> {
                    try {
                        handler.handle(ctx);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new Checked(e);
                    }
                    return null;
                });
            } catch (Checked e) {
                throw e.exception;
            }
        };
    }

    /** Carries a handler's checked exception through {@link WriteOrigin#during}, to be thrown again as it was. */
    private static final class Checked extends RuntimeException {

        private final Exception exception;

        Checked(Exception exception) {
            super(null, null, false, false);
            this.exception = exception;
        }
    }
}
