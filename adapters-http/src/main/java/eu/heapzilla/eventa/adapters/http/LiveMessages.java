package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The frames the server sends on the live endpoint (DESIGN §5), as JSON text. A change is
 * written once however many connections it goes to: the last one written is remembered.
 */
final class LiveMessages {

    record Hello(String type, String connectionId) {
    }

    record Subscribed(String type, String eventId, long cursor) {
    }

    record ChangeFrame(String type, String eventId, long seq, String entityType, String entityId, String op,
                       long version, String actorId, Instant at) {
    }

    record PresenceFrame(String type, String eventId, String userId, boolean online) {
    }

    record EventFrame(String type, String eventId) {
    }

    record Pong(String type) {
    }

    private record Written(Change change, String text) {
    }

    private final ObjectMapper mapper;
    private volatile Written lastChange;

    LiveMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String hello(ConnectionId connection) {
        return write(new Hello("hello", connection.toString()));
    }

    String subscribed(EventId event, long cursor) {
        return write(new Subscribed("subscribed", event.toString(), cursor));
    }

    String change(Change change) {
        Written last = lastChange;
        if (last != null && last.change() == change) {
            return last.text();
        }
        String text = write(new ChangeFrame("change", change.event().toString(), change.seq(), change.entityType().wireName(),
                change.entityId(), change.op().wireName(), change.version(), change.actor().toString(), change.at()));
        lastChange = new Written(change, text);
        return text;
    }

    String presence(EventId event, UserId user, boolean online) {
        return write(new PresenceFrame("presence", event.toString(), user.toString(), online));
    }

    /** {@code revoked}, {@code resync} or {@code unsubscribed}: a word about one event. */
    String aboutEvent(String type, EventId event) {
        return write(new EventFrame(type, event.toString()));
    }

    String pong() {
        return write(new Pong("pong"));
    }

    /** {@code {"type":"error","error_code","detail","info"}}, plus {@code event_id} when the error is about one. */
    String error(String errorCode, String detail, Map<String, Object> info, EventId event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("error_code", errorCode);
        frame.put("detail", detail);
        frame.put("info", info);
        if (event != null) {
            frame.put("event_id", event.toString());
        }
        return write(frame);
    }

    private String write(Object frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a live frame could not be written", e);
        }
    }
}
