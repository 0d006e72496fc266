package eu.heapzilla.eventa.domain.export;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.budget.ReceiptName;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Completion;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One whole event as a single value: what an export writes and an import reads.
 *
 * <p><b>What it holds.</b> The schema version ({@link #SCHEMA_VERSION}), the event's change
 * cursor (the seq of its last change when it was read), the event's id and brief, its members
 * (user id, display name, role), households, guests, tasks (with who finished them and when),
 * budget items and the metadata of its receipts (id, budget item, file name, media type, size,
 * SHA-256 — not their bytes). Nothing about the export itself is in it (no time of export, which
 * would differ between two exports of one state), and nothing about the history of its rows: no
 * versions, no created/updated metadata. Versions and who-edited-when are the
 * history of rows on one server; an import cannot carry them over (everything it creates starts
 * at version 1, created by the importer, and the change log says so), and leaving them out keeps
 * the round trip export → import → export exact apart from ids, the members, the receipts (whose
 * bytes an import does not have) and the cursor.
 *
 * <p><b>Its order.</b> Every list is sorted by the canonical text of its id (the lower-case,
 * 36-character UUID form; members by their user id), whatever order it was given in. Ids are
 * unique within each list (checked here), so the order is total: one state of an event always
 * gives one document, and an edit changes the document only where the edited thing is. The
 * constructor sorts, so every document is in this order, however it was built.
 *
 * <p><b>What it checks.</b> Every field is already checked by the domain type it is made of
 * ({@link EventBrief}, {@link GuestDetails}, …). The document checks what only the whole can:
 * the schema version, ids unique within each list, each guest's household and each receipt's
 * budget item present in the document, and the per-event limits ({@link Household#MAX_PER_EVENT},
 * {@link Guest#MAX_PER_EVENT}, {@link Task#MAX_PER_EVENT}, {@link BudgetItem#MAX_PER_EVENT},
 * {@link Receipt#MAX_PER_ITEM}). A failure is an {@link InvalidValue} whose field is a path into
 * the document as it was given (before sorting), such as {@code guests[3].household_id}.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param cursor        the seq of the event's last change when it was read; 0 when none
 */
public record EventDocument(int schemaVersion, long cursor, EventId event, EventBrief brief, List<MemberEntry> members,
                            List<HouseholdEntry> households, List<GuestEntry> guests, List<TaskEntry> tasks,
                            List<BudgetItemEntry> budgetItems, List<ReceiptEntry> receipts) {

    /** The one schema this code writes and reads. A change to the document's shape gets a new number. */
    public static final int SCHEMA_VERSION = 1;

    /** The order of every list: by the canonical (lower-case, 36-character) text of a UUID. */
    public static final Comparator<UUID> ID_ORDER = Comparator.comparing(UUID::toString);

    public EventDocument {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new InvalidValue("schema_version", "schema_version " + schemaVersion
                    + " is not supported; this server reads schema_version " + SCHEMA_VERSION);
        }
        if (cursor < 0) {
            throw new InvalidValue("cursor", "cursor must not be negative");
        }
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(brief, "brief");
        members = ordered("members", "user_id", members, MemberEntry::user, UserId::value, Integer.MAX_VALUE);
        households = ordered("households", "id", households, HouseholdEntry::id, HouseholdId::value,
                Household.MAX_PER_EVENT);
        Objects.requireNonNull(guests, "guests");
        Set<HouseholdId> householdIds = new HashSet<>();
        households.forEach(household -> householdIds.add(household.id()));
        for (int i = 0; i < guests.size(); i++) {
            if (guests.get(i) != null && !householdIds.contains(guests.get(i).details().household())) {
                throw new InvalidValue("guests[" + i + "].household_id",
                        "guests[" + i + "].household_id names no household of this document");
            }
        }
        guests = ordered("guests", "id", guests, GuestEntry::id, GuestId::value, Guest.MAX_PER_EVENT);
        tasks = ordered("tasks", "id", tasks, TaskEntry::id, TaskId::value, Task.MAX_PER_EVENT);
        budgetItems = ordered("budget_items", "id", budgetItems, BudgetItemEntry::id, BudgetItemId::value,
                BudgetItem.MAX_PER_EVENT);
        Objects.requireNonNull(receipts, "receipts");
        Set<BudgetItemId> itemIds = new HashSet<>();
        budgetItems.forEach(item -> itemIds.add(item.id()));
        Map<BudgetItemId, Integer> perItem = new HashMap<>();
        for (int i = 0; i < receipts.size(); i++) {
            ReceiptEntry receipt = receipts.get(i);
            if (receipt == null) {
                continue;
            }
            String field = "receipts[" + i + "].budget_item_id";
            if (!itemIds.contains(receipt.budgetItem())) {
                throw new InvalidValue(field, field + " names no budget item of this document");
            }
            if (perItem.merge(receipt.budgetItem(), 1, Integer::sum) > Receipt.MAX_PER_ITEM) {
                throw new InvalidValue(field, "a budget item can have at most " + Receipt.MAX_PER_ITEM + " receipts");
            }
        }
        receipts = ordered("receipts", "id", receipts, ReceiptEntry::id, ReceiptId::value, Integer.MAX_VALUE);
    }

    /**
     * The document of {@code event} as it is: every list may come in any order and is sorted
     * here; everything must belong to {@code event}.
     *
     * @param cursor the seq of the event's last change, read together with everything else
     */
    public static EventDocument of(Event event, long cursor, List<MemberEntry> members, List<Household> households,
                                   List<Guest> guests, List<Task> tasks, List<BudgetItem> budgetItems,
                                   List<Receipt> receipts) {
        EventId id = event.id();
        return new EventDocument(SCHEMA_VERSION, cursor, id, event.brief(), members,
                households.stream().map(h -> HouseholdEntry.of(ownedBy(id, h.event(), h))).toList(),
                guests.stream().map(g -> GuestEntry.of(ownedBy(id, g.event(), g))).toList(),
                tasks.stream().map(t -> TaskEntry.of(ownedBy(id, t.event(), t))).toList(),
                budgetItems.stream().map(b -> BudgetItemEntry.of(ownedBy(id, b.event(), b))).toList(),
                receipts.stream().map(r -> ReceiptEntry.of(ownedBy(id, r.event(), r))).toList());
    }

    private static <T> T ownedBy(EventId event, EventId owner, T thing) {
        if (!owner.equals(event)) {
            throw new IllegalArgumentException(thing + " belongs to event " + owner + ", not " + event);
        }
        return thing;
    }

    /**
     * {@code entries} checked (no nulls, at most {@code limit}, no id twice) and sorted by id.
     * Failures name the entry's place in the list as given.
     */
    private static <T, I> List<T> ordered(String list, String idField, List<T> entries, Function<T, I> idOf,
                                          Function<I, UUID> uuidOf, int limit) {
        Objects.requireNonNull(entries, list);
        if (entries.size() > limit) {
            throw new InvalidValue(list, "a document can hold at most " + limit + " "
                    + list.replace('_', ' ') + "; this one has " + entries.size());
        }
        Set<I> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            T entry = Objects.requireNonNull(entries.get(i), list + "[" + i + "]");
            if (!seen.add(idOf.apply(entry))) {
                String field = list + "[" + i + "]." + idField;
                throw new InvalidValue(field, field + " appears twice in " + list);
            }
        }
        List<T> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(entry -> uuidOf.apply(idOf.apply(entry)), ID_ORDER));
        return List.copyOf(sorted);
    }

    /** A member of the event: who, under which name, with which role. */
    public record MemberEntry(UserId user, DisplayName displayName, Role role) {

        public MemberEntry {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(role, "role");
        }
    }

    /** A household, by its id. */
    public record HouseholdEntry(HouseholdId id, HouseholdDetails details) {

        public HouseholdEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(details, "details");
        }

        public static HouseholdEntry of(Household household) {
            return new HouseholdEntry(household.id(), household.details());
        }
    }

    /** A guest, by their id; {@link GuestDetails#household()} names a household of the same document. */
    public record GuestEntry(GuestId id, GuestDetails details) {

        public GuestEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(details, "details");
        }

        public static GuestEntry of(Guest guest) {
            return new GuestEntry(guest.id(), guest.details());
        }
    }

    /** A task, by its id, with who marked it done and when (empty while it is not done). */
    public record TaskEntry(TaskId id, TaskDetails details, Optional<Completion> done) {

        public TaskEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(done, "done");
        }

        public static TaskEntry of(Task task) {
            return new TaskEntry(task.id(), task.details(), task.done());
        }
    }

    /** A budget item, by its id. Its amounts are minor units of the event's currency. */
    public record BudgetItemEntry(BudgetItemId id, BudgetItemDetails details) {

        public BudgetItemEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(details, "details");
        }

        public static BudgetItemEntry of(BudgetItem item) {
            return new BudgetItemEntry(item.id(), item.details());
        }
    }

    /**
     * The metadata of a receipt of a budget item of the same document: enough to recognise the
     * file (its SHA-256), not the file.
     *
     * @param sha256 64 lower-case hex digits
     */
    public record ReceiptEntry(ReceiptId id, BudgetItemId budgetItem, ReceiptName fileName, ReceiptType type,
                               long sizeBytes, String sha256) {

        public ReceiptEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(budgetItem, "budgetItem");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(type, "type");
            if (sizeBytes < 1) {
                throw new InvalidValue("size_bytes", "size_bytes must be at least 1");
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new InvalidValue("sha256", "sha256 must be 64 lower-case hex digits");
            }
        }

        public static ReceiptEntry of(Receipt receipt) {
            return new ReceiptEntry(receipt.id(), receipt.budgetItem(), receipt.fileName(), receipt.type(),
                    receipt.sizeBytes(), receipt.sha256());
        }
    }
}
