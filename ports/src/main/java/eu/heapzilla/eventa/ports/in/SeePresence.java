package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.List;

/** A member sees who else has the event open right now, and when the others were last there. */
public interface SeePresence {

    /**
     * Every member of the event, in the order of the member list.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when the reader is not a member
     */
    List<MemberPresence> presence(UserId reader, EventId event);
}
