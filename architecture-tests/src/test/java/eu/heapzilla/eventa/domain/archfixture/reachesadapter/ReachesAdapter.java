package eu.heapzilla.eventa.domain.archfixture.reachesadapter;

import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;

/** Breaks rule 8 (and 1): the domain reaching out to an adapter. */
public final class ReachesAdapter {

    private ReachesAdapter() {}

    public static int poolSizeOf(DatabaseSettings settings) {
        return settings.poolSize();
    }
}
