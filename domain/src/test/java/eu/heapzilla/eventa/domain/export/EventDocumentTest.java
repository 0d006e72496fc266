package eu.heapzilla.eventa.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import eu.heapzilla.eventa.domain.export.EventDocument.BudgetItemEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.GuestEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.HouseholdEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.MemberEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.ReceiptEntry;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventDocumentTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final UserId JANE = new UserId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private final Event event = Event.plan(EventId.random(), EventBrief.titled("Jane's wedding"), JANE, NOW);

    /**
     * Ids whose text order differs from {@link UUID#compareTo} (which compares signed longs: an id
     * starting with 8–f sorts before one starting with 0–7), so a test can tell the two orders apart.
     */
    private static final List<String> ID_TEXTS = List.of(
            "f0000000-0000-4000-8000-000000000000", "00000000-0000-4000-8000-00000000000a",
            "80000000-0000-4000-8000-000000000000", "7fffffff-ffff-4fff-bfff-ffffffffffff",
            "0000000a-0000-4000-8000-000000000000", "a0000000-0000-4000-8000-000000000000",
            "10000000-0000-4000-8000-000000000000");

    @Test
    void theSchemaVersionIsOne() {
        assertEquals(1, EventDocument.SCHEMA_VERSION);
        assertEquals(1, document(0).schemaVersion());
    }

    @Test
    void anyOtherSchemaVersionIsRefusedNamingTheField() {
        EventDocument valid = document(0);
        for (int version : new int[] {0, 2, -1}) {
            InvalidValue refused = assertThrows(InvalidValue.class, () -> new EventDocument(version, 0, valid.event(),
                    valid.brief(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
            assertEquals("schema_version", refused.field());
        }
    }

    @Test
    void everyListIsInTheTextOrderOfItsIdsWhateverOrderItCameIn() {
        EventDocument document = document(0);

        assertSortedByIdText(document.members(), m -> m.user().value());
        assertSortedByIdText(document.households(), h -> h.id().value());
        assertSortedByIdText(document.guests(), g -> g.id().value());
        assertSortedByIdText(document.tasks(), t -> t.id().value());
        assertSortedByIdText(document.budgetItems(), b -> b.id().value());
        assertSortedByIdText(document.receipts(), r -> r.id().value());
        assertEquals(ID_TEXTS.size(), document.households().size());
        assertEquals("00000000-0000-4000-8000-00000000000a", document.households().get(0).id().toString());
        assertEquals("f0000000-0000-4000-8000-000000000000",
                document.households().get(document.households().size() - 1).id().toString());
    }

    @Test
    void shufflingTheInputNeverChangesTheDocument() {
        EventDocument first = document(0);
        for (long seed = 1; seed <= 50; seed++) {
            assertEquals(first, document(seed), "shuffled with seed " + seed);
        }
    }

    @Test
    void aDifferentStateGivesADifferentDocument() {
        EventDocument before = document(0);
        EventDocument later = new EventDocument(1, before.cursor() + 1, before.event(), before.brief(), before.members(),
                before.households(), before.guests(), before.tasks(), before.budgetItems(), before.receipts());
        assertNotEquals(before, later);
    }

    @Test
    void anIdTwiceInOneListIsRefusedSoTheOrderIsTotal() {
        HouseholdEntry one = new HouseholdEntry(HouseholdId.random(), HouseholdDetails.named("The Müllers"));
        HouseholdEntry again = new HouseholdEntry(one.id(), HouseholdDetails.named("The Meiers"));
        InvalidValue refused = assertThrows(InvalidValue.class,
                () -> withHouseholdsAndGuests(List.of(one, again), List.of()));
        assertEquals("households[1].id", refused.field());

        MemberEntry member = new MemberEntry(JANE, DisplayName.of("Jane"), Role.OWNER);
        InvalidValue twice = assertThrows(InvalidValue.class, () -> new EventDocument(1, 0, event.id(), event.brief(),
                List.of(member, member), List.of(), List.of(), List.of(), List.of(), List.of()));
        assertEquals("members[1].user_id", twice.field());
    }

    @Test
    void aGuestInAHouseholdTheDocumentDoesNotHoldIsRefusedNamingTheGuest() {
        HouseholdEntry household = new HouseholdEntry(HouseholdId.random(), HouseholdDetails.named("The Müllers"));
        GuestEntry fine = new GuestEntry(GuestId.random(), GuestDetails.named(household.id(), "Anna"));
        GuestEntry lost = new GuestEntry(GuestId.random(), GuestDetails.named(HouseholdId.random(), "Ben"));
        InvalidValue refused = assertThrows(InvalidValue.class,
                () -> withHouseholdsAndGuests(List.of(household), List.of(fine, lost)));
        assertEquals("guests[1].household_id", refused.field());
        withHouseholdsAndGuests(List.of(household), List.of(fine));
    }

    @Test
    void aReceiptOfABudgetItemTheDocumentDoesNotHoldIsRefused() {
        BudgetItemEntry item = new BudgetItemEntry(BudgetItemId.random(), BudgetItemDetails.of("Venue", "Hall"));
        ReceiptEntry lost = receipt(ReceiptId.random(), BudgetItemId.random());
        InvalidValue refused = assertThrows(InvalidValue.class, () -> new EventDocument(1, 0, event.id(), event.brief(),
                List.of(), List.of(), List.of(), List.of(), List.of(item), List.of(receipt(ReceiptId.random(), item.id()), lost)));
        assertEquals("receipts[1].budget_item_id", refused.field());
    }

    @Test
    void aBudgetItemHoldsAtMostTenReceipts() {
        BudgetItemEntry item = new BudgetItemEntry(BudgetItemId.random(), BudgetItemDetails.of("Venue", "Hall"));
        List<ReceiptEntry> ten = IntStream.range(0, Receipt.MAX_PER_ITEM)
                .mapToObj(i -> receipt(ReceiptId.random(), item.id())).toList();
        new EventDocument(1, 0, event.id(), event.brief(), List.of(), List.of(), List.of(), List.of(), List.of(item), ten);
        List<ReceiptEntry> eleven = new ArrayList<>(ten);
        eleven.add(receipt(ReceiptId.random(), item.id()));
        InvalidValue refused = assertThrows(InvalidValue.class, () -> new EventDocument(1, 0, event.id(), event.brief(),
                List.of(), List.of(), List.of(), List.of(), List.of(item), eleven));
        assertEquals("receipts[10].budget_item_id", refused.field());
    }

    @Test
    void theLimitsOfOneEventApplyToADocument() {
        List<HouseholdEntry> most = IntStream.range(0, Household.MAX_PER_EVENT)
                .mapToObj(i -> new HouseholdEntry(HouseholdId.random(), HouseholdDetails.named("H" + i))).toList();
        assertEquals(Household.MAX_PER_EVENT, withHouseholdsAndGuests(most, List.of()).households().size());
        List<HouseholdEntry> tooMany = new ArrayList<>(most);
        tooMany.add(new HouseholdEntry(HouseholdId.random(), HouseholdDetails.named("One more")));
        assertEquals("households", assertThrows(InvalidValue.class,
                () -> withHouseholdsAndGuests(tooMany, List.of())).field());

        HouseholdEntry household = most.get(0);
        List<GuestEntry> guests = IntStream.range(0, Guest.MAX_PER_EVENT + 1)
                .mapToObj(i -> new GuestEntry(GuestId.random(), GuestDetails.named(household.id(), "G" + i))).toList();
        assertEquals("guests", assertThrows(InvalidValue.class,
                () -> withHouseholdsAndGuests(List.of(household), guests)).field());
    }

    @Test
    void theCursorIsNeverNegative() {
        assertEquals("cursor", assertThrows(InvalidValue.class, () -> new EventDocument(1, -1, event.id(), event.brief(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of())).field());
    }

    @Test
    void receiptMetadataIsChecked() {
        BudgetItemId item = BudgetItemId.random();
        ReceiptName name = new ReceiptName("bill.pdf");
        assertEquals("size_bytes", assertThrows(InvalidValue.class,
                () -> new ReceiptEntry(ReceiptId.random(), item, name, ReceiptType.PDF, 0, "a".repeat(64))).field());
        assertEquals("sha256", assertThrows(InvalidValue.class,
                () -> new ReceiptEntry(ReceiptId.random(), item, name, ReceiptType.PDF, 1, "A".repeat(64))).field());
        assertEquals("sha256", assertThrows(InvalidValue.class,
                () -> new ReceiptEntry(ReceiptId.random(), item, name, ReceiptType.PDF, 1, "a".repeat(63))).field());
    }

    @Test
    void theFactoryRefusesThingsOfAnotherEvent() {
        Household elsewhere = Household.create(HouseholdId.random(), EventId.random(), HouseholdDetails.named("X"), JANE,
                NOW);
        assertThrows(IllegalArgumentException.class, () -> EventDocument.of(event, 0, List.of(), List.of(elsewhere),
                List.of(), List.of(), List.of(), List.of()));
    }

    /** The same state of an event, every list given in an order shuffled with {@code seed} (0: as built). */
    private EventDocument document(long seed) {
        List<MemberEntry> members = new ArrayList<>();
        List<Household> households = new ArrayList<>();
        List<Guest> guests = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<BudgetItem> items = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < ID_TEXTS.size(); i++) {
            UUID id = UUID.fromString(ID_TEXTS.get(i));
            UserId user = new UserId(id);
            members.add(new MemberEntry(user, DisplayName.of("Member " + i), i == 0 ? Role.OWNER : Role.EDITOR));
            HouseholdId household = new HouseholdId(id);
            households.add(Household.create(household, event.id(), HouseholdDetails.named("Household " + i), JANE, NOW));
            guests.add(Guest.create(new GuestId(id), event.id(),
                    GuestDetails.named(new HouseholdId(UUID.fromString(ID_TEXTS.get((i + 3) % ID_TEXTS.size()))), "Guest " + i),
                    JANE, NOW));
            tasks.add(Task.create(new TaskId(id), event.id(), TaskDetails.titled("Task " + i), JANE, NOW));
            BudgetItemId item = new BudgetItemId(id);
            items.add(BudgetItem.create(item, event.id(), BudgetItemDetails.of("Category", "Item " + i), JANE, NOW));
            receipts.add(new Receipt(new ReceiptId(id), event.id(),
                    new BudgetItemId(UUID.fromString(ID_TEXTS.get((i + 1) % ID_TEXTS.size()))),
                    new ReceiptName("receipt " + i + ".pdf"), ReceiptType.PDF, 100 + i, "0".repeat(63) + i, NOW, JANE));
        }
        if (seed != 0) {
            Random random = new Random(seed);
            Collections.shuffle(members, random);
            Collections.shuffle(households, random);
            Collections.shuffle(guests, random);
            Collections.shuffle(tasks, random);
            Collections.shuffle(items, random);
            Collections.shuffle(receipts, random);
        }
        return EventDocument.of(event, 42, members, households, guests, tasks, items, receipts);
    }

    private EventDocument withHouseholdsAndGuests(List<HouseholdEntry> households, List<GuestEntry> guests) {
        return new EventDocument(1, 0, event.id(), event.brief(), List.of(), households, guests, List.of(), List.of(),
                List.of());
    }

    private static ReceiptEntry receipt(ReceiptId id, BudgetItemId item) {
        return new ReceiptEntry(id, item, new ReceiptName("bill.pdf"), ReceiptType.PDF, 10, "b".repeat(64));
    }

    private static <T> void assertSortedByIdText(List<T> list, Function<T, UUID> id) {
        List<String> texts = list.stream().map(entry -> id.apply(entry).toString()).toList();
        List<String> sorted = new ArrayList<>(texts);
        Collections.sort(sorted);
        assertEquals(sorted, texts);
        List<UUID> byUuidCompareTo = list.stream().map(id).sorted().toList();
        assertTrue(!byUuidCompareTo.equals(list.stream().map(id).toList()),
                "the ids are chosen so that UUID.compareTo would order them differently");
    }
}
