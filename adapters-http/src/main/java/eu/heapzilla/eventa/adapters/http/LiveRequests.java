package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.Set;

/** Reads what a client sends on the live endpoint: one JSON object per text frame, with a {@code type}. */
final class LiveRequests {

    sealed interface Request {
    }

    record Subscribe(EventId event, OptionalLong since) implements Request {
    }

    record Unsubscribe(EventId event) implements Request {
    }

    record Ping() implements Request {
    }

    /** A frame whose {@code type} is not one of ours. */
    static final class UnknownType extends RuntimeException {

        UnknownType(String type) {
            super("unknown message type '" + type + "'; send subscribe, unsubscribe or ping", null, false, false);
        }
    }

    private final ObjectMapper mapper;

    LiveRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws InvalidValue   when the frame is not a JSON object of a known shape (naming the field)
     * @throws UnknownType    when its type is not one of ours
     */
    Request read(String text) {
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidValue("message", "a message must be one JSON object");
        }
        if (frame == null || !frame.isObject()) {
            throw new InvalidValue("message", "a message must be one JSON object");
        }
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            throw new InvalidValue("type", "a message needs a text field 'type'");
        }
        return switch (type.asText()) {
            case "subscribe" -> {
                allow(frame, Set.of("type", "event_id", "since"));
                yield new Subscribe(event(frame), since(frame));
            }
            case "unsubscribe" -> {
                allow(frame, Set.of("type", "event_id"));
                yield new Unsubscribe(event(frame));
            }
            case "ping" -> {
                allow(frame, Set.of("type"));
                yield new Ping();
            }
            default -> throw new UnknownType(type.asText().length() > 40 ? type.asText().substring(0, 40) + "…" : type.asText());
        };
    }

    private static void allow(JsonNode frame, Set<String> fields) {
        for (Iterator<String> names = frame.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new InvalidValue(name.length() > 40 ? name.substring(0, 40) : name,
                        "unknown field; this message takes " + String.join(", ", fields.stream().sorted().toList()));
            }
        }
    }

    private static EventId event(JsonNode frame) {
        JsonNode id = frame.get("event_id");
        if (id == null || !id.isTextual()) {
            throw new InvalidValue("event_id", "event_id must be an event's id");
        }
        return Ids.canonical(id.asText()).map(EventId::new)
                .orElseThrow(() -> new InvalidValue("event_id", "event_id must be an event's id (a UUID)"));
    }

    private static OptionalLong since(JsonNode frame) {
        JsonNode since = frame.get("since");
        if (since == null || since.isNull()) {
            return OptionalLong.empty();
        }
        if (!since.isIntegralNumber() || !since.canConvertToLong() || since.asLong() < 0) {
            throw new InvalidValue("since", "since must be a whole number of at least 0");
        }
        return OptionalLong.of(since.asLong());
    }
}
