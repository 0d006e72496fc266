package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.EditProfile;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import org.junit.jupiter.api.Test;

class ProfileEditingTest {

    private final InMemoryAdapters adapters = new InMemoryAdapters();
    private final EditProfile editProfile = adapters.useCases().editProfile();

    @Test
    void renamesAUserAndKeepsTheRest() {
        User gerda = adapters.users.addOrGet(User.register(UserId.random(), Email.of("gerda@example.org"), adapters.clock.now()));

        User renamed = editProfile.rename(gerda.id(), DisplayName.of("Gerda M."));

        assertEquals("Gerda M.", renamed.displayName().value());
        assertEquals(renamed, adapters.users.byId(gerda.id()).orElseThrow());
        assertEquals(gerda.email(), renamed.email());
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThrows(NotFound.class, () -> editProfile.rename(UserId.random(), DisplayName.of("Nobody")));
    }
}
