package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.member.UserId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The open live connections per user and per client address. A new connection from an address
 * that has {@link LiveSettings#connectionsPerAddress()} open is refused: others behind the same
 * address must not lose theirs to it. A user's connection beyond
 * {@link LiveSettings#connectionsPerUser()} is let in and the user's oldest is closed instead:
 * a device that reconnects after its network changed is usually the reason, and its old
 * connection is the one that is gone. Either way a client cannot make the server hold more.
 */
final class LiveBudget {

    /** What became of a new connection: refused, or admitted (and perhaps the user's oldest is to be closed). */
    record Admission(boolean admitted, Optional<LiveSocket> evicted) {
    }

    private final int perUser;
    private final int perAddress;
    private final Map<UserId, Deque<LiveSocket>> byUser = new HashMap<>();
    private final Map<String, Integer> byAddress = new HashMap<>();

    LiveBudget(LiveSettings settings) {
        this.perUser = settings.connectionsPerUser();
        this.perAddress = settings.connectionsPerAddress();
    }

    int perUser() {
        return perUser;
    }

    int perAddress() {
        return perAddress;
    }

    synchronized Admission admit(LiveSocket socket, UserId user, String address) {
        if (byAddress.getOrDefault(address, 0) >= perAddress) {
            return new Admission(false, Optional.empty());
        }
        byAddress.merge(address, 1, Integer::sum);
        Deque<LiveSocket> sockets = byUser.computeIfAbsent(user, u -> new ArrayDeque<>());
        sockets.addLast(socket);
        return new Admission(true, sockets.size() > perUser ? Optional.of(sockets.pollFirst()) : Optional.empty());
    }

    /** An admitted connection ended (whether it was evicted before or not). */
    synchronized void left(LiveSocket socket, UserId user, String address) {
        Deque<LiveSocket> sockets = byUser.get(user);
        if (sockets != null && sockets.remove(socket) && sockets.isEmpty()) {
            byUser.remove(user);
        }
        byAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }
}
