package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.longestLine;
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
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Receipts;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Receipts} implementation must do, with the {@link BudgetItems} they belong
 * to: a receipt belongs to an item of its own event and goes when that item goes.
 */
public abstract class ReceiptsContract {

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

    private BudgetItem storedItem(Event event) {
        BudgetItem item = BudgetItem.create(BudgetItemId.random(), event.id(), BudgetItemDetails.of("Venue", "Castle"),
                event.createdBy(), T0);
        budgetItems().add(item);
        return item;
    }

    private Receipt newReceipt(BudgetItem item, ReceiptId id, long secondsAfterT0) {
        return new Receipt(id, item.event(), item.id(), new ReceiptName("bill.pdf"), ReceiptType.PDF, 1234,
                randomSha256(), T0.plusSeconds(secondsAfterT0), item.revision().createdBy());
    }

    private Receipt stored(BudgetItem item, ReceiptId id, long secondsAfterT0) {
        Receipt receipt = newReceipt(item, id, secondsAfterT0);
        receipts().add(receipt);
        return receipt;
    }

    private Receipt stored(BudgetItem item) {
        return stored(item, ReceiptId.random(), 0);
    }

    @Test
    void storesAReceiptOfEveryTypeAndReadsItBack() {
        Event event = storedEvent();
        BudgetItem item = storedItem(event);
        User uploader = storedUser();
        for (ReceiptType type : ReceiptType.values()) {
            Receipt receipt = new Receipt(ReceiptId.random(), event.id(), item.id(),
                    ReceiptName.of("C:\\Users\\Jörg\\Rechnung für Blumen 💐." + type.extension(), type), type,
                    1 + type.ordinal(), randomSha256(), T0.plusSeconds(60).plusMillis(333), uploader.id());
            receipts().add(receipt);
            assertEquals(Optional.of(receipt), receipts().byId(event.id(), receipt.id()));
        }
        assertEquals(ReceiptType.values().length, receipts().ofItem(event.id(), item.id()).size());
    }

    @Test
    void storesTheLongestFileNameAndAReceiptOfManyGigabytes() {
        Event event = storedEvent();
        BudgetItem item = storedItem(event);
        Receipt receipt = new Receipt(ReceiptId.random(), event.id(), item.id(), new ReceiptName(longestLine(
                ReceiptName.MAX_LENGTH)), ReceiptType.HEIC, 10L * 1024 * 1024 * 1024, randomSha256(), T0,
                event.createdBy());

        receipts().add(receipt);

        assertEquals(Optional.of(receipt), receipts().byId(event.id(), receipt.id()));
    }

    @Test
    void findsAReceiptOnlyThroughItsOwnEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        BudgetItem item = storedItem(event);
        Receipt receipt = stored(item);

        assertTrue(receipts().byId(other.id(), receipt.id()).isEmpty());
        assertTrue(receipts().byId(EventId.random(), receipt.id()).isEmpty());
        assertTrue(receipts().byId(event.id(), ReceiptId.random()).isEmpty());
        assertEquals(List.of(), receipts().ofEvent(other.id()));
        assertEquals(List.of(), receipts().ofItem(other.id(), item.id()));
        assertEquals(List.of(), receipts().ofItem(event.id(), BudgetItemId.random()));
    }

    @Test
    void refusesASecondReceiptWithTheSameIdAndLeavesTheTransactionUsable() {
        Event event = storedEvent();
        BudgetItem item = storedItem(event);
        Receipt first = stored(item);
        Receipt twin = newReceipt(storedItem(event), first.id(), 5);
        Receipt next = newReceipt(item, ReceiptId.random(), 1);

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> receipts().add(twin));
            receipts().add(next);
        });

        assertEquals(Optional.of(first), receipts().byId(event.id(), first.id()));
        assertEquals(List.of(first, next), receipts().ofItem(event.id(), item.id()));
        assertEquals(List.of(), receipts().ofItem(event.id(), twin.budgetItem()));
    }

    @Test
    void refusesAReceiptOfAnItemThatIsNotOneOfItsEventAndLeavesTheTransactionUsable() {
        Event event = storedEvent();
        Event other = storedEvent();
        BudgetItem here = storedItem(event);
        BudgetItem elsewhere = storedItem(other);
        Receipt ofOtherEventsItem = new Receipt(ReceiptId.random(), event.id(), elsewhere.id(), new ReceiptName("a.pdf"),
                ReceiptType.PDF, 1, randomSha256(), T0, event.createdBy());
        Receipt ofNoItem = new Receipt(ReceiptId.random(), event.id(), BudgetItemId.random(), new ReceiptName("b.pdf"),
                ReceiptType.PDF, 1, randomSha256(), T0, event.createdBy());
        Receipt fine = newReceipt(here, ReceiptId.random(), 0);

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> receipts().add(ofOtherEventsItem));
            assertThrows(IllegalStateException.class, () -> receipts().add(ofNoItem));
            receipts().add(fine);
        });

        assertTrue(receipts().byId(event.id(), ofOtherEventsItem.id()).isEmpty());
        assertTrue(receipts().byId(event.id(), ofNoItem.id()).isEmpty());
        assertEquals(List.of(), receipts().ofEvent(other.id()));
        assertEquals(List.of(fine), receipts().ofEvent(event.id()));
    }

    @Test
    void listsReceiptsEarliestAddedFirstThenByIdForTheItemAndForTheEvent() {
        Event event = storedEvent();
        BudgetItem first = storedItem(event);
        BudgetItem second = storedItem(event);
        Receipt late = stored(first, ReceiptId.random(), 10);
        Receipt tiedHigh = stored(second, new ReceiptId(uuidStartingWith('f')), 5);
        Receipt early = stored(second, ReceiptId.random(), 0);
        Receipt tiedLow = stored(first, new ReceiptId(uuidStartingWith('1')), 5);
        stored(storedItem(storedEvent()), ReceiptId.random(), 1);

        assertEquals(List.of(early, tiedLow, tiedHigh, late), receipts().ofEvent(event.id()));
        assertEquals(List.of(tiedLow, late), receipts().ofItem(event.id(), first.id()));
        assertEquals(List.of(early, tiedHigh), receipts().ofItem(event.id(), second.id()));
    }

    @Test
    void removesAReceiptOnlyThroughItsOwnEventAndSaysWhetherThereWasOne() {
        Event event = storedEvent();
        Event other = storedEvent();
        BudgetItem item = storedItem(event);
        Receipt removed = stored(item);
        Receipt kept = stored(item, ReceiptId.random(), 1);

        assertFalse(receipts().remove(other.id(), removed.id()));
        assertEquals(Optional.of(removed), receipts().byId(event.id(), removed.id()));

        assertTrue(receipts().remove(event.id(), removed.id()));
        assertFalse(receipts().remove(event.id(), removed.id()));
        assertFalse(receipts().remove(event.id(), ReceiptId.random()));

        assertEquals(List.of(kept), receipts().ofItem(event.id(), item.id()));
        assertEquals(List.of(item), budgetItems().ofEvent(event.id()));
    }

    @Test
    void removingTheItemRemovesItsReceiptsOnly() {
        Event event = storedEvent();
        BudgetItem removed = storedItem(event);
        BudgetItem kept = storedItem(event);
        Receipt gone = stored(removed);
        Receipt stays = stored(kept);

        assertTrue(budgetItems().remove(event.id(), removed.id()));

        assertTrue(receipts().byId(event.id(), gone.id()).isEmpty());
        assertEquals(List.of(), receipts().ofItem(event.id(), removed.id()));
        assertEquals(List.of(stays), receipts().ofEvent(event.id()));
    }

    @Test
    void removingAnEventRemovesItsReceiptsOnly() {
        Event removed = storedEvent();
        Event kept = storedEvent();
        Receipt gone = stored(storedItem(removed));
        Receipt stays = stored(storedItem(kept));

        events().remove(removed.id());

        assertTrue(receipts().byId(removed.id(), gone.id()).isEmpty());
        assertEquals(List.of(), receipts().ofEvent(removed.id()));
        assertEquals(List.of(stays), receipts().ofEvent(kept.id()));
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        Event event = storedEvent();
        BudgetItem item = storedItem(event);
        Receipt kept = stored(item);
        Receipt removed = stored(item, ReceiptId.random(), 1);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            receipts().add(newReceipt(item, ReceiptId.random(), 2));
            receipts().remove(event.id(), removed.id());
            throw new IllegalStateException("the work fails");
        }));

        assertEquals(List.of(kept, removed), receipts().ofItem(event.id(), item.id()));
    }
}
