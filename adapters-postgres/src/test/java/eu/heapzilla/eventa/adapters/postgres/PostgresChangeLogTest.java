package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.ports.contract.ChangeLogContract;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The contract, and the announcement every other server instance hears once a change commits. */
class PostgresChangeLogTest extends ChangeLogContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    private Connection listener;

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected Users users() {
        return database.persistence().users();
    }

    @Override
    protected Events events() {
        return database.persistence().events();
    }

    @Override
    protected ChangeLog changeLog() {
        return database.persistence().changeLog();
    }

    /** A connection of its own, as another server instance would have: not from the pool, whose connections are reused. */
    @BeforeEach
    void listen() throws SQLException {
        HikariDataSource pool = (HikariDataSource) database.persistence().dataSource();
        listener = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        try (Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + PostgresChangeLog.CHANNEL);
        }
    }

    @AfterEach
    void stopListening() throws SQLException {
        listener.close();
    }

    @Test
    void aCommittedChangeIsAnnouncedWithItsEventAndSeqOnlyAtCommit() {
        Event event = storedEventOfItsOwn();
        List<String> heardBeforeCommit = new ArrayList<>();

        transactions().run(() -> {
            events().lock(event.id()).orElseThrow();
            changeLog().append(change(event, events().nextChangeSeq(event.id())));
            heardBeforeCommit.addAll(heard(200));
        });

        assertEquals(List.of(), heardBeforeCommit);
        assertEquals(List.of(event.id() + ":1"), heard(5_000));
        assertEquals(List.of(), heard(200), "exactly one announcement per change");
    }

    @Test
    void everyChangeOfATransactionIsAnnouncedInOrder() {
        Event event = storedEventOfItsOwn();

        transactions().run(() -> {
            events().lock(event.id()).orElseThrow();
            changeLog().append(change(event, events().nextChangeSeq(event.id())));
            changeLog().append(change(event, events().nextChangeSeq(event.id())));
        });

        List<String> heard = heard(5_000);
        if (heard.size() < 2) {
            heard.addAll(heard(1_000));
        }
        assertEquals(List.of(event.id() + ":1", event.id() + ":2"), heard);
    }

    @Test
    void aRolledBackChangeIsNeverAnnounced() {
        Event event = storedEventOfItsOwn();

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            events().lock(event.id()).orElseThrow();
            changeLog().append(change(event, events().nextChangeSeq(event.id())));
            throw new IllegalStateException("the work fails after appending");
        }));

        assertEquals(List.of(), heard(500));
    }

    @Test
    void aRefusedDuplicateIsNotAnnounced() {
        Event event = storedEventOfItsOwn();
        changeLog().append(change(event, 1));
        assertEquals(List.of(event.id() + ":1"), heard(5_000));

        assertThrows(IllegalStateException.class, () -> changeLog().append(change(event, 1)));

        assertEquals(List.of(), heard(500));
    }

    /** The payloads on the channel that arrive within {@code timeoutMillis} (waiting only while none has). */
    private List<String> heard(int timeoutMillis) {
        try {
            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(timeoutMillis);
            List<String> payloads = new ArrayList<>();
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    assertEquals(PostgresChangeLog.CHANNEL, notification.getName());
                    payloads.add(notification.getParameter());
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
