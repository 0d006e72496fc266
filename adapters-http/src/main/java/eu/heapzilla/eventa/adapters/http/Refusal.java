package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An answer given below the routes, where a client holds more of the server than it may: the
 * documented error shape, {@code Retry-After} when waiting helps, and {@code Connection: close},
 * since what the client still sends is not read. It can be written through Jetty's response, or
 * as the raw bytes of a whole HTTP/1.1 response where there is no request to answer yet.
 *
 * @param retryAfterSeconds 0 for none
 */
record Refusal(int status, ApiError error, long retryAfterSeconds) {

    private static final ObjectMapper MAPPER = Json.mapper();

    /** 408: the client took too long to send its request. */
    static Refusal requestTimeout(String detail) {
        return new Refusal(408, ApiError.of("request_timeout", detail), 0);
    }

    /** 429: this client address holds as many of something as it may. */
    static Refusal tooManyFromAddress(String what, int limit) {
        return new Refusal(429, new ApiError("too many " + what + " from your address (at most " + limit + ")",
                "too_many_connections", Map.of("limit", limit)), 10);
    }

    /** 503: the server holds as many of something as it may, from everyone together. */
    static Refusal serverBusy(String what, int limit) {
        return new Refusal(503, new ApiError("the server holds as many " + what + " as it may (" + limit + "); try again soon",
                "server_busy", Map.of("limit", limit)), 10);
    }

    byte[] body() {
        try {
            return MAPPER.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers through Jetty; the connection is closed after it. */
    void write(Response response, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (retryAfterSeconds > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        response.write(true, ByteBuffer.wrap(body()), callback);
    }

    /** The whole response as bytes, for a connection that has no request to answer (yet). */
    ByteBuffer raw() {
        byte[] body = body();
        String head = "HTTP/1.1 " + status + " " + HttpStatus.forStatus(status).getMessage() + "\r\n"
                + "Content-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\n"
                + (retryAfterSeconds > 0 ? "Retry-After: " + retryAfterSeconds + "\r\n" : "")
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer all = ByteBuffer.allocate(headBytes.length + body.length);
        all.put(headBytes).put(body).flip();
        return all;
    }
}
