package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.InviteId;
import java.util.List;
import java.util.Optional;

/** Invitations to join events, known by id and by the hash of their token (never the token). */
public interface Invites {

    /** @throws IllegalStateException when an invite with that id or hash exists */
    void add(Invite invite);

    Optional<Invite> byId(InviteId id);

    Optional<Invite> byHash(SecretHash hash);

    /** Every invite of the event, whatever its state, oldest first (ties by id). */
    List<Invite> ofEvent(EventId event);

    /**
     * Stores the accepted, revoked and version fields of an existing invite.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when it does not exist
     */
    void update(Invite invite);
}
