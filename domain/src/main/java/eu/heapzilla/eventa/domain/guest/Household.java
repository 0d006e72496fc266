package eu.heapzilla.eventa.domain.guest;

import eu.heapzilla.eventa.domain.edit.Revised;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;

/** Guests invited together — a family, a couple — with one address. */
public record Household(HouseholdId id, EventId event, HouseholdDetails details, Revision revision) implements Revised {

    /** How many households one event may have. */
    public static final int MAX_PER_EVENT = 2_000;

    public Household {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(revision, "revision");
    }

    public static Household create(HouseholdId id, EventId event, HouseholdDetails details, UserId author, Instant now) {
        return new Household(id, event, details, Revision.first(author, now));
    }

    /**
     * This household with {@code edit} applied, one version on; the same household when nothing changes.
     *
     * @throws eu.heapzilla.eventa.domain.edit.VersionConflict when {@code basedOn} is not the current version
     */
    public Household edited(long basedOn, HouseholdDetails.Edit edit, UserId editor, Instant now) {
        requireVersion(basedOn);
        HouseholdDetails changed = details.edited(edit);
        return changed.equals(details) ? this : new Household(id, event, changed, revision.next(editor, now));
    }
}
