package eu.heapzilla.eventa.domain.budget;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file kept for a budget item — a photo of a bill, a PDF invoice — described by its
 * metadata; the bytes live in a blob store. A receipt never changes: it is added and deleted.
 *
 * @param sha256 the SHA-256 of the bytes, 64 lower-case hex digits
 */
public record Receipt(ReceiptId id, EventId event, BudgetItemId budgetItem, ReceiptName fileName, ReceiptType type,
                      long sizeBytes, String sha256, Instant createdAt, UserId createdBy) {

    /** How many receipts one budget item may have. */
    public static final int MAX_PER_ITEM = 10;
    /** Receipts are never edited: every receipt is at version 1 until it is deleted. */
    public static final long VERSION = 1;

    public Receipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(budgetItem, "budgetItem");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("a receipt has at least one byte");
        }
        if (sha256 == null || sha256.length() != 64 || !sha256.equals(sha256.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        HexFormat.of().parseHex(sha256);
    }
}
