package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.EVENTS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.PUSH_WINDOWS;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.PushWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.impl.DSL;

/**
 * {@link PushWindows} in the {@code push_windows} table, one row per person and event. Opening
 * is one upsert that replaces the row only when its window has passed: of two transactions
 * opening the same pair at once, the second waits for the first's row and then finds its window
 * open, so only one is told yes.
 */
final class PostgresPushWindows implements PushWindows {

    private final JooqTransactions transactions;

    PostgresPushWindows(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * {@inheritDoc} A window for an event that is gone is not opened (false), so that a fan-out
     * running after its event was deleted does not fail on the reference.
     */
    @Override
    public boolean open(UserId user, EventId event, Instant now, Duration window) {
        OffsetDateTime at = toOffset(now);
        return transactions.dsl().insertInto(PUSH_WINDOWS, PUSH_WINDOWS.USER_ID, PUSH_WINDOWS.EVENT_ID, PUSH_WINDOWS.OPENED_AT)
                .select(DSL.select(DSL.val(user.value()), DSL.val(event.value()), DSL.val(at))
                        .whereExists(DSL.selectOne().from(EVENTS).where(EVENTS.ID.eq(event.value()))))
                .onConflict(PUSH_WINDOWS.USER_ID, PUSH_WINDOWS.EVENT_ID)
                .doUpdate()
                .set(PUSH_WINDOWS.OPENED_AT, at)
                .where(PUSH_WINDOWS.OPENED_AT.le(toOffset(now.minus(window))))
                .execute() == 1;
    }

    @Override
    public int deleteOpenedBefore(Instant cutoff) {
        return transactions.dsl().deleteFrom(PUSH_WINDOWS).where(PUSH_WINDOWS.OPENED_AT.lt(toOffset(cutoff))).execute();
    }
}
