package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.InviteId;
import eu.heapzilla.eventa.domain.event.InviteStatus;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Owners and editors invite people by email; the invite mail carries a one-time link. A new
 * invite to the same address replaces a pending one, so the latest mail is the one that works.
 */
public interface InviteMembers {

    /**
     * Creates the invite and mails it once the transaction has committed.
     *
     * @throws eu.heapzilla.eventa.domain.error.Conflict {@code already_member} when the address belongs to a member
     * @throws eu.heapzilla.eventa.domain.error.Forbidden when a viewer invites, or an editor invites an owner
     * @throws eu.heapzilla.eventa.domain.error.Unavailable when the mail cannot be handed over; the invite stays
     */
    InviteState invite(UserId inviter, EventId event, Email email, Role role);

    /** The event's invites that are still open (pending or expired), oldest first. */
    List<InviteState> invites(UserId viewer, EventId event);

    /**
     * Withdraws an invite; its link stops working at once. Withdrawing twice is harmless.
     *
     * @throws eu.heapzilla.eventa.domain.error.Gone when it was already accepted
     */
    void revoke(UserId actor, EventId event, InviteId invite);

    /** An invite and where it stands now. */
    record InviteState(Invite invite, InviteStatus status) {

        public InviteState {
            Objects.requireNonNull(invite, "invite");
            Objects.requireNonNull(status, "status");
        }
    }
}
