package eu.heapzilla.eventa.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.NotFound;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdTest {

    static final String[] MALFORMED = {
        null,
        "",
        "abc",
        "not-a-uuid",
        "3fa85f64-5717-4562-b3fc-2c963f66afa",
        "3fa85f64-5717-4562-b3fc-2c963f66afa67",
        "3fa85f64571745629b3fc2c963f66afa6000",
        "{3fa85f64-5717-4562-b3fc-2c963f66afa}",
        " 3fa85f64-5717-4562-b3fc-2c963f66afa",
        "3fa85f64-5717-4562-b3fc-2c963f66afaz",
        "1-1-1-1-00000000000000000000000000001",
        "3fa85f64-5717-4562-b3fc-2c963f66afa6/../x",
    };

    @Test
    void readsTheCanonicalFormBack() {
        EventId id = EventId.random();
        assertEquals(id, EventId.fromPath(id.toString()));
        assertEquals("3fa85f64-5717-4562-b3fc-2c963f66afa6",
                EventId.fromPath("3fa85f64-5717-4562-b3fc-2c963f66afa6").toString());
    }

    @Test
    void capitalsNameTheSameEvent() {
        assertEquals(EventId.fromPath("3fa85f64-5717-4562-b3fc-2c963f66afa6"),
                EventId.fromPath("3FA85F64-5717-4562-B3FC-2C963F66AFA6"));
    }

    @Test
    void malformedTextNamesNoEvent() {
        for (String text : MALFORMED) {
            NotFound e = assertThrows(NotFound.class, () -> EventId.fromPath(text), String.valueOf(text));
            assertEquals("not_found", e.errorCode());
            assertEquals("event not found", e.detail());
        }
    }

    @Test
    void randomIdsDiffer() {
        assertNotEquals(EventId.random(), EventId.random());
        assertEquals(UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6"),
                EventId.fromPath("3fa85f64-5717-4562-b3fc-2c963f66afa6").value());
    }
}
