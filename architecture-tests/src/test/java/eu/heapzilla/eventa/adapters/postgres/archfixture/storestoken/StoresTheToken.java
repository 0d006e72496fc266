package eu.heapzilla.eventa.adapters.postgres.archfixture.storestoken;

import eu.heapzilla.eventa.domain.access.Secret;

/** Breaks rule 10: a store that writes a token's text instead of its hash. */
public class StoresTheToken {

    String column(Secret token) {
        return token.reveal();
    }
}
