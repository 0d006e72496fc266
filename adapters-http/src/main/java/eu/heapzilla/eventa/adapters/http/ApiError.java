package eu.heapzilla.eventa.adapters.http;

import java.util.Map;

/** The body of every error response: {@code {"detail", "error_code", "info"}}. */
record ApiError(String detail, String errorCode, Map<String, Object> info) {

    ApiError {
        info = Map.copyOf(info);
    }

    static ApiError of(String errorCode, String detail) {
        return new ApiError(detail, errorCode, Map.of());
    }
}
