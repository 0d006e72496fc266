package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields of a JSON object body where "absent" (leave it), {@code null} (clear it) and a
 * value (set it) differ. Each accessor is empty when the field is absent; wrong types are a
 * 400 naming the field.
 */
final class PatchFields {

    private final ObjectNode body;

    PatchFields(ObjectNode body, Set<String> allowed) {
        this.body = body;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadRequestBody(name, "unknown field '" + name + "'");
            }
        }
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** A required whole number, such as the {@code version} an edit is based on. */
    long requiredLong(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new BadRequestBody(field, "field '" + field + "' is required");
        }
        return wholeNumber(field, node);
    }

    /** Text that cannot be cleared: {@code null} is refused. */
    Optional<String> text(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new BadRequestBody(field, "field '" + field + "' must be a string");
        }
        return Optional.of(node.textValue());
    }

    /** Text that can be cleared with {@code null}; the inner optional is empty for {@code null}. */
    Optional<Optional<String>> clearableText(String field) {
        return clearable(field, node -> {
            if (!node.isTextual()) {
                throw new BadRequestBody(field, "field '" + field + "' must be a string or null");
            }
            return node.textValue();
        });
    }

    /** An ISO date ({@code YYYY-MM-DD}) that can be cleared with {@code null}. */
    Optional<Optional<LocalDate>> clearableDate(String field) {
        return clearable(field, node -> {
            if (!node.isTextual()) {
                throw new BadRequestBody(field, "field '" + field + "' must be a date (YYYY-MM-DD) or null");
            }
            return WireDates.parse(node.textValue()).orElseThrow(() ->
                    new BadRequestBody(field, "field '" + field + "' must be a date (YYYY-MM-DD) or null"));
        });
    }

    /** A whole number that cannot be cleared: {@code null} is refused. */
    Optional<Long> wholeNumber(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return Optional.empty();
        }
        return Optional.of(wholeNumber(field, node));
    }

    /** {@code true} or {@code false}; {@code null} is refused. */
    Optional<Boolean> bool(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw new BadRequestBody(field, "field '" + field + "' must be true or false");
        }
        return Optional.of(node.booleanValue());
    }

    /** A required {@code true} or {@code false}. */
    boolean requiredBool(String field) {
        return bool(field).orElseThrow(() -> new BadRequestBody(field, "field '" + field + "' is required"));
    }

    /** A required string. */
    String requiredText(String field) {
        return text(field).orElseThrow(() -> new BadRequestBody(field, "field '" + field + "' is required"));
    }

    /** A whole number that can be cleared with {@code null}. */
    Optional<OptionalLong> clearableLong(String field) {
        return clearable(field, node -> wholeNumber(field, node))
                .map(value -> value.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    private <T> Optional<Optional<T>> clearable(String field, Function<JsonNode, T> read) {
        JsonNode node = body.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNull()) {
            return Optional.of(Optional.empty());
        }
        return Optional.of(Optional.of(read.apply(node)));
    }

    private static long wholeNumber(String field, JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new BadRequestBody(field, "field '" + field + "' must be a whole number");
        }
        return node.longValue();
    }
}
