package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.live.InstanceId;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link PresenceBoard} in three maps: instances' heartbeats, connections per event, and last-seen times. */
public final class InMemoryPresenceBoard implements PresenceBoard, InMemoryStore {

    private record Follow(ConnectionId connection, EventId event) {
    }

    private record Holder(InstanceId instance, UserId user) {
    }

    private record Seen(EventId event, UserId user) {
    }

    private record State(Map<InstanceId, Instant> instances, Map<Follow, Holder> follows, Map<Seen, Instant> lastSeen) {

        State copy() {
            return new State(new LinkedHashMap<>(instances), new LinkedHashMap<>(follows), new LinkedHashMap<>(lastSeen));
        }
    }

    private final InMemoryTransactions transactions;
    private State state = new State(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());

    public InMemoryPresenceBoard(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enrol(this);
    }

    @Override
    public boolean heartbeat(InstanceId instance, Instant now) {
        return transactions.inTransaction(() -> state.instances().put(instance, now) != null);
    }

    @Override
    public boolean arrive(InstanceId instance, ConnectionId connection, EventId event, UserId user, Instant now) {
        return transactions.inTransaction(() -> {
            if (!state.instances().containsKey(instance)) {
                throw new IllegalStateException("instance " + instance + " has sent no heartbeat");
            }
            boolean wasOnline = online(event, user);
            state.follows().put(new Follow(connection, event), new Holder(instance, user));
            state.lastSeen().remove(new Seen(event, user));
            return !wasOnline;
        });
    }

    @Override
    public boolean depart(ConnectionId connection, EventId event, Instant now) {
        return transactions.inTransaction(() -> {
            Holder holder = state.follows().remove(new Follow(connection, event));
            if (holder == null || online(event, holder.user())) {
                return false;
            }
            state.lastSeen().put(new Seen(event, holder.user()), now);
            return true;
        });
    }

    @Override
    public List<Departure> expire(Instant cutoff) {
        return transactions.inTransaction(() -> {
            Map<InstanceId, Instant> silent = new LinkedHashMap<>();
            state.instances().forEach((instance, heartbeat) -> {
                if (heartbeat.isBefore(cutoff)) {
                    silent.put(instance, heartbeat);
                }
            });
            Map<Seen, Instant> affected = new LinkedHashMap<>();
            state.follows().entrySet().removeIf(entry -> {
                Instant heartbeat = silent.get(entry.getValue().instance());
                if (heartbeat == null) {
                    return false;
                }
                affected.merge(new Seen(entry.getKey().event(), entry.getValue().user()), heartbeat,
                        (a, b) -> a.isAfter(b) ? a : b);
                return true;
            });
            silent.keySet().forEach(state.instances()::remove);
            List<Departure> gone = new ArrayList<>();
            affected.forEach((seen, heartbeat) -> {
                if (!online(seen.event(), seen.user())) {
                    state.lastSeen().put(seen, heartbeat);
                    gone.add(new Departure(seen.event(), seen.user()));
                }
            });
            return gone;
        });
    }

    @Override
    public List<MemberPresence> of(EventId event) {
        return transactions.inTransaction(() -> {
            Set<UserId> users = new LinkedHashSet<>();
            state.follows().forEach((follow, holder) -> {
                if (follow.event().equals(event)) {
                    users.add(holder.user());
                }
            });
            List<MemberPresence> all = new ArrayList<>();
            users.forEach(user -> all.add(MemberPresence.online(user)));
            state.lastSeen().forEach((seen, at) -> {
                if (seen.event().equals(event) && !users.contains(seen.user())) {
                    all.add(MemberPresence.offline(seen.user(), Optional.of(at)));
                }
            });
            all.sort(Comparator.comparing(p -> p.user().toString()));
            return all;
        });
    }

    private boolean online(EventId event, UserId user) {
        return state.follows().entrySet().stream()
                .anyMatch(e -> e.getKey().event().equals(event) && e.getValue().user().equals(user));
    }

    @Override
    public Object snapshot() {
        return state.copy();
    }

    @Override
    public void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }
}
