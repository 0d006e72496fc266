package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.ports.in.PurgeExpiredSecrets;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes links and bearers a day after they stopped working: until then a reused link still
 * gets the clearer "already used" answer rather than "unknown".
 */
final class SecretPurging implements PurgeExpiredSecrets {

    static final Duration GRACE = Duration.ofDays(1);

    private final Transactions transactions;
    private final Clock clock;
    private final MagicLinks magicLinks;
    private final BearerTokens bearerTokens;

    SecretPurging(Transactions transactions, Clock clock, MagicLinks magicLinks, BearerTokens bearerTokens) {
        this.transactions = transactions;
        this.clock = clock;
        this.magicLinks = magicLinks;
        this.bearerTokens = bearerTokens;
    }

    @Override
    public Purged purge() {
        Instant cutoff = clock.now().minus(GRACE);
        return transactions.inTransaction(
                () -> new Purged(magicLinks.deleteExpiredBefore(cutoff), bearerTokens.deleteRevokedBefore(cutoff)));
    }
}
