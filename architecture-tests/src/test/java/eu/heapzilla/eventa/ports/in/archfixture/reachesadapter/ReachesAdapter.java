package eu.heapzilla.eventa.ports.in.archfixture.reachesadapter;

import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;

/** Breaks rule 8 (and 2): a use case that knows which database sits behind it. */
public interface ReachesAdapter {

    DatabaseSettings database();
}
