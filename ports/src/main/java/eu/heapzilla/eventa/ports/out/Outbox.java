package eu.heapzilla.eventa.ports.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Work to be done after a transaction commits (mails, pushes, fan-outs), written in that same
 * transaction so that it happens if and only if the transaction did. Workers on any number of
 * instances claim items, each for a lease; a worker that dies leaves its claim to lapse, and
 * the item is claimed again. An item a provider accepted just before its worker died may so be
 * sent twice; none is ever lost.
 *
 * <p>Contract: every method runs in the caller's transaction. Items carrying a secret (a
 * sign-in link) keep it only while pending.
 */
public interface Outbox {

    /** Adds {@code item}, due at once; returns its id. */
    long add(OutboxItem item, Instant now);

    /**
     * Claims up to {@code max} pending items due at {@code now}, oldest due first, skipping
     * items another transaction holds: each becomes due again at {@code now + lease} (should
     * its worker die) and its attempt count goes up by one.
     */
    List<OutboxEntry> claim(int max, Instant now, Duration lease);

    /**
     * Ends {@code entry} in {@code state} (not {@link OutboxState#PENDING}) with an optional
     * note; false, changing nothing, when the claim is no longer the entry's latest.
     */
    boolean finish(OutboxEntry entry, OutboxState state, Instant now, Optional<String> note);

    /** Makes {@code entry} due again at {@code due}, noting why; false when the claim has lapsed. */
    boolean retry(OutboxEntry entry, Instant due, String reason);

    OutboxCounts counts();

    /** Deletes delivered and dropped items finished before {@code cutoff} (dead ones stay); returns how many. */
    int deleteFinishedBefore(Instant cutoff);
}
