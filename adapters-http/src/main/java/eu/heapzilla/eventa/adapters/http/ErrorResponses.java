package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.DomainException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into the documented error shape, and never shows a stack trace. */
final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    /** HTTP status of each domain error code; a code missing here is a client error (400). */
    private static final Map<String, HttpStatus> DOMAIN_STATUS = Map.of(
            "validation_error", HttpStatus.BAD_REQUEST,
            "auth_error", HttpStatus.UNAUTHORIZED,
            "not_found", HttpStatus.NOT_FOUND,
            "forbidden", HttpStatus.FORBIDDEN,
            "version_conflict", HttpStatus.CONFLICT,
            "gone", HttpStatus.GONE,
            "too_large", HttpStatus.CONTENT_TOO_LARGE,
            "unsupported_media_type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    /** Error codes for the statuses the framework itself raises. */
    private static final Map<Integer, String> FRAMEWORK_CODES = Map.of(
            400, "validation_error",
            401, "auth_error",
            403, "forbidden",
            404, "not_found",
            405, "method_not_allowed",
            413, "too_large",
            415, "unsupported_media_type",
            429, "rate_limited",
            // Jetty's answer to a request line without a version: the client's mistake, whatever the 5.
            505, "http_version_not_supported");

    private ErrorResponses() {
    }

    static void domain(DomainException e, Context ctx) {
        if ("auth_error".equals(e.errorCode())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"eventa\"");
        }
        if ("unavailable".equals(e.errorCode())) {
            ctx.header("Retry-After", "60");
        }
        if (e instanceof VersionConflict conflict) {
            send(ctx, HttpStatus.CONFLICT.getCode(), new ApiError(e.detail(), e.errorCode(), ConflictJson.info(conflict)));
            return;
        }
        HttpStatus status = e instanceof Conflict ? HttpStatus.CONFLICT
                : DOMAIN_STATUS.getOrDefault(e.errorCode(), HttpStatus.BAD_REQUEST);
        send(ctx, status.getCode(), new ApiError(e.detail(), e.errorCode(), e.info()));
    }

    static void badBody(BadRequestBody e, Context ctx) {
        Map<String, Object> info = e.field().isEmpty() ? Map.of() : Map.of("field", e.field());
        send(ctx, 400, new ApiError(e.getMessage(), "validation_error", info));
    }

    static void malformedTarget(RequestTarget.Malformed e, Context ctx) {
        send(ctx, 400, new ApiError(e.getMessage(), "validation_error", Map.of("field", e.part())));
    }

    static void tooManyRequests(TooManyRequests e, Context ctx) {
        ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        send(ctx, 429, new ApiError(e.getMessage(), "rate_limited", Map.of("retry_after_seconds", e.retryAfterSeconds())));
    }

    /** A large body arrived too slowly; the connection is closed, since the rest of the body is not read. */
    static void bodyTooSlow(BodyTooSlow e, Context ctx) {
        ctx.header("Connection", "close");
        send(ctx, 408, ApiError.of("request_timeout", e.getMessage()));
    }

    static void framework(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String code = codeFor(status);
        String detail = switch (status) {
            case 404 -> "no such resource: " + ctx.method() + " " + ctx.path();
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            default -> e.getMessage() == null || e.getMessage().isBlank() ? HttpStatus.forStatus(status).getMessage() : e.getMessage();
        };
        send(ctx, status, ApiError.of(code, detail));
    }

    static void unexpected(Exception e, Context ctx) {
        var slow = BodyTooSlow.in(e);
        if (slow.isPresent()) {
            bodyTooSlow(slow.get(), ctx);
            return;
        }
        String errorId = UUID.randomUUID().toString();
        log.error("unexpected failure, error id {}", errorId, e);
        send(ctx, 500, new ApiError("something went wrong on our side; quote error id " + errorId + " when reporting it",
                "internal_error", Map.of("error_id", errorId)));
    }

    static void send(Context ctx, int status, ApiError error) {
        ctx.status(status).json(error);
    }

    /** The error code of a status raised below the routes (framework or web server). */
    static String codeFor(int status) {
        return FRAMEWORK_CODES.getOrDefault(status, status >= 500 ? "internal_error" : snakeCase(HttpStatus.forStatus(status)));
    }

    private static String snakeCase(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
