package eu.heapzilla.eventa.domain.guest;

import eu.heapzilla.eventa.domain.edit.Revised;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;

/** One person on the guest list, in a household of the same event. */
public record Guest(GuestId id, EventId event, GuestDetails details, Revision revision) implements Revised {

    /** How many guests one event may have. */
    public static final int MAX_PER_EVENT = 2_000;

    public Guest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(revision, "revision");
    }

    public static Guest create(GuestId id, EventId event, GuestDetails details, UserId author, Instant now) {
        return new Guest(id, event, details, Revision.first(author, now));
    }

    /**
     * This guest with {@code edit} applied, one version on; the same guest when nothing changes.
     *
     * @throws eu.heapzilla.eventa.domain.edit.VersionConflict when {@code basedOn} is not the current version
     */
    public Guest edited(long basedOn, GuestDetails.Edit edit, UserId editor, Instant now) {
        requireVersion(basedOn);
        GuestDetails changed = details.edited(edit);
        return changed.equals(details) ? this : new Guest(id, event, changed, revision.next(editor, now));
    }

    public HouseholdId household() {
        return details.household();
    }
}
