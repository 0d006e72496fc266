package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Asserts a response is the documented error shape with the given status and code. */
final class ErrorShape {

    private ErrorShape() {
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String errorCode) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "content type of " + response.body());
        JsonNode body = TestClient.json(response);
        assertEquals(errorCode, body.path("error_code").asText(), response.body());
        assertTrue(body.path("detail").isTextual() && !body.path("detail").asText().isBlank(), response.body());
        assertTrue(body.path("info").isObject(), response.body());
        assertEquals(3, body.size(), "exactly detail, error_code and info: " + response.body());
        assertFalse(response.body().contains("\tat ") || response.body().contains("Exception"),
                "no stack trace or exception name: " + response.body());
        return body;
    }
}
