package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.ports.contract.OutboxContract;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxEntry;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.OutboxState;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract, workers on two instances sharing one outbox, and what the table keeps of a
 * mail's secret: it is only ever in the {@code secret} column, and only while the mail is pending.
 */
class PostgresOutboxTest extends OutboxContract {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    private final ExecutorService workers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected Outbox outbox() {
        return database.persistence().outbox();
    }

    @Override
    protected void empty() {
        database.truncate("outbox");
    }

    @Test
    void workersOnTwoInstancesClaimingAtOnceTakeEveryItemExactlyOnce() throws Exception {
        int items = 500;
        for (int i = 0; i < items; i++) {
            outbox().add(i % 2 == 0 ? signInMail() : push(Platform.ANDROID, "change", i), T0);
        }
        List<PostgresPersistence> instances = List.of(database.persistence(), database.another());
        CyclicBarrier together = new CyclicBarrier(8);
        List<Future<List<Long>>> claims = new ArrayList<>();
        for (PostgresPersistence instance : instances) {
            for (int thread = 0; thread < 4; thread++) {
                claims.add(workers.submit(() -> {
                    together.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                    List<Long> taken = new ArrayList<>();
                    List<OutboxEntry> batch;
                    do {
                        batch = instance.transactions().inTransaction(
                                () -> instance.outbox().claim(7, T0.plusSeconds(1), Duration.ofHours(1)));
                        batch.forEach(entry -> taken.add(entry.id()));
                    } while (!batch.isEmpty());
                    return taken;
                }));
            }
        }

        List<Long> taken = new ArrayList<>();
        for (Future<List<Long>> claim : claims) {
            taken.addAll(claim.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        }

        assertEquals(items, taken.size(), "no item was taken twice");
        assertEquals(items, new HashSet<>(taken).size(), "every item was taken");
        assertEquals(List.of(), claim(10, T0.plusSeconds(1)));
        assertEquals(items, scalar("SELECT count(*) FROM outbox WHERE attempts = 1"));
    }

    @Test
    void aClaimSkipsTheItemsAnotherTransactionHoldsInsteadOfWaitingForThem() throws Exception {
        long first = outbox().add(signInMail(), T0);
        long second = outbox().add(signInMail(), T0);
        PostgresPersistence other = database.another();

        List<Long> otherTook = transactions().inTransaction(() -> {
            assertEquals(List.of(first), ids(outbox().claim(1, T0, LEASE)));
            try {
                return workers.submit(() -> ids(other.transactions().inTransaction(
                        () -> other.outbox().claim(10, T0, LEASE)))).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("the other claim did not return while the first was open", e);
            }
        });

        assertEquals(List.of(second), otherTook);
    }

    @Test
    void aMailsSecretIsKeptApartWhilePendingAndErasedWhenItsItemFinishes() throws SQLException {
        for (OutboxState state : List.of(OutboxState.DELIVERED, OutboxState.DROPPED, OutboxState.DEAD)) {
            OutboxItem.SendMail mail = invitationMail();
            String token = ((Mail.Invitation) mail.mail()).token().reveal();
            long id = outbox().add(mail, T0);
            assertEquals(token, text("SELECT secret FROM outbox WHERE id = ?", id));
            assertFalse(text("SELECT payload::text FROM outbox WHERE id = ?", id).contains(token));

            OutboxEntry entry = claim(1, T0).get(0);
            assertTrue(outbox().retry(entry, T0, "421 try later"));
            assertEquals(token, text("SELECT secret FROM outbox WHERE id = ?", id), "a retry keeps it");
            assertTrue(outbox().finish(entry, state, T0, Optional.empty()));

            assertNull(text("SELECT secret FROM outbox WHERE id = ?", id), state + " erases it");
        }
    }

    @Test
    void anItemWithoutASecretStoresNone() throws SQLException {
        long id = outbox().add(push(Platform.IOS, "change", 1), T0);

        assertNull(text("SELECT secret FROM outbox WHERE id = ?", id));
        assertEquals("push", text("SELECT kind FROM outbox WHERE id = ?", id));
    }

    @Test
    void keepsTheLastFailureOrTheVerdictAsTheNoteClippedToFit() throws SQLException {
        long id = outbox().add(signInMail(), T0);
        OutboxEntry entry = claim(1, T0).get(0);

        outbox().retry(entry, T0, "timeout");
        assertEquals("timeout", text("SELECT note FROM outbox WHERE id = ?", id));

        outbox().retry(entry, T0.plusSeconds(1), "💥".repeat(600) + "\0");
        assertEquals("💥".repeat(499) + "…", text("SELECT note FROM outbox WHERE id = ?", id));

        outbox().finish(entry, OutboxState.DELIVERED, T0, Optional.empty());
        assertNull(text("SELECT note FROM outbox WHERE id = ?", id), "a verdict without a note clears it");

        long other = outbox().add(signInMail(), T0);
        outbox().finish(claim(1, T0).get(0), OutboxState.DEAD, T0, Optional.of("bad\0address"));
        assertEquals("bad\uFFFDaddress", text("SELECT note FROM outbox WHERE id = ?", other));
    }

    private static long scalar(String sql) throws SQLException {
        try (Connection c = database.persistence().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String text(String sql, long id) throws SQLException {
        try (Connection c = database.persistence().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "no row " + id);
                return r.getString(1);
            }
        }
    }
}
