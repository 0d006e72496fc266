package eu.heapzilla.eventa.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.NotFound;
import org.junit.jupiter.api.Test;

class InviteIdTest {

    @Test
    void readsTheCanonicalFormBack() {
        InviteId id = InviteId.random();
        assertEquals(id, InviteId.fromPath(id.toString()));
    }

    @Test
    void malformedTextNamesNoInvite() {
        for (String text : EventIdTest.MALFORMED) {
            NotFound e = assertThrows(NotFound.class, () -> InviteId.fromPath(text), String.valueOf(text));
            assertEquals("invite not found", e.detail());
        }
    }
}
