package eu.heapzilla.eventa.domain.budget;

import eu.heapzilla.eventa.domain.edit.Revised;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;

/** One line of an event's budget. */
public record BudgetItem(BudgetItemId id, EventId event, BudgetItemDetails details, Revision revision)
        implements Revised {

    /** How many budget items one event may have. */
    public static final int MAX_PER_EVENT = 1_000;

    public BudgetItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(revision, "revision");
    }

    public static BudgetItem create(BudgetItemId id, EventId event, BudgetItemDetails details, UserId author,
                                    Instant now) {
        return new BudgetItem(id, event, details, Revision.first(author, now));
    }

    /**
     * This item with {@code edit} applied, one version on; the same item when nothing changes.
     *
     * @throws eu.heapzilla.eventa.domain.edit.VersionConflict when {@code basedOn} is not the current version
     */
    public BudgetItem edited(long basedOn, BudgetItemDetails.Edit edit, UserId editor, Instant now) {
        requireVersion(basedOn);
        BudgetItemDetails changed = details.edited(edit);
        return changed.equals(details) ? this : new BudgetItem(id, event, changed, revision.next(editor, now));
    }
}
