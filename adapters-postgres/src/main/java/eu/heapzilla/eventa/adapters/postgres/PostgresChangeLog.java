package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.CHANGE_LOG;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.ChangeLogRecord;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The change log in one table, with the live connection each change came through. Appending
 * announces nothing: the writer announces the last seq on the {@link PostgresChangeBus}.
 */
final class PostgresChangeLog implements ChangeLog {

    private final JooqTransactions transactions;

    PostgresChangeLog(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(Change change) {
        int inserted = transactions.dsl().insertInto(CHANGE_LOG)
                .set(CHANGE_LOG.EVENT_ID, change.event().value())
                .set(CHANGE_LOG.SEQ, change.seq())
                .set(CHANGE_LOG.ENTITY_TYPE, change.entityType().wireName())
                .set(CHANGE_LOG.ENTITY_ID, change.entityId())
                .set(CHANGE_LOG.OP, change.op().wireName())
                .set(CHANGE_LOG.VERSION, change.version())
                .set(CHANGE_LOG.ACTOR_ID, change.actor().value())
                .set(CHANGE_LOG.AT, toOffset(change.at()))
                .set(CHANGE_LOG.ORIGIN, change.origin().map(ConnectionId::value).orElse(null))
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            throw new IllegalStateException("event " + change.event() + " already has a change with seq " + change.seq());
        }
    }

    @Override
    public List<Change> after(EventId event, long since, int limit) {
        return transactions.dsl().selectFrom(CHANGE_LOG)
                .where(CHANGE_LOG.EVENT_ID.eq(event.value()), CHANGE_LOG.SEQ.gt(since))
                .orderBy(CHANGE_LOG.SEQ)
                .limit(limit)
                .fetch(PostgresChangeLog::toChange);
    }

    private static Change toChange(ChangeLogRecord r) {
        return new Change(new EventId(r.getEventId()), r.getSeq(), EntityType.valueOf(r.getEntityType().toUpperCase(Locale.ROOT)),
                r.getEntityId(), ChangeOp.valueOf(r.getOp().toUpperCase(Locale.ROOT)), r.getVersion(),
                new UserId(r.getActorId()), r.getAt().toInstant(), Optional.ofNullable(r.getOrigin()).map(ConnectionId::new));
    }
}
