package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.PRESENCE_CONNECTIONS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.PRESENCE_LAST_SEEN;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.SERVER_INSTANCES;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.live.InstanceId;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link PresenceBoard} in three tables: server instances with their last heartbeat, the
 * connections that follow each event, and members' last-seen times. Whoever changes a member's
 * presence in an event first takes a transaction-scoped advisory lock on that (event, member),
 * so that of two instances changing it at once the second sees what the first did, and
 * "came online" / "went offline" is answered exactly once.
 *
 * <p>Lock order, so that nothing waits in a circle: an instance's row first ({@code FOR KEY
 * SHARE} to arrive on it, {@code FOR UPDATE} to expire it), then member locks in the order of
 * their keys. Expiry skips an instance whose row another transaction holds: it is sending a
 * heartbeat or arriving (so it is alive), or another instance is expiring it already.
 */
final class PostgresPresenceBoard implements PresenceBoard {

    private final JooqTransactions transactions;

    PostgresPresenceBoard(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    /** One member in one event: what a presence lock is taken on. */
    private record Presence(UUID event, UUID user) {

        String lockKey() {
            return event + ":" + user;
        }
    }

    @Override
    public boolean heartbeat(InstanceId instance, Instant now) {
        // xmax is 0 on a row this statement inserted, and set on one it updated.
        Boolean inserted = transactions.dsl().insertInto(SERVER_INSTANCES)
                .set(SERVER_INSTANCES.ID, instance.value())
                .set(SERVER_INSTANCES.HEARTBEAT_AT, toOffset(now))
                .onConflict(SERVER_INSTANCES.ID)
                .doUpdate()
                .set(SERVER_INSTANCES.HEARTBEAT_AT, toOffset(now))
                .returningResult(DSL.field("xmax = 0", Boolean.class))
                .fetchOne(0, Boolean.class);
        return !Boolean.TRUE.equals(inserted);
    }

    @Override
    public boolean arrive(InstanceId instance, ConnectionId connection, EventId event, UserId user, Instant now) {
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            // Keeps the instance from being expired until this transaction ends.
            boolean alive = dsl.selectOne().from(SERVER_INSTANCES)
                    .where(SERVER_INSTANCES.ID.eq(instance.value()))
                    .forKeyShare()
                    .fetchOptional().isPresent();
            if (!alive) {
                throw new IllegalStateException("instance " + instance + " has sent no heartbeat");
            }
            Presence presence = new Presence(event.value(), user.value());
            lock(dsl, presence);
            boolean wasOnline = online(dsl, presence);
            dsl.insertInto(PRESENCE_CONNECTIONS)
                    .set(PRESENCE_CONNECTIONS.CONNECTION_ID, connection.value())
                    .set(PRESENCE_CONNECTIONS.EVENT_ID, event.value())
                    .set(PRESENCE_CONNECTIONS.INSTANCE_ID, instance.value())
                    .set(PRESENCE_CONNECTIONS.USER_ID, user.value())
                    .set(PRESENCE_CONNECTIONS.SINCE, toOffset(now))
                    .onConflict(PRESENCE_CONNECTIONS.CONNECTION_ID, PRESENCE_CONNECTIONS.EVENT_ID)
                    .doUpdate()
                    .set(PRESENCE_CONNECTIONS.INSTANCE_ID, instance.value())
                    .set(PRESENCE_CONNECTIONS.USER_ID, user.value())
                    .execute();
            dsl.deleteFrom(PRESENCE_LAST_SEEN)
                    .where(PRESENCE_LAST_SEEN.EVENT_ID.eq(event.value()), PRESENCE_LAST_SEEN.USER_ID.eq(user.value()))
                    .execute();
            return !wasOnline;
        });
    }

    @Override
    public boolean depart(ConnectionId connection, EventId event, Instant now) {
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            Optional<UUID> user = dsl.select(PRESENCE_CONNECTIONS.USER_ID).from(PRESENCE_CONNECTIONS)
                    .where(PRESENCE_CONNECTIONS.CONNECTION_ID.eq(connection.value()),
                            PRESENCE_CONNECTIONS.EVENT_ID.eq(event.value()))
                    .fetchOptional(PRESENCE_CONNECTIONS.USER_ID);
            if (user.isEmpty()) {
                return false;
            }
            Presence presence = new Presence(event.value(), user.get());
            lock(dsl, presence);
            int removed = dsl.deleteFrom(PRESENCE_CONNECTIONS)
                    .where(PRESENCE_CONNECTIONS.CONNECTION_ID.eq(connection.value()),
                            PRESENCE_CONNECTIONS.EVENT_ID.eq(event.value()),
                            PRESENCE_CONNECTIONS.USER_ID.eq(presence.user()))
                    .execute();
            if (removed == 0 || online(dsl, presence)) {
                return false;
            }
            lastSeen(dsl, presence, toOffset(now));
            return true;
        });
    }

    @Override
    public List<Departure> expire(Instant cutoff) {
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            Map<UUID, OffsetDateTime> silent = dsl.select(SERVER_INSTANCES.ID, SERVER_INSTANCES.HEARTBEAT_AT)
                    .from(SERVER_INSTANCES)
                    .where(SERVER_INSTANCES.HEARTBEAT_AT.lt(toOffset(cutoff)))
                    .forUpdate()
                    .skipLocked()
                    .fetchMap(SERVER_INSTANCES.ID, SERVER_INSTANCES.HEARTBEAT_AT);
            if (silent.isEmpty()) {
                return List.of();
            }
            // With the instances locked nobody can arrive on them, so these are all that can go.
            dsl.selectDistinct(PRESENCE_CONNECTIONS.EVENT_ID, PRESENCE_CONNECTIONS.USER_ID)
                    .from(PRESENCE_CONNECTIONS)
                    .where(PRESENCE_CONNECTIONS.INSTANCE_ID.in(silent.keySet()))
                    .fetch(r -> new Presence(r.value1(), r.value2())).stream()
                    .sorted(Comparator.comparing(Presence::lockKey))
                    .forEach(presence -> lock(dsl, presence));
            Map<Presence, OffsetDateTime> lastHeartbeat = new TreeMap<>(Comparator.comparing(Presence::lockKey));
            for (Record3<UUID, UUID, UUID> gone : dsl.deleteFrom(PRESENCE_CONNECTIONS)
                    .where(PRESENCE_CONNECTIONS.INSTANCE_ID.in(silent.keySet()))
                    .returningResult(PRESENCE_CONNECTIONS.EVENT_ID, PRESENCE_CONNECTIONS.USER_ID,
                            PRESENCE_CONNECTIONS.INSTANCE_ID)
                    .fetch()) {
                lastHeartbeat.merge(new Presence(gone.value1(), gone.value2()), silent.get(gone.value3()),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
            dsl.deleteFrom(SERVER_INSTANCES).where(SERVER_INSTANCES.ID.in(silent.keySet())).execute();
            Set<Presence> stillOnline = stillOnline(dsl, lastHeartbeat.keySet());
            List<Departure> departures = new ArrayList<>();
            lastHeartbeat.forEach((presence, heartbeat) -> {
                if (!stillOnline.contains(presence)) {
                    lastSeen(dsl, presence, heartbeat);
                    departures.add(new Departure(new EventId(presence.event()), new UserId(presence.user())));
                }
            });
            return departures;
        });
    }

    @Override
    public List<MemberPresence> of(EventId event) {
        // One statement, so that a member who arrives meanwhile is seen either online or offline, never neither.
        return transactions.dsl()
                .select(PRESENCE_CONNECTIONS.USER_ID, DSL.inline(true).as("online"),
                        DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE).as("last_seen_at"))
                .from(PRESENCE_CONNECTIONS)
                .where(PRESENCE_CONNECTIONS.EVENT_ID.eq(event.value()))
                .groupBy(PRESENCE_CONNECTIONS.USER_ID)
                .unionAll(DSL.select(PRESENCE_LAST_SEEN.USER_ID, DSL.inline(false), PRESENCE_LAST_SEEN.LAST_SEEN_AT)
                        .from(PRESENCE_LAST_SEEN)
                        .where(PRESENCE_LAST_SEEN.EVENT_ID.eq(event.value()))
                        .andNotExists(DSL.selectOne().from(PRESENCE_CONNECTIONS)
                                .where(PRESENCE_CONNECTIONS.EVENT_ID.eq(PRESENCE_LAST_SEEN.EVENT_ID),
                                        PRESENCE_CONNECTIONS.USER_ID.eq(PRESENCE_LAST_SEEN.USER_ID))))
                .fetch(r -> r.value2()
                        ? MemberPresence.online(new UserId(r.value1()))
                        : MemberPresence.offline(new UserId(r.value1()), Optional.of(r.value3().toInstant())))
                .stream()
                .sorted(Comparator.comparing(p -> p.user().value().toString()))
                .toList();
    }

    /** Waits until no other transaction is changing this member's presence in this event, until this one ends. */
    private static void lock(DSLContext dsl, Presence presence) {
        dsl.select(DSL.function("pg_advisory_xact_lock", Object.class,
                DSL.function("hashtextextended", Long.class, DSL.val(presence.lockKey()), DSL.inline(0L)))).fetch();
    }

    private static boolean online(DSLContext dsl, Presence presence) {
        return dsl.fetchExists(PRESENCE_CONNECTIONS, PRESENCE_CONNECTIONS.EVENT_ID.eq(presence.event()),
                PRESENCE_CONNECTIONS.USER_ID.eq(presence.user()));
    }

    private static Set<Presence> stillOnline(DSLContext dsl, Set<Presence> among) {
        if (among.isEmpty()) {
            return Set.of();
        }
        return dsl.selectDistinct(PRESENCE_CONNECTIONS.EVENT_ID, PRESENCE_CONNECTIONS.USER_ID)
                .from(PRESENCE_CONNECTIONS)
                .where(DSL.row(PRESENCE_CONNECTIONS.EVENT_ID, PRESENCE_CONNECTIONS.USER_ID)
                        .in(among.stream().map(p -> DSL.row(p.event(), p.user())).toList()))
                .fetch(r -> new Presence(r.value1(), r.value2()))
                .stream().collect(Collectors.toSet());
    }

    private static void lastSeen(DSLContext dsl, Presence presence, OffsetDateTime at) {
        dsl.insertInto(PRESENCE_LAST_SEEN)
                .set(PRESENCE_LAST_SEEN.EVENT_ID, presence.event())
                .set(PRESENCE_LAST_SEEN.USER_ID, presence.user())
                .set(PRESENCE_LAST_SEEN.LAST_SEEN_AT, at)
                .onConflict(PRESENCE_LAST_SEEN.EVENT_ID, PRESENCE_LAST_SEEN.USER_ID)
                .doUpdate()
                .set(PRESENCE_LAST_SEEN.LAST_SEEN_AT, at)
                .execute();
    }
}
