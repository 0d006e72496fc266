package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** The bearers handed to signed-in devices, known only by the hash of their token. */
public interface BearerTokens {

    void add(BearerToken token);

    Optional<BearerToken> byHash(SecretHash hash);

    /**
     * Stores the last-used and revoked times of an existing bearer.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when no bearer has this hash
     */
    void update(BearerToken token);

    /** Deletes every bearer revoked before {@code cutoff}; returns how many. */
    int deleteRevokedBefore(Instant cutoff);
}
