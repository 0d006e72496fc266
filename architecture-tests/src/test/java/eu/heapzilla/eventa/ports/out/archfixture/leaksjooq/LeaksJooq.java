package eu.heapzilla.eventa.ports.out.archfixture.leaksjooq;

import org.jooq.DSLContext;

/** Breaks rule 2: an out-port that leaks jOOQ into the core. */
public interface LeaksJooq {

    DSLContext dsl();
}
