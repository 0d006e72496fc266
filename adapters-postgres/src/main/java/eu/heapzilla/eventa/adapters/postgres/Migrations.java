package eu.heapzilla.eventa.adapters.postgres;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the schema migrations in {@code classpath:db/migration}. */
final class Migrations {

    /** Where Flyway records the migrations it applied (its default name, said once here). */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {
    }

    static MigrateResult apply(DataSource dataSource) {
        return configure().dataSource(dataSource).load().migrate();
    }

    /** Applies the migrations up to and including {@code version}, and none after it. */
    static MigrateResult applyUpTo(DatabaseSettings settings, MigrationVersion version) {
        return configure(settings).target(version).load().migrate();
    }

    /** The versions of this build's migrations, oldest first. */
    static List<MigrationVersion> known(DatabaseSettings settings) {
        MigrationInfo[] all = configure(settings).load().info().all();
        return Arrays.stream(all)
                .filter(info -> info.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .sorted()
                .distinct()
                .toList();
    }

    private static FluentConfiguration configure(DatabaseSettings settings) {
        return configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private static FluentConfiguration configure() {
        return Flyway.configure()
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true);
    }
}
