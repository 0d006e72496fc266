package eu.heapzilla.eventa.adapters.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the schema migrations in {@code classpath:db/migration}. */
final class Migrations {

    private Migrations() {
    }

    static MigrateResult apply(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
