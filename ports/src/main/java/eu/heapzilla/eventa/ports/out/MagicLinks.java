package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.access.MagicLink;
import eu.heapzilla.eventa.domain.access.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Sign-in links that were sent, known only by the hash of their token. */
public interface MagicLinks {

    void add(MagicLink link);

    /**
     * The link with this hash, locked until the current transaction ends, so that of two
     * transactions that want to use one link the second sees what the first did.
     */
    Optional<MagicLink> lockByHash(SecretHash hash);

    /**
     * Records that the link has been used.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when no link has this hash
     */
    void markConsumed(SecretHash hash, Instant consumedAt);

    /** Deletes every link that expired before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Instant cutoff);
}
