package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.ports.out.PushGateway;
import eu.heapzilla.eventa.ports.out.PushMessage;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the pushes a test server sends; the real gateway is tested against a fake FCM server. */
final class CapturingPushGateway implements PushGateway {

    private final List<PushMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public PushOutcome send(PushMessage message) {
        sent.add(message);
        return new PushOutcome.Sent("captured-" + sent.size());
    }

    @Override
    public String description() {
        return "capturing push gateway (tests)";
    }

    List<PushMessage> sent() {
        return List.copyOf(sent);
    }
}
