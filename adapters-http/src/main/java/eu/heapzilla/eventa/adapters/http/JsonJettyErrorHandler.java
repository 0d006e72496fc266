package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the routes (a malformed request line, headers
 * too large, …) get the same JSON shape as the rest of the API instead of an HTML page, whatever
 * the request's method and whatever it says it accepts. The detail is the status's standard
 * text: nothing from the request is echoed.
 */
final class JsonJettyErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;

    JsonJettyErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Jetty writes an error body only for GET, POST and HEAD; every refusal here carries one. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        try {
            return mapper.writeValueAsBytes(ApiError.of(ErrorResponses.codeFor(status), HttpStatus.forStatus(status).getMessage()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
