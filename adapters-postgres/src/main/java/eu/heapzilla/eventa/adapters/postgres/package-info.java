/**
 * The out-ports on PostgreSQL 16: jOOQ for queries (classes generated at build time from the
 * Flyway migrations in {@code db/migration}), HikariCP for connections, Flyway for the schema,
 * and an embedded PostgreSQL for installs and tests that have no server of their own.
 *
 * <p>{@link eu.heapzilla.eventa.adapters.postgres.PostgresPersistence}, {@link
 * eu.heapzilla.eventa.adapters.postgres.EmbeddedPostgresServer} and {@link
 * eu.heapzilla.eventa.adapters.postgres.DatabaseBackup} (with its {@link
 * eu.heapzilla.eventa.adapters.postgres.BackupException}) are the public entry points;
 * everything else is package-private.
 */
package eu.heapzilla.eventa.adapters.postgres;
