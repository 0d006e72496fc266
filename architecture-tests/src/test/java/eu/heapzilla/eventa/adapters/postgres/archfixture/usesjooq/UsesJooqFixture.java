package eu.heapzilla.eventa.adapters.postgres.archfixture.usesjooq;

import eu.heapzilla.eventa.adapters.postgres.jooq.archfixture.tables.FixtureTable;

/** Breaks rule 9 with {@link FixtureTable#owner()}: a cycle through the generated tree. */
public final class UsesJooqFixture {

    private final FixtureTable table;

    public UsesJooqFixture(FixtureTable table) {
        this.table = table;
    }

    public String table() {
        return table.name();
    }
}
