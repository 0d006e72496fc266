package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/**
 * Reads a request body into a request record, turning every way it can be wrong into a 400
 * (or 415 for a body that does not claim to be JSON) that names the field.
 */
final class JsonBodies {

    private final ObjectMapper mapper;
    private final long maxBytes;

    JsonBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), "request body must be application/json");
        }
        try (InputStream body = ctx.bodyInputStream()) {
            byte[] bytes = readAtMost(body);
            if (bytes.length == 0) {
                throw new BadRequestBody("", "request body is empty");
            }
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new BadRequestBody("", "request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequestBody(path(e), "unknown field '" + path(e) + "'");
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw new BadRequestBody("", "request body must be a JSON object");
            }
            throw new BadRequestBody(field, "field '" + field + "' has the wrong type or is missing");
        } catch (JsonMappingException e) {
            String field = path(e);
            Throwable cause = e.getCause();
            String why = cause instanceof RuntimeException && cause.getMessage() != null ? cause.getMessage() : "is invalid";
            throw new BadRequestBody(field, field.isEmpty() ? "request body is invalid" : "field '" + field + "' " + why);
        } catch (JsonProcessingException e) {
            throw new BadRequestBody("", "request body is not valid JSON");
        } catch (IOException e) {
            BodyTooSlow.in(e).ifPresent(slow -> {
                throw slow;
            });
            throw new BadRequestBody("", "request body could not be read");
        }
    }

    /**
     * The body as a JSON object, for requests where a field that is absent and a field that is
     * {@code null} mean different things (partial updates).
     */
    ObjectNode readObject(Context ctx) {
        JsonNode node = read(ctx, JsonNode.class);
        if (!(node instanceof ObjectNode object)) {
            throw new BadRequestBody("", "request body must be a JSON object");
        }
        return object;
    }

    /** Whether the request came without a body at all (for routes where the body is optional). */
    static boolean hasNoBody(Context ctx) {
        return ctx.req().getContentLengthLong() == 0
                || (ctx.req().getContentLengthLong() < 0 && ctx.header("Transfer-Encoding") == null);
    }

    /** The body, unless it is longer than allowed (a chunked body has no Content-Length to check). */
    private byte[] readAtMost(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "request body is larger than " + maxBytes + " bytes");
        }
        return bytes;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
