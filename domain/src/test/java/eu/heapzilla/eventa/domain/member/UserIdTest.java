package eu.heapzilla.eventa.domain.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

    @Test
    void roundTripsTheCanonicalForm() {
        UserId id = UserId.random();
        assertEquals(id, UserId.parse("user_id", id.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "not-a-uuid-at-all-but-36-characters!", "1-1-1-1-1", "0000000-0000-0000-0000-0000000000000"})
    void rejectsAnythingElse(String text) {
        InvalidValue e = assertThrows(InvalidValue.class, () -> UserId.parse("user_id", text));
        assertEquals("user_id", e.field());
    }
}
