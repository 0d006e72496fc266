package eu.heapzilla.eventa.adapters.push;

import eu.heapzilla.eventa.ports.out.PushGateway;
import eu.heapzilla.eventa.ports.out.PushMessage;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used without Firebase credentials: each push is written to the log at INFO, with the token
 * abbreviated, and counts as sent, so the outbox behind it drains as it would with FCM.
 */
final class LoggingPushGateway implements PushGateway {

    static final String DESCRIPTION = "no push credentials (" + PushDelivery.CREDENTIALS_VARIABLE + ", "
            + PushDelivery.PROJECT_VARIABLE + "): pushes are logged, not sent";

    private static final Logger log = LoggerFactory.getLogger("eventa.push");

    private final AtomicLong logged = new AtomicLong();

    @Override
    public PushOutcome send(PushMessage message) {
        String id = "logged-" + logged.incrementAndGet();
        log.atInfo()
                .addKeyValue("push_kind", message.kind())
                .addKeyValue("event_id", message.event())
                .addKeyValue("push_id", id)
                .log("Push not sent (no FCM credentials): {} in event {} for {} {} at seq {} to {} device {}",
                        message.kind(), message.event(), message.entityType().wireName(), message.entityId(),
                        message.seq(), message.platform().wireName(), message.token());
        return new PushOutcome.Sent(id);
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }
}
