package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.out.ChangeBus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChangeBus} on PostgreSQL {@code LISTEN/NOTIFY}. An announcement is a
 * {@code pg_notify} in the caller's transaction, so PostgreSQL delivers it to every listening
 * session (on every instance) at commit and drops it on rollback; outside a transaction it
 * commits at once. From the first listener to the last, one {@link ListenLoop} hears the
 * notifications and hands each to every listener in turn; a listener that throws is logged
 * and the others still hear.
 *
 * <p>PostgreSQL delivers the same notification twice in one transaction only once, so two
 * identical announcements in one transaction are heard once; none of them means more when
 * repeated.
 */
final class PostgresChangeBus implements ChangeBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresChangeBus.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final JooqTransactions transactions;
    private final DatabaseSettings settings;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private ListenLoop loop;
    private boolean closed;

    PostgresChangeBus(JooqTransactions transactions, DatabaseSettings settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public void announce(Announcement announcement) {
        BusNotifications.Notification notification = BusNotifications.of(announcement);
        transactions.dsl().select(DSL.function("pg_notify", Object.class, DSL.val(notification.channel()),
                DSL.val(notification.payload()))).fetch();
    }

    /**
     * Returns once LISTEN is in effect. A listener added while the bus is reconnecting hears
     * {@link Listener#resumed()} when it is back.
     *
     * @throws IllegalStateException when this is the first listener and the database cannot be reached
     */
    @Override
    public synchronized Listening listen(Listener listener) {
        if (closed) {
            throw new IllegalStateException("the change bus is closed");
        }
        Registration registration = new Registration(listener);
        registrations.add(registration);
        if (loop == null) {
            ListenLoop started = new ListenLoop(settings, new Delivery());
            try {
                started.start(START_TIMEOUT);
            } catch (RuntimeException e) {
                registrations.remove(registration);
                throw e;
            }
            loop = started;
        }
        return registration;
    }

    private synchronized void stopListening(Registration registration) {
        if (registrations.remove(registration) && registrations.isEmpty() && loop != null) {
            loop.stop();
            loop = null;
        }
    }

    /** Stops listening for good: no listener hears anything more, and the listening session is closed. */
    @Override
    public synchronized void close() {
        closed = true;
        registrations.forEach(registration -> registration.open = false);
        registrations.clear();
        if (loop != null) {
            loop.stop();
            loop = null;
        }
    }

    /** One listener until it closes; once closed it is not called again (a call in progress may finish). */
    private final class Registration implements Listening {

        private final Listener listener;
        private volatile boolean open = true;

        Registration(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void close() {
            open = false;
            stopListening(this);
        }
    }

    /** Hands what the loop hears to every open listener, one after the other. */
    private final class Delivery implements ListenLoop.Hearing {

        @Override
        public void heard(Announcement announcement) {
            for (Registration registration : registrations) {
                if (registration.open) {
                    try {
                        registration.listener.heard(announcement);
                    } catch (RuntimeException e) {
                        log.error("a change bus listener failed on {}", announcement, e);
                    }
                }
            }
        }

        @Override
        public void resumed() {
            for (Registration registration : registrations) {
                if (registration.open) {
                    try {
                        registration.listener.resumed();
                    } catch (RuntimeException e) {
                        log.error("a change bus listener failed to resume", e);
                    }
                }
            }
        }
    }
}
