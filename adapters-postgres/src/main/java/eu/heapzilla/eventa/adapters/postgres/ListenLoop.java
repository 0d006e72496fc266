package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.out.ChangeBus.Announcement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread, and database session of its own, through which an instance hears the change
 * bus: it LISTENs on both channels, waits for notifications and hands each one over, in the
 * order PostgreSQL delivered them. The session is not from the pool (a pooled connection is
 * reused by others, and LISTEN belongs to the session). When the session is lost, the loop
 * reconnects with {@link Backoff}, LISTENs again and reports that it {@linkplain Hearing#resumed()
 * resumed}, since whatever was announced meanwhile is gone.
 */
final class ListenLoop {

    /** What the loop reports, always on its own thread. */
    interface Hearing {

        void heard(Announcement announcement);

        void resumed();
    }

    /** How the listening session is named in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "eventa-listen";

    static final String THREAD_NAME = "eventa-change-bus";

    private static final Logger log = LoggerFactory.getLogger(ListenLoop.class);
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** How long one wait for notifications lasts: also how long stopping may take. */
    private static final int POLL_MILLIS = 250;
    /** After this long without a notification the session is checked, to notice a silently dropped one. */
    private static final Duration CHECK_AFTER_SILENCE = Duration.ofSeconds(10);
    private static final int CHECK_TIMEOUT_SECONDS = 5;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final DatabaseSettings settings;
    private final Hearing hearing;
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CompletableFuture<Void> firstListen = new CompletableFuture<>();
    private final Thread thread;

    ListenLoop(DatabaseSettings settings, Hearing hearing) {
        this.settings = settings;
        this.hearing = hearing;
        this.thread = new Thread(this::run, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the thread and returns once LISTEN is in effect, so that whatever is committed
     * from then on is heard.
     *
     * @throws IllegalStateException when the database could not be reached within {@code timeout}
     */
    void start(Duration timeout) {
        thread.start();
        try {
            firstListen.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            stop();
            throw new IllegalStateException("could not listen for announcements: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            stop();
            throw new IllegalStateException("could not listen for announcements within " + timeout, e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting to listen for announcements", e);
        }
    }

    /** Stops the thread and closes its session; waits for that unless called from the loop's own thread. */
    void stop() {
        stopping.countDown();
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            return;
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("the change bus thread did not stop within {}; it stops after its current step", STOP_TIMEOUT);
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    private void run() {
        boolean first = true;
        while (!stopped()) {
            try (Connection connection = connect()) {
                listen(connection);
                backoff.reset();
                if (first) {
                    first = false;
                    firstListen.complete(null);
                } else {
                    log.info("listening for announcements again");
                    hearing.resumed();
                }
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (first) {
                    firstListen.completeExceptionally(e);
                    return;
                }
                if (!stopped()) {
                    Duration wait = backoff.next();
                    log.warn("lost the connection that listens for announcements ({}); trying again in {} ms",
                            e.getMessage(), wait.toMillis());
                    pause(wait);
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            PGProperty.USER.set(properties, settings.user());
        }
        if (settings.password() != null) {
            PGProperty.PASSWORD.set(properties, settings.password());
        }
        PGProperty.APPLICATION_NAME.set(properties, APPLICATION_NAME);
        PGProperty.CONNECT_TIMEOUT.set(properties, CONNECT_TIMEOUT_SECONDS);
        PGProperty.TCP_KEEP_ALIVE.set(properties, true);
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    private static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + BusNotifications.CHANGES);
            statement.execute("LISTEN " + BusNotifications.SIGNALS);
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection session = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (!stopped()) {
            PGNotification[] notifications = session.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification notification : notifications) {
                    hand(notification);
                }
            } else if (System.nanoTime() - lastHeard > CHECK_AFTER_SILENCE.toNanos()) {
                if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening session does not answer");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void hand(PGNotification notification) {
        Announcement announcement;
        try {
            announcement = BusNotifications.announcement(notification.getName(), notification.getParameter());
        } catch (IllegalArgumentException e) {
            log.warn("ignored a notification on {} that is no announcement: {}", notification.getName(), e.getMessage());
            return;
        }
        hearing.heard(announcement);
    }

    private void pause(Duration wait) {
        try {
            stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }
}
