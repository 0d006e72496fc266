package eu.heapzilla.eventa.ports.in;

/** Housekeeping: forget sign-in links and bearers that can never be used again. */
public interface PurgeExpiredSecrets {

    Purged purge();

    /** How many of each were deleted. */
    record Purged(int magicLinks, int bearerTokens) {
    }
}
