package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import com.zaxxer.hikari.HikariDataSource;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.contract.ChangeBusContract;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.ChangeBus.Announcement;
import eu.heapzilla.eventa.ports.out.ChangeBus.Changed;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract, and what a bus shared by several server processes over the network must do
 * besides: one instance hears another, listening survives a lost session, and the session of
 * its own that listening holds is closed when nobody listens any more.
 */
class PostgresChangeBusTest extends ChangeBusContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected ChangeBus changeBus() {
        return database.persistence().changeBus();
    }

    /** Another server instance on the same database: a pool and a bus of its own. */
    private static PostgresPersistence anotherInstance() {
        HikariDataSource pool = (HikariDataSource) database.persistence().dataSource();
        return new PostgresPersistence(new DatabaseSettings(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), 2));
    }

    @Test
    void everyInstanceHearsWhatAnyOfThemCommits() {
        try (PostgresPersistence other = anotherInstance()) {
            Ear there = listeningTo(other.changeBus());
            Ear here = listeningTo(changeBus());
            Changed fromHere = new Changed(EventId.random(), 1);
            Changed fromThere = new Changed(EventId.random(), 2);

            transactions().run(() -> changeBus().announce(fromHere));
            other.transactions().run(() -> other.changeBus().announce(fromThere));

            there.hears(fromHere, fromThere);
            here.hears(fromHere, fromThere);
        }
    }

    @Test
    void listeningResumesAfterTheSessionIsLostAndListenersAreToldSo() {
        Ear ear = listeningTo(changeBus());

        assertEquals(1, query("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE application_name = ? AND datname = current_database()", ListenLoop.APPLICATION_NAME));

        ear.awaitResumed();
        ear.hears(announcedSentinel());
    }

    @Test
    void aListenerThatFailsDoesNotKeepTheOthersFromHearing() {
        ChangeBus.Listening failing = changeBus().listen(new ChangeBus.Listener() {
            @Override
            public void heard(Announcement announcement) {
                throw new IllegalStateException("this listener fails on purpose");
            }

            @Override
            public void resumed() {
                throw new IllegalStateException("this listener fails on purpose");
            }
        });
        try {
            Ear ear = listeningTo(changeBus());

            Announcement first = announcedSentinel();
            Announcement second = announcedSentinel();

            ear.hears(first, second);
        } finally {
            failing.close();
        }
    }

    /** Announcements are understood only in these forms, and every kind travels (the contract), so they are sent in them. */
    @Test
    void announcementsTravelInTheDocumentedForms() {
        Ear ear = listeningTo(changeBus());
        EventId event = EventId.random();
        UserId user = UserId.random();

        notify("eventa_changes", event + ":42");
        notify("eventa_signals", "presence:" + event + ":" + user + ":online");
        notify("eventa_signals", "presence:" + event + ":" + user + ":offline");
        notify("eventa_signals", "signed_out:" + user);
        notify("eventa_signals", "event_deleted:" + event);

        ear.hears(new Changed(event, 42), new ChangeBus.PresenceChanged(event, user, true),
                new ChangeBus.PresenceChanged(event, user, false), new ChangeBus.SignedOut(user),
                new ChangeBus.EventDeleted(event));
    }

    @Test
    void notificationsThatAreNoAnnouncementsAreSkipped() {
        Ear ear = listeningTo(changeBus());
        String event = EventId.random().toString();
        String user = UserId.random().toString();
        for (String payload : List.of("", "garbage", event, event + ":0", event + ":-1", event + ":1:2", event + ":x",
                event.replace("-", "") + ":1", "x:1")) {
            notify(BusNotifications.CHANGES, payload);
        }
        for (String payload : List.of("", "presence:" + event + ":" + user + ":maybe", "presence:" + event + ":" + user,
                "signed_out:" + event + ":" + user, "signed_out:someone", "event_deleted:", "unheard_of:" + event)) {
            notify(BusNotifications.SIGNALS, payload);
        }

        ear.hears(announcedSentinel());
    }

    @Test
    void theLastListenerToStopClosesTheListeningSessionPromptly() {
        ChangeBus.Listening one = changeBus().listen(new Ear());
        ChangeBus.Listening two = changeBus().listen(new Ear());
        assertEquals(1, listeningSessions(), "one session for every listener");

        one.close();
        assertEquals(1, listeningSessions());
        assertTimeout(Duration.ofSeconds(2), two::close);

        awaitNoListeningSession();
    }

    @Test
    void closingThePersistenceStopsListeningForGood() {
        PostgresPersistence other = anotherInstance();
        other.changeBus().listen(new Ear());
        assertEquals(1, listeningSessions());

        assertTimeout(Duration.ofSeconds(2), other::close);

        awaitNoListeningSession();
        assertThrows(IllegalStateException.class, () -> other.changeBus().listen(new Ear()));
    }

    private static long listeningSessions() {
        return query("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()",
                ListenLoop.APPLICATION_NAME);
    }

    /** A closed session leaves {@code pg_stat_activity} a moment after the client let go of it. */
    private static void awaitNoListeningSession() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (listeningSessions() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the listening session is still open after " + PATIENCE);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static void notify(String channel, String payload) {
        try (Connection connection = database.persistence().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            statement.setString(1, channel);
            statement.setString(2, payload);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long query(String sql, String parameter) {
        try (Connection connection = database.persistence().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
