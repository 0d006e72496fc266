package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A data-only push telling a device that something changed in an event: the app wakes,
 * catches up from {@code seq - 1} and may show a notification of {@code kind}.
 *
 * @param kind a notification kind's wire name, or {@code change} for a plain edit
 */
public record PushMessage(PushToken token, Platform platform, String kind, EventId event, EntityType entityType,
                          String entityId, long seq) {

    public PushMessage {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
    }

    /** The message's data, all strings as FCM wants: {@code kind, event_id, entity_type, entity_id, seq}. */
    public Map<String, String> data() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", kind);
        data.put("event_id", event.toString());
        data.put("entity_type", entityType.wireName());
        data.put("entity_id", entityId);
        data.put("seq", Long.toString(seq));
        return data;
    }

    /** One per event: a device that was offline gets only the newest push of each event. */
    public String collapseKey() {
        return "event-" + event;
    }
}
