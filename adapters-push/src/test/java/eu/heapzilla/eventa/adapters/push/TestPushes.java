package eu.heapzilla.eventa.adapters.push;

import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.out.PushMessage;
import java.util.UUID;

/** Pushes for the tests. */
final class TestPushes {

    static final EventId EVENT = new EventId(UUID.fromString("7c0ffee0-1111-4222-8333-123456789abc"));
    static final String TOKEN = "dGhpcyBpcyBhIGZha2UgZmNtIHRva2Vu:APA91bFakeRegistrationToken";

    private TestPushes() {
    }

    static PushMessage push() {
        return push(TOKEN);
    }

    static PushMessage push(String token) {
        return new PushMessage(new PushToken(token), Platform.ANDROID, "task_assigned", EVENT, EntityType.TASK,
                "3f2a9c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", 42);
    }
}
