package eu.heapzilla.eventa.adapters.postgres.jooq.archfixture.tables;

import eu.heapzilla.eventa.adapters.postgres.archfixture.usesjooq.UsesJooqFixture;
import eu.heapzilla.eventa.adapters.postgres.jooq.archfixture.FixtureKeys;

/** See {@link FixtureKeys}; {@link #owner()} closes a cycle out of the generated tree. */
public final class FixtureTable {

    public String name() {
        return "fixture";
    }

    public String primaryKey() {
        return FixtureKeys.primaryKeyOf(this);
    }

    /** Generated code calling back into the hand-written adapter: a real cycle. */
    public UsesJooqFixture owner() {
        return new UsesJooqFixture(this);
    }
}
