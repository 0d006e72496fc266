package eu.heapzilla.eventa.adapters.postgres.jooq.archfixture;

import eu.heapzilla.eventa.adapters.postgres.jooq.archfixture.tables.FixtureTable;

/**
 * Keeps rule 9: shaped like jOOQ's generated {@code Keys}, which references the tables that
 * reference it back. Inside the generated tree such a cycle is tolerated.
 */
public final class FixtureKeys {

    private FixtureKeys() {}

    public static String primaryKeyOf(FixtureTable table) {
        return table.name() + "_pkey";
    }
}
