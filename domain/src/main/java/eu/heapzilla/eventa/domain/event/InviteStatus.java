package eu.heapzilla.eventa.domain.event;

import java.util.Locale;

/** Where an {@link Invite} stands. */
public enum InviteStatus {
    PENDING, ACCEPTED, REVOKED, EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
