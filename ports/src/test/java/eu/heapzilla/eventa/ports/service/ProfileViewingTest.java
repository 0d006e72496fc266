package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.ViewProfile;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import org.junit.jupiter.api.Test;

class ProfileViewingTest {

    private final InMemoryAdapters adapters = new InMemoryAdapters();
    private final ViewProfile viewProfile = adapters.useCases().viewProfile();

    @Test
    void showsAStoredUser() {
        User gerda = adapters.users.addOrGet(User.register(UserId.random(), Email.of("gerda@example.org"), adapters.clock.now()));
        assertEquals(gerda, viewProfile.profile(gerda.id()));
    }

    @Test
    void anUnknownUserIsNotFound() {
        NotFound e = assertThrows(NotFound.class, () -> viewProfile.profile(UserId.random()));
        assertEquals("not_found", e.errorCode());
    }
}
