package eu.heapzilla.eventa.ports.service;

import static eu.heapzilla.eventa.ports.service.EventWorld.assertChange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetSummary;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.error.TooLarge;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.TrackBudget;
import eu.heapzilla.eventa.ports.in.TrackBudget.BudgetLine;
import eu.heapzilla.eventa.ports.in.TrackBudget.Upload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BudgetTrackingTest {

    private final EventWorld world = new EventWorld();
    private final TrackBudget budget = world.useCases.trackBudget();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");
    private final UserId vic = world.join(olga, wedding, "Vic", Role.VIEWER);

    private static Upload pdf(String name, String text) {
        return new Upload(name, ReceiptType.PDF, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private BudgetLine flowers() {
        return budget.addItem(olga, wedding, BudgetItemDetails.of("Flowers", "Bouquets"));
    }

    @Test
    void receiptsAreStoredWithTheirDigestAndReadBackByteForByte() throws Exception {
        BudgetLine item = flowers();
        List<Receipt> added = budget.attachReceipts(olga, wedding, item.item().id(),
                List.of(pdf("a.pdf", "%PDF-1.4 first"), pdf("../b.pdf", "%PDF-1.4 second")));
        assertEquals(2, added.size());
        assertEquals("b.pdf", added.get(1).fileName().value());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("%PDF-1.4 first".getBytes(StandardCharsets.UTF_8))), added.get(0).sha256());
        assertChange(world.lastChange(wedding), world.log(wedding).size(), EntityType.RECEIPT, added.get(1).id().toString(),
                ChangeOp.CREATED, 1, olga);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        budget.receipt(vic, wedding, added.get(0).id()).content().writeTo(out);
        assertArrayEquals("%PDF-1.4 first".getBytes(StandardCharsets.UTF_8), out.toByteArray());
        assertEquals(java.util.Set.copyOf(added), java.util.Set.copyOf(budget.item(vic, wedding, item.item().id()).receipts()));
    }

    @Test
    void whenOneUploadFailsNoneIsKept() {
        BudgetLine item = flowers();
        int logged = world.log(wedding).size();
        InputStream failing = new InputStream() {
            private int left = 100;

            @Override
            public int read() {
                if (left-- == 0) {
                    throw new TooLarge("file is too large", 100);
                }
                return 'x';
            }
        };
        assertThrows(TooLarge.class, () -> budget.attachReceipts(olga, wedding, item.item().id(),
                List.of(pdf("a.pdf", "%PDF-1.4 fine"), new Upload("b.pdf", ReceiptType.PDF, failing))));
        assertEquals(List.of(), budget.item(olga, wedding, item.item().id()).receipts());
        assertEquals(0, world.adapters.blobStore.size());
        assertEquals(logged, world.log(wedding).size());
    }

    @Test
    void anItemKeepsAtMostTenReceipts() {
        BudgetLine item = flowers();
        List<Upload> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(pdf(i + ".pdf", "%PDF " + i));
        }
        budget.attachReceipts(olga, wedding, item.item().id(), nine);
        Conflict refused = assertThrows(Conflict.class, () -> budget.attachReceipts(olga, wedding, item.item().id(),
                List.of(pdf("10.pdf", "%PDF 10"), pdf("11.pdf", "%PDF 11"))));
        assertEquals("limit_reached", refused.errorCode());
        assertEquals(9, budget.item(olga, wedding, item.item().id()).receipts().size());
        budget.attachReceipts(olga, wedding, item.item().id(), List.of(pdf("10.pdf", "%PDF 10")));
        assertEquals(10, budget.item(olga, wedding, item.item().id()).receipts().size());
    }

    @Test
    void deletingAnItemDeletesItsReceiptsBytesAndAll() {
        BudgetLine item = flowers();
        List<Receipt> added = budget.attachReceipts(olga, wedding, item.item().id(), List.of(pdf("a.pdf", "%PDF a")));
        budget.deleteItem(olga, wedding, item.item().id(), 1);
        assertEquals(0, world.adapters.blobStore.size());
        assertThrows(NotFound.class, () -> budget.receipt(olga, wedding, added.get(0).id()));
        List<EntityType> last = world.log(wedding).subList(world.log(wedding).size() - 2, world.log(wedding).size())
                .stream().map(c -> c.entityType()).toList();
        assertEquals(List.of(EntityType.RECEIPT, EntityType.BUDGET_ITEM), last);
    }

    @Test
    void deletingTheEventDeletesTheBytesOfItsReceipts() {
        BudgetLine item = flowers();
        budget.attachReceipts(olga, wedding, item.item().id(), List.of(pdf("a.pdf", "%PDF a"), pdf("b.pdf", "%PDF b")));
        world.useCases.planEvents().delete(olga, wedding);
        assertEquals(0, world.adapters.blobStore.size());
    }

    @Test
    void aViewerReadsReceiptsButCannotAddOrDeleteThem() throws IOException {
        BudgetLine item = flowers();
        Receipt receipt = budget.attachReceipts(olga, wedding, item.item().id(), List.of(pdf("a.pdf", "%PDF a"))).get(0);
        assertThrows(eu.heapzilla.eventa.domain.error.Forbidden.class,
                () -> budget.attachReceipts(vic, wedding, item.item().id(), List.of(pdf("b.pdf", "%PDF b"))));
        assertThrows(eu.heapzilla.eventa.domain.error.Forbidden.class, () -> budget.deleteReceipt(vic, wedding, receipt.id()));
        budget.receipt(vic, wedding, receipt.id()).content().writeTo(new ByteArrayOutputStream());
        assertThrows(NotFound.class, () -> budget.receipt(world.user("Stranger"), wedding, receipt.id()));
    }

    @Test
    void whetherSomeoneMayAttachIsKnownBeforeAnyFileIsRead() {
        BudgetLine item = flowers();
        budget.checkMayAttach(olga, wedding, item.item().id());
        assertThrows(eu.heapzilla.eventa.domain.error.Forbidden.class,
                () -> budget.checkMayAttach(vic, wedding, item.item().id()));
        assertThrows(NotFound.class, () -> budget.checkMayAttach(world.user("Stranger"), wedding, item.item().id()));
        assertThrows(NotFound.class, () -> budget.checkMayAttach(olga, wedding,
                eu.heapzilla.eventa.domain.budget.BudgetItemId.random()));
    }

    @Test
    void theSummaryIsInTheEventsCurrencyAgainstItsPlan() {
        world.useCases.planEvents().edit(olga, wedding, 1, EventEdit.none()
                .withCurrency(java.util.Currency.getInstance("CHF")).withPlannedBudgetCents(OptionalLong.of(100_000)));
        budget.addItem(olga, wedding, BudgetItemDetails.of("Venue", "Hall").edited(
                BudgetItemDetails.Edit.none().withEstimatedCents(120_000)));
        BudgetSummary summary = budget.summary(vic, wedding);
        assertEquals("CHF", summary.currency().getCurrencyCode());
        assertEquals(-20_000, summary.remaining().orElseThrow().minorUnits());
        assertEquals("CHF", budget.items(vic, wedding).get(0).currency().getCurrencyCode());
        assertEquals(Collections.emptyList(), budget.items(vic, wedding).get(0).receipts());
    }
}
