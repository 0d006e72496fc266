package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.out.PushGateway;
import eu.heapzilla.eventa.ports.out.PushMessage;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link PushGateway} for tests of the core: it records every attempt, notes whether a
 * transaction was open (it never should be), and answers {@link PushOutcome.Sent} unless an
 * outcome was queued for that token. The real gateway is tested against a fake FCM server.
 */
public final class RecordingPushGateway implements PushGateway {

    private final InMemoryTransactions transactions;
    private final List<PushMessage> attempts = new CopyOnWriteArrayList<>();
    private final List<PushMessage> sent = new CopyOnWriteArrayList<>();
    private final List<PushMessage> insideATransaction = new CopyOnWriteArrayList<>();
    private final Map<PushToken, Deque<PushOutcome>> scripted = new ConcurrentHashMap<>();

    public RecordingPushGateway(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** The next attempts for {@code token} get these outcomes, in order; then {@code Sent} again. */
    public void answer(PushToken token, PushOutcome... outcomes) {
        scripted.computeIfAbsent(token, key -> new ArrayDeque<>()).addAll(List.of(outcomes));
    }

    @Override
    public synchronized PushOutcome send(PushMessage message) {
        if (transactions.active()) {
            insideATransaction.add(message);
        }
        attempts.add(message);
        Deque<PushOutcome> queue = scripted.get(message.token());
        PushOutcome outcome = queue == null || queue.isEmpty() ? null : queue.poll();
        if (outcome == null) {
            outcome = new PushOutcome.Sent("sent-" + attempts.size());
        }
        if (outcome instanceof PushOutcome.Sent) {
            sent.add(message);
        }
        return outcome;
    }

    @Override
    public String description() {
        return "recording push gateway (tests)";
    }

    /** Every push the gateway accepted, in order. */
    public List<PushMessage> sent() {
        return List.copyOf(sent);
    }

    /** The accepted pushes to one device. */
    public List<PushMessage> sentTo(PushToken token) {
        return sent.stream().filter(message -> message.token().equals(token)).toList();
    }

    public List<PushMessage> attempts() {
        return List.copyOf(attempts);
    }

    public List<PushMessage> sentInsideATransaction() {
        return List.copyOf(insideATransaction);
    }
}
