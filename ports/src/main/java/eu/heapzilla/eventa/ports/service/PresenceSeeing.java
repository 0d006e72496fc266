package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.SeePresence;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

final class PresenceSeeing implements SeePresence {

    private final Memberships memberships;
    private final PresenceBoard board;
    private final EventReads reads;

    PresenceSeeing(Memberships memberships, PresenceBoard board, EventReads reads) {
        this.memberships = memberships;
        this.board = board;
        this.reads = reads;
    }

    @Override
    public List<MemberPresence> presence(UserId reader, EventId event) {
        return reads.asMember(reader, event, () -> {
            Map<UserId, MemberPresence> recorded = board.of(event).stream()
                    .collect(Collectors.toMap(MemberPresence::user, Function.identity()));
            return memberships.ofEvent(event).stream()
                    .map(member -> recorded.getOrDefault(member.user(), MemberPresence.offline(member.user(), Optional.empty())))
                    .toList();
        });
    }
}
