package eu.heapzilla.eventa.adapters.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.BlobStore;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import eu.heapzilla.eventa.ports.out.DatabaseProbe;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Guests;
import eu.heapzilla.eventa.ports.out.Households;
import eu.heapzilla.eventa.ports.out.Invites;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Notifications;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import eu.heapzilla.eventa.ports.out.PushDevices;
import eu.heapzilla.eventa.ports.out.PushWindows;
import eu.heapzilla.eventa.ports.out.Receipts;
import eu.heapzilla.eventa.ports.out.Tasks;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL out-ports over one connection pool, and one connection of the change bus's own
 * while anyone listens. Create it, {@link #migrate()} once at start-up, hand out the ports,
 * {@link #close()} at shutdown.
 */
public final class PostgresPersistence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresPersistence.class);

    static {
        // jOOQ prints a banner and tips on first use unless told not to.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final HikariDataSource dataSource;
    private final JooqTransactions transactions;
    private final PostgresUsers users;
    private final PostgresDatabaseProbe probe;
    private final PostgresMagicLinks magicLinks;
    private final PostgresBearerTokens bearerTokens;
    private final PostgresEvents events;
    private final PostgresMemberships memberships;
    private final PostgresInvites invites;
    private final PostgresChangeLog changeLog;
    private final PostgresHouseholds households;
    private final PostgresGuests guests;
    private final PostgresTasks tasks;
    private final PostgresBudgetItems budgetItems;
    private final PostgresReceipts receipts;
    private final PostgresBlobStore blobStore;
    private final PostgresChangeBus changeBus;
    private final PostgresPresenceBoard presenceBoard;
    private final PostgresOutbox outbox;
    private final PostgresPushDevices pushDevices;
    private final PostgresPushWindows pushWindows;
    private final PostgresNotifications notifications;

    public PostgresPersistence(DatabaseSettings settings) {
        this.dataSource = new HikariDataSource(poolConfig(settings));
        this.transactions = new JooqTransactions(DSL.using(dataSource, SQLDialect.POSTGRES,
                new Settings().withRenderSchema(false).withExecuteLogging(false)));
        this.users = new PostgresUsers(transactions);
        this.probe = new PostgresDatabaseProbe(dataSource);
        this.magicLinks = new PostgresMagicLinks(transactions);
        this.bearerTokens = new PostgresBearerTokens(transactions);
        this.events = new PostgresEvents(transactions);
        this.memberships = new PostgresMemberships(transactions);
        this.invites = new PostgresInvites(transactions);
        this.changeLog = new PostgresChangeLog(transactions);
        this.households = new PostgresHouseholds(transactions);
        this.guests = new PostgresGuests(transactions);
        this.tasks = new PostgresTasks(transactions);
        this.budgetItems = new PostgresBudgetItems(transactions);
        this.receipts = new PostgresReceipts(transactions);
        this.blobStore = new PostgresBlobStore(transactions);
        this.changeBus = new PostgresChangeBus(transactions, settings);
        this.presenceBoard = new PostgresPresenceBoard(transactions);
        this.outbox = new PostgresOutbox(transactions);
        this.pushDevices = new PostgresPushDevices(transactions);
        this.pushWindows = new PostgresPushWindows(transactions);
        this.notifications = new PostgresNotifications(transactions);
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("eventa");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        // Start even when the database is down: /ready says so, and the pool recovers when it returns.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "eventa");
        config.addDataSourceProperty("connectTimeout", "5");
        return config;
    }

    /** Brings the schema up to date; safe to run on every start and from several instances. */
    public MigrateResult migrate() {
        MigrateResult result = Migrations.apply(dataSource);
        log.info("database schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        return result;
    }

    public Transactions transactions() {
        return transactions;
    }

    public Users users() {
        return users;
    }

    public DatabaseProbe databaseProbe() {
        return probe;
    }

    public MagicLinks magicLinks() {
        return magicLinks;
    }

    public BearerTokens bearerTokens() {
        return bearerTokens;
    }

    public Events events() {
        return events;
    }

    public Memberships memberships() {
        return memberships;
    }

    public Invites invites() {
        return invites;
    }

    public ChangeLog changeLog() {
        return changeLog;
    }

    public Households households() {
        return households;
    }

    public Guests guests() {
        return guests;
    }

    public Tasks tasks() {
        return tasks;
    }

    public BudgetItems budgetItems() {
        return budgetItems;
    }

    public Receipts receipts() {
        return receipts;
    }

    /** Blobs in this database, so that one {@code pg_dump} is a whole backup. */
    public BlobStore blobStore() {
        return blobStore;
    }

    /** LISTEN/NOTIFY: listening holds one connection of its own, outside the pool. */
    public ChangeBus changeBus() {
        return changeBus;
    }

    public PresenceBoard presenceBoard() {
        return presenceBoard;
    }

    /** Claimed with {@code FOR UPDATE SKIP LOCKED}, so workers on every instance share it. */
    public Outbox outbox() {
        return outbox;
    }

    public PushDevices pushDevices() {
        return pushDevices;
    }

    public PushWindows pushWindows() {
        return pushWindows;
    }

    public Notifications notifications() {
        return notifications;
    }

    /**
     * Reports the pool's numbers ({@code hikaricp_connections_active}, {@code _idle}, {@code _pending},
     * acquisition and usage times, …, tagged {@code pool="eventa"}) to {@code meterRegistry}, a Micrometer
     * {@code MeterRegistry}: typed {@code Object}, as HikariCP takes it, so that this module needs no
     * Micrometer. The pool is running already; HikariCP lets it take a registry once in its life.
     *
     * @throws IllegalArgumentException when {@code meterRegistry} is no metrics registry HikariCP knows
     * @throws IllegalStateException    when the pool reports somewhere already
     */
    public void recordPoolMetrics(Object meterRegistry) {
        dataSource.setMetricRegistry(Objects.requireNonNull(meterRegistry, "meterRegistry"));
    }

    /** For tools and tests that read the database directly. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        changeBus.close();
        dataSource.close();
    }
}
