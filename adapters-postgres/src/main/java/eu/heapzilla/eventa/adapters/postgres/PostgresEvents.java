package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.EVENTS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.EventsRecord;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Events;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalLong;

final class PostgresEvents implements Events {

    private final JooqTransactions transactions;

    PostgresEvents(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Event event) {
        EventBrief brief = event.brief();
        int inserted = transactions.dsl().insertInto(EVENTS)
                .set(EVENTS.ID, event.id().value())
                .set(EVENTS.TITLE, brief.title())
                .set(EVENTS.DATE, brief.date().orElse(null))
                .set(EVENTS.TIMEZONE, brief.timezone().getId())
                .set(EVENTS.CURRENCY, brief.currency().getCurrencyCode())
                .set(EVENTS.LOCATION, brief.location().orElse(null))
                .set(EVENTS.NOTES, brief.notes().orElse(null))
                .set(EVENTS.PLANNED_BUDGET_CENTS, budget(brief))
                .set(EVENTS.VERSION, event.version())
                .set(EVENTS.CHANGE_SEQ, 0L)
                .set(EVENTS.CREATED_AT, toOffset(event.createdAt()))
                .set(EVENTS.CREATED_BY, event.createdBy().value())
                .set(EVENTS.UPDATED_AT, toOffset(event.updatedAt()))
                .set(EVENTS.UPDATED_BY, event.updatedBy().value())
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            throw new IllegalStateException("an event with id " + event.id() + " exists");
        }
    }

    @Override
    public Optional<Event> byId(EventId id) {
        return transactions.dsl().selectFrom(EVENTS).where(EVENTS.ID.eq(id.value())).fetchOptional().map(PostgresEvents::toEvent);
    }

    @Override
    public Optional<Event> lock(EventId id) {
        return transactions.dsl().selectFrom(EVENTS)
                .where(EVENTS.ID.eq(id.value()))
                .forUpdate()
                .fetchOptional()
                .map(PostgresEvents::toEvent);
    }

    @Override
    public void update(Event event) {
        EventBrief brief = event.brief();
        int updated = transactions.dsl().update(EVENTS)
                .set(EVENTS.TITLE, brief.title())
                .set(EVENTS.DATE, brief.date().orElse(null))
                .set(EVENTS.TIMEZONE, brief.timezone().getId())
                .set(EVENTS.CURRENCY, brief.currency().getCurrencyCode())
                .set(EVENTS.LOCATION, brief.location().orElse(null))
                .set(EVENTS.NOTES, brief.notes().orElse(null))
                .set(EVENTS.PLANNED_BUDGET_CENTS, budget(brief))
                .set(EVENTS.VERSION, event.version())
                .set(EVENTS.UPDATED_AT, toOffset(event.updatedAt()))
                .set(EVENTS.UPDATED_BY, event.updatedBy().value())
                .where(EVENTS.ID.eq(event.id().value()))
                .execute();
        if (updated == 0) {
            throw new NotFound("event");
        }
    }

    @Override
    public long nextChangeSeq(EventId id) {
        return transactions.dsl().update(EVENTS)
                .set(EVENTS.CHANGE_SEQ, EVENTS.CHANGE_SEQ.plus(1L))
                .where(EVENTS.ID.eq(id.value()))
                .returning(EVENTS.CHANGE_SEQ)
                .fetchOptional()
                .map(EventsRecord::getChangeSeq)
                .orElseThrow(() -> new NotFound("event"));
    }

    @Override
    public Optional<Long> lastChangeSeq(EventId id) {
        return transactions.dsl().select(EVENTS.CHANGE_SEQ).from(EVENTS).where(EVENTS.ID.eq(id.value()))
                .fetchOptional(EVENTS.CHANGE_SEQ);
    }

    @Override
    public void remove(EventId id) {
        transactions.dsl().deleteFrom(EVENTS).where(EVENTS.ID.eq(id.value())).execute();
    }

    private static Long budget(EventBrief brief) {
        OptionalLong cents = brief.plannedBudgetCents();
        return cents.isPresent() ? cents.getAsLong() : null;
    }

    private static Event toEvent(EventsRecord r) {
        Long cents = r.getPlannedBudgetCents();
        EventBrief brief = new EventBrief(r.getTitle(), Optional.ofNullable(r.getDate()), ZoneId.of(r.getTimezone()),
                Currency.getInstance(r.getCurrency()), Optional.ofNullable(r.getLocation()), Optional.ofNullable(r.getNotes()),
                cents == null ? OptionalLong.empty() : OptionalLong.of(cents));
        return new Event(new EventId(r.getId()), brief, r.getVersion(), r.getCreatedAt().toInstant(), new UserId(r.getCreatedBy()),
                r.getUpdatedAt().toInstant(), new UserId(r.getUpdatedBy()));
    }
}
