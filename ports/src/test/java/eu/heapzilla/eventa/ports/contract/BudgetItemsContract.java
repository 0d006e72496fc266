package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.firstRevision;
import static eu.heapzilla.eventa.ports.contract.Fixtures.fullBudgetItemDetails;
import static eu.heapzilla.eventa.ports.contract.Fixtures.laterRevision;
import static eu.heapzilla.eventa.ports.contract.Fixtures.longestLine;
import static eu.heapzilla.eventa.ports.contract.Fixtures.longestText;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.randomSha256;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uuidStartingWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.budget.ReceiptName;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Receipts;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BudgetItems} implementation must do, with the {@link Receipts} whose
 * metadata goes when their item goes.
 */
public abstract class BudgetItemsContract {

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract BudgetItems budgetItems();

    protected abstract Receipts receipts();

    private User storedUser() {
        return users().addOrGet(newUser());
    }

    private Event storedEvent() {
        return Fixtures.storedEvent(users(), events());
    }

    private BudgetItem stored(Event event, BudgetItemId id, String title, long secondsAfterT0) {
        BudgetItem item = new BudgetItem(id, event.id(), BudgetItemDetails.of("Venue", title),
                firstRevision(event.createdBy(), secondsAfterT0));
        budgetItems().add(item);
        return item;
    }

    private BudgetItem stored(Event event) {
        return stored(event, BudgetItemId.random(), "Castle", 0);
    }

    private Receipt storedReceipt(BudgetItem item) {
        Receipt receipt = new Receipt(ReceiptId.random(), item.event(), item.id(), new ReceiptName("bill.pdf"),
                ReceiptType.PDF, 1234, randomSha256(), T0, item.revision().createdBy());
        receipts().add(receipt);
        return receipt;
    }

    @Test
    void storesAnItemWithEveryFieldSetAndReadsItBack() {
        Event event = storedEvent();
        BudgetItem item = new BudgetItem(BudgetItemId.random(), event.id(), fullBudgetItemDetails(),
                laterRevision(11, event.createdBy(), storedUser().id()));

        budgetItems().add(item);

        assertEquals(Optional.of(item), budgetItems().byId(event.id(), item.id()));
    }

    @Test
    void storesAnItemWithNothingButCategoryAndTitleAndReadsItBack() {
        Event event = storedEvent();
        BudgetItem item = stored(event);

        BudgetItem read = budgetItems().byId(event.id(), item.id()).orElseThrow();

        assertEquals(item, read);
        BudgetItemDetails details = read.details();
        assertTrue(details.vendor().isEmpty());
        assertEquals(0, details.estimatedCents());
        assertEquals(OptionalLong.empty(), details.actualCents());
        assertEquals(0, details.paidCents());
        assertTrue(details.dueOn().isEmpty());
        assertTrue(details.notes().isEmpty());
    }

    @Test
    void keepsAnUnknownActualAmountApartFromAnActualAmountOfZero() {
        Event event = storedEvent();
        BudgetItem unknown = storedWithActual(event, OptionalLong.empty());
        BudgetItem zero = storedWithActual(event, OptionalLong.of(0));

        BudgetItemDetails readUnknown = budgetItems().byId(event.id(), unknown.id()).orElseThrow().details();
        BudgetItemDetails readZero = budgetItems().byId(event.id(), zero.id()).orElseThrow().details();
        assertEquals(OptionalLong.empty(), readUnknown.actualCents());
        assertEquals(5_000, readUnknown.expectedCents(), "an unknown actual amount leaves the estimate expected");
        assertEquals(OptionalLong.of(0), readZero.actualCents());
        assertEquals(0, readZero.expectedCents(), "an actual amount of zero is what it cost");
    }

    private BudgetItem storedWithActual(Event event, OptionalLong actualCents) {
        BudgetItem item = BudgetItem.create(BudgetItemId.random(), event.id(), new BudgetItemDetails("Venue", "Garden",
                Optional.empty(), 5_000, actualCents, 0, Optional.empty(), Optional.empty()), event.createdBy(), T0);
        budgetItems().add(item);
        return item;
    }

    @Test
    void storesTheLongestTextsLargestAmountsAndEarliestAndLatestDueDates() {
        Event event = storedEvent();
        long max = BudgetItemDetails.MAX_AMOUNT_CENTS;
        for (LocalDate due : List.of(BudgetItemDetails.EARLIEST_DUE, BudgetItemDetails.LATEST_DUE)) {
            BudgetItemDetails longest = new BudgetItemDetails(longestLine(BudgetItemDetails.MAX_CATEGORY),
                    longestLine(BudgetItemDetails.MAX_TITLE), Optional.of(longestLine(BudgetItemDetails.MAX_VENDOR)),
                    max, OptionalLong.of(max), max, Optional.of(due), Optional.of(longestText(BudgetItemDetails.MAX_NOTES)));
            BudgetItem item = BudgetItem.create(BudgetItemId.random(), event.id(), longest, event.createdBy(), T0);
            budgetItems().add(item);
            assertEquals(Optional.of(item), budgetItems().byId(event.id(), item.id()));
        }
    }

    @Test
    void findsAnItemOnlyThroughItsOwnEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        BudgetItem item = stored(event);

        assertTrue(budgetItems().byId(other.id(), item.id()).isEmpty());
        assertTrue(budgetItems().byId(EventId.random(), item.id()).isEmpty());
        assertTrue(budgetItems().byId(event.id(), BudgetItemId.random()).isEmpty());
        assertEquals(List.of(), budgetItems().ofEvent(other.id()));
        assertEquals(0, budgetItems().count(other.id()));
    }

    @Test
    void refusesASecondItemWithTheSameIdOrOfAnUnknownEventAndLeavesTheTransactionUsable() {
        Event event = storedEvent();
        Event other = storedEvent();
        BudgetItem first = stored(event);
        BudgetItem twinThere = new BudgetItem(first.id(), other.id(), BudgetItemDetails.of("Food", "Twin"),
                firstRevision(other.createdBy(), 3));
        BudgetItem ofNoEvent = BudgetItem.create(BudgetItemId.random(), EventId.random(), BudgetItemDetails.of("Food", "Lost"),
                event.createdBy(), T0);
        BudgetItem next = BudgetItem.create(BudgetItemId.random(), event.id(), BudgetItemDetails.of("Food", "Cake"),
                event.createdBy(), T0.plusSeconds(1));

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> budgetItems().add(first));
            assertThrows(IllegalStateException.class, () -> budgetItems().add(twinThere));
            assertThrows(IllegalStateException.class, () -> budgetItems().add(ofNoEvent));
            budgetItems().add(next);
        });

        assertEquals(List.of(first, next), budgetItems().ofEvent(event.id()));
        assertEquals(List.of(), budgetItems().ofEvent(other.id()));
        assertTrue(budgetItems().byId(ofNoEvent.event(), ofNoEvent.id()).isEmpty());
    }

    @Test
    void listsAnEventsItemsEarliestCreatedFirstThenById() {
        Event event = storedEvent();
        BudgetItem late = stored(event, BudgetItemId.random(), "Late", 10);
        BudgetItem tiedHigh = stored(event, new BudgetItemId(uuidStartingWith('f')), "Tied high", 5);
        BudgetItem early = stored(event, BudgetItemId.random(), "Early", 0);
        BudgetItem tiedLow = stored(event, new BudgetItemId(uuidStartingWith('1')), "Tied low", 5);
        stored(storedEvent(), BudgetItemId.random(), "Elsewhere", 1);
        BudgetItem edited = new BudgetItem(early.id(), event.id(), fullBudgetItemDetails(),
                early.revision().next(event.createdBy(), T0.plusSeconds(99)));
        budgetItems().update(edited);

        assertEquals(List.of(edited, tiedLow, tiedHigh, late), budgetItems().ofEvent(event.id()));
    }

    @Test
    void countsTheItemsOfOneEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        stored(event);
        stored(event);
        stored(other);

        assertEquals(2, budgetItems().count(event.id()));
        assertEquals(1, budgetItems().count(other.id()));
    }

    @Test
    void updatesDetailsAndRevisionButNotTheCreation() {
        Event event = storedEvent();
        User editor = storedUser();
        BudgetItem item = stored(event);
        Revision claimed = new Revision(3, T0.plusSeconds(999), storedUser().id(), T0.plusSeconds(60), editor.id());

        budgetItems().update(new BudgetItem(item.id(), event.id(), fullBudgetItemDetails(), claimed));

        BudgetItem read = budgetItems().byId(event.id(), item.id()).orElseThrow();
        assertEquals(fullBudgetItemDetails(), read.details());
        assertEquals(new Revision(3, item.revision().createdAt(), item.revision().createdBy(), T0.plusSeconds(60),
                editor.id()), read.revision());
    }

    @Test
    void anUpdateSetsAndClearsTheActualAmountAndClearsEmptyFields() {
        Event event = storedEvent();
        BudgetItem item = BudgetItem.create(BudgetItemId.random(), event.id(), fullBudgetItemDetails(), event.createdBy(),
                T0);
        budgetItems().add(item);
        BudgetItem zero = item.edited(1, BudgetItemDetails.Edit.none().withActualCents(OptionalLong.of(0)),
                event.createdBy(), T0.plusSeconds(1));
        BudgetItem cleared = new BudgetItem(item.id(), event.id(), BudgetItemDetails.of("Venue", "Just a title"),
                zero.revision().next(event.createdBy(), T0.plusSeconds(2)));

        budgetItems().update(zero);
        assertEquals(Optional.of(zero), budgetItems().byId(event.id(), item.id()));
        assertEquals(OptionalLong.of(0), budgetItems().byId(event.id(), item.id()).orElseThrow().details().actualCents());

        budgetItems().update(cleared);
        assertEquals(Optional.of(cleared), budgetItems().byId(event.id(), item.id()));
    }

    @Test
    void cannotUpdateAnItemThroughAnotherEventOrOneThatDoesNotExist() {
        Event event = storedEvent();
        Event other = storedEvent();
        BudgetItem item = stored(event);
        Revision next = item.revision().next(event.createdBy(), T0.plusSeconds(1));

        assertThrows(NotFound.class, () -> budgetItems().update(
                new BudgetItem(item.id(), other.id(), BudgetItemDetails.of("Venue", "Hijacked"), next)));
        assertThrows(NotFound.class, () -> budgetItems().update(
                new BudgetItem(BudgetItemId.random(), event.id(), BudgetItemDetails.of("Venue", "Nothing"), next)));

        assertEquals(List.of(item), budgetItems().ofEvent(event.id()));
        assertEquals(List.of(), budgetItems().ofEvent(other.id()));
    }

    @Test
    void removesAnItemWithItsReceiptsMetadataOnlyThroughItsOwnEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        BudgetItem removed = stored(event);
        BudgetItem kept = stored(event, BudgetItemId.random(), "Kept", 1);
        Receipt goneFirst = storedReceipt(removed);
        Receipt goneSecond = storedReceipt(removed);
        Receipt stays = storedReceipt(kept);

        assertFalse(budgetItems().remove(other.id(), removed.id()));
        assertEquals(Optional.of(goneFirst), receipts().byId(event.id(), goneFirst.id()));

        assertTrue(budgetItems().remove(event.id(), removed.id()));
        assertFalse(budgetItems().remove(event.id(), removed.id()));
        assertFalse(budgetItems().remove(event.id(), BudgetItemId.random()));

        assertTrue(budgetItems().byId(event.id(), removed.id()).isEmpty());
        assertEquals(List.of(kept), budgetItems().ofEvent(event.id()));
        assertEquals(List.of(), receipts().ofItem(event.id(), removed.id()));
        assertTrue(receipts().byId(event.id(), goneFirst.id()).isEmpty());
        assertTrue(receipts().byId(event.id(), goneSecond.id()).isEmpty());
        assertEquals(List.of(stays), receipts().ofEvent(event.id()));
    }

    @Test
    void removingAnEventRemovesItsItemsAndReceiptsOnly() {
        Event removed = storedEvent();
        Event kept = storedEvent();
        BudgetItem gone = stored(removed);
        Receipt goneReceipt = storedReceipt(gone);
        BudgetItem stays = stored(kept);
        Receipt staysReceipt = storedReceipt(stays);

        events().remove(removed.id());

        assertEquals(List.of(), budgetItems().ofEvent(removed.id()));
        assertEquals(0, budgetItems().count(removed.id()));
        assertTrue(receipts().byId(removed.id(), goneReceipt.id()).isEmpty());
        assertEquals(List.of(), receipts().ofEvent(removed.id()));
        assertEquals(List.of(stays), budgetItems().ofEvent(kept.id()));
        assertEquals(List.of(staysReceipt), receipts().ofEvent(kept.id()));
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        Event event = storedEvent();
        BudgetItem kept = stored(event);
        BudgetItem removed = stored(event, BudgetItemId.random(), "Removed", 1);
        Receipt receipt = storedReceipt(removed);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            budgetItems().add(BudgetItem.create(BudgetItemId.random(), event.id(), BudgetItemDetails.of("Food", "Added"),
                    event.createdBy(), T0));
            budgetItems().update(new BudgetItem(kept.id(), event.id(), fullBudgetItemDetails(),
                    kept.revision().next(event.createdBy(), T0.plusSeconds(5))));
            budgetItems().remove(event.id(), removed.id());
            throw new IllegalStateException("the work fails");
        }));

        assertEquals(List.of(kept, removed), budgetItems().ofEvent(event.id()));
        assertEquals(List.of(receipt), receipts().ofItem(event.id(), removed.id()));
    }
}
