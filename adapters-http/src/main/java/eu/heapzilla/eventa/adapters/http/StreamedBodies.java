package eu.heapzilla.eventa.adapters.http;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bodies too large to be read before their request gets a thread (receipt uploads, imports,
 * oversized bodies being dropped), each holding one while it arrives: at most so many at once,
 * and at most so many per client address, so that slow senders cannot take the threads that
 * serve everyone else.
 */
final class StreamedBodies {

    private final int max;
    private final int maxPerAddress;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();

    StreamedBodies(ClientLimits limits) {
        this.max = limits.maxStreamedBodies();
        this.maxPerAddress = limits.maxStreamedBodiesPerAddress();
    }

    /** Takes a place for a body from {@code address}, or says why there is none; give it back with {@link #release}. */
    Optional<Refusal> acquire(String address) {
        if (inProgress.incrementAndGet() > max) {
            inProgress.decrementAndGet();
            return Optional.of(Refusal.serverBusy("uploads in progress", max));
        }
        boolean[] refused = {false};
        perAddress.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= maxPerAddress) {
                refused[0] = true;
                return count;
            }
            return now + 1;
        });
        if (refused[0]) {
            inProgress.decrementAndGet();
            return Optional.of(Refusal.tooManyFromAddress("uploads in progress", maxPerAddress));
        }
        return Optional.empty();
    }

    void release(String address) {
        perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        inProgress.decrementAndGet();
    }

    /** Bodies being received now. */
    int inProgress() {
        return inProgress.get();
    }
}
