package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.UUID;

/** Fresh, never-colliding test data, so contract suites need no clean-up between tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    private Fixtures() {
    }

    static Email uniqueEmail() {
        return Email.of("guest-" + UUID.randomUUID() + "@example.org");
    }

    static User newUser() {
        return User.register(UserId.random(), uniqueEmail(), T0);
    }
}
