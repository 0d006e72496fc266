package eu.heapzilla.eventa.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One server → client frame of the WebSocket protocol, with only the top-level fields the
 * benchmarks read. Parsed with Jackson's streaming parser (no tree, no reflection): at 100 000
 * frames a second on a shared 2-core machine the client's own cost matters.
 *
 * @param type {@code hello}, {@code subscribed}, {@code change}, {@code presence}, {@code pong}, {@code revoked},
 *             {@code resync}, {@code error}, or whatever else the server sends
 * @param seq a change's seq, or -1
 * @param cursor a subscription's cursor, or -1
 * @param at a change's timestamp as sent, or null
 * @param text the frame as received
 */
record WsMessage(String type, String eventId, long seq, long cursor, String at, String connectionId, String errorCode,
                 String detail, String text) {

    private static final JsonFactory FACTORY = new JsonFactory();

    static WsMessage parse(String text) {
        String type = null;
        String eventId = null;
        String at = null;
        String connectionId = null;
        String errorCode = null;
        String detail = null;
        long seq = -1;
        long cursor = -1;
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new WsMessage("(not an object)", null, -1, -1, null, null, null, null, text);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                switch (field) {
                    case "type" -> type = parser.getValueAsString();
                    case "event_id" -> eventId = parser.getValueAsString();
                    case "seq" -> seq = parser.getValueAsLong(-1);
                    case "cursor" -> cursor = parser.getValueAsLong(-1);
                    case "at" -> at = parser.getValueAsString();
                    case "connection_id" -> connectionId = parser.getValueAsString();
                    case "error_code" -> errorCode = parser.getValueAsString();
                    case "detail" -> detail = parser.getValueAsString();
                    default -> { }
                }
            }
        } catch (IOException e) {
            return new WsMessage("(unparseable)", null, -1, -1, null, null, null, e.getMessage(), text);
        }
        return new WsMessage(type == null ? "(no type)" : type, eventId, seq, cursor, at, connectionId, errorCode, detail, text);
    }

    /** An RFC 3339 timestamp, with {@code Z} or an offset, as an instant. */
    static Instant instant(String text) {
        if (text.endsWith("Z")) {
            return Instant.parse(text);
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    boolean is(String wanted) {
        return wanted.equals(type);
    }
}
