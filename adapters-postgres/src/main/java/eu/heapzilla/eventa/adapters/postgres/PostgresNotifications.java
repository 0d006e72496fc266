package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toInstant;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.NOTIFICATIONS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.NotificationsRecord;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.domain.notification.NotificationId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.ports.out.Notifications;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * {@link Notifications} in the {@code notifications} table. A list is newest first by
 * {@code (created_at, id)}, both descending: PostgreSQL orders uuids as their canonical
 * lower-case strings, which is the order the port asks for.
 */
final class PostgresNotifications implements Notifications {

    private static final List<SortField<?>> NEWEST_FIRST =
            List.of(NOTIFICATIONS.CREATED_AT.desc(), NOTIFICATIONS.ID.desc());

    private final JooqTransactions transactions;

    PostgresNotifications(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Notification notification, int keep) {
        transactions.run(() -> {
            DSLContext dsl = transactions.dsl();
            UUID recipient = notification.recipient().value();
            dsl.insertInto(NOTIFICATIONS)
                    .set(NOTIFICATIONS.ID, notification.id().value())
                    .set(NOTIFICATIONS.RECIPIENT_ID, recipient)
                    .set(NOTIFICATIONS.EVENT_ID, notification.event().value())
                    .set(NOTIFICATIONS.KIND, notification.kind().wireName())
                    .set(NOTIFICATIONS.ACTOR_ID, notification.actor().value())
                    .set(NOTIFICATIONS.ENTITY_TYPE, notification.entityType().wireName())
                    .set(NOTIFICATIONS.ENTITY_ID, notification.entityId())
                    .set(NOTIFICATIONS.SEQ, notification.seq())
                    .set(NOTIFICATIONS.SUBJECT, notification.subject())
                    .set(NOTIFICATIONS.DETAIL, notification.detail())
                    .set(NOTIFICATIONS.CREATED_AT, toOffset(notification.createdAt()))
                    .set(NOTIFICATIONS.READ_AT, Timestamps.toOffsetOrNull(notification.readAt()))
                    .execute();
            dsl.deleteFrom(NOTIFICATIONS)
                    .where(NOTIFICATIONS.RECIPIENT_ID.eq(recipient),
                            NOTIFICATIONS.ID.in(dsl.select(NOTIFICATIONS.ID)
                                    .from(NOTIFICATIONS)
                                    .where(NOTIFICATIONS.RECIPIENT_ID.eq(recipient))
                                    .orderBy(NEWEST_FIRST)
                                    .offset(Math.max(keep, 0))))
                    .execute();
        });
    }

    /**
     * {@inheritDoc} A {@code before} that names no stored notification is ignored, as if absent
     * (the in-memory reference does the same; callers check the cursor first).
     */
    @Override
    public List<Notification> of(UserId recipient, boolean unreadOnly, Optional<NotificationId> before, int limit) {
        DSLContext dsl = transactions.dsl();
        Condition where = NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value());
        if (unreadOnly) {
            where = where.and(NOTIFICATIONS.READ_AT.isNull());
        }
        Optional<Record2<OffsetDateTime, UUID>> cursor = before.flatMap(id -> dsl
                .select(NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.ID)
                .from(NOTIFICATIONS)
                .where(NOTIFICATIONS.ID.eq(id.value()))
                .fetchOptional());
        if (cursor.isPresent()) {
            where = where.and(DSL.row(NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.ID).lt(cursor.get().value1(),
                    cursor.get().value2()));
        }
        return dsl.selectFrom(NOTIFICATIONS)
                .where(where)
                .orderBy(NEWEST_FIRST)
                .limit(Math.max(limit, 0))
                .fetch(PostgresNotifications::toNotification);
    }

    @Override
    public Optional<Notification> byId(UserId recipient, NotificationId id) {
        return transactions.dsl().selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.ID.eq(id.value()), NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()))
                .fetchOptional()
                .map(PostgresNotifications::toNotification);
    }

    @Override
    public long unreadCount(UserId recipient) {
        return transactions.dsl().fetchCount(NOTIFICATIONS,
                NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()), NOTIFICATIONS.READ_AT.isNull());
    }

    @Override
    public boolean markRead(UserId recipient, NotificationId id, Instant at) {
        // Matches a read one too (keeping when it was read), so that "none such" is the only false.
        return transactions.dsl().update(NOTIFICATIONS)
                .set(NOTIFICATIONS.READ_AT, DSL.coalesce(NOTIFICATIONS.READ_AT, toOffset(at)))
                .where(NOTIFICATIONS.ID.eq(id.value()), NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()))
                .execute() == 1;
    }

    @Override
    public int markAllRead(UserId recipient, Instant at) {
        return transactions.dsl().update(NOTIFICATIONS)
                .set(NOTIFICATIONS.READ_AT, toOffset(at))
                .where(NOTIFICATIONS.RECIPIENT_ID.eq(recipient.value()), NOTIFICATIONS.READ_AT.isNull())
                .execute();
    }

    private static Notification toNotification(NotificationsRecord r) {
        return new Notification(new NotificationId(r.getId()), new UserId(r.getRecipientId()), new EventId(r.getEventId()),
                NotificationKind.fromWireName(r.getKind()), new UserId(r.getActorId()),
                EntityType.valueOf(r.getEntityType().toUpperCase(Locale.ROOT)), r.getEntityId(), r.getSeq(), r.getSubject(),
                r.getDetail(), r.getCreatedAt().toInstant(), toInstant(r.getReadAt()));
    }
}
