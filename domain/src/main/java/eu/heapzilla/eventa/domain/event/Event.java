package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.edit.Versioned;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;

/** One big event that a few people plan together: its brief, versioned like everything inside it. */
public record Event(EventId id, EventBrief brief, long version, Instant createdAt, UserId createdBy, Instant updatedAt,
                    UserId updatedBy) implements Versioned {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    public static Event plan(EventId id, EventBrief brief, UserId creator, Instant now) {
        return new Event(id, brief, 1, now, creator, now, creator);
    }

    /**
     * This event with {@code edit} applied by {@code editor}, one version on; the same event
     * when the edit changes nothing.
     *
     * @throws eu.heapzilla.eventa.domain.edit.VersionConflict when {@code basedOn} is not the current version
     */
    public Event edited(long basedOn, EventEdit edit, UserId editor, Instant now) {
        requireVersion(basedOn);
        EventBrief changed = brief.edited(edit);
        if (changed.equals(brief)) {
            return this;
        }
        return new Event(id, changed, version + 1, createdAt, createdBy, now, editor);
    }
}
