package eu.heapzilla.eventa.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(90);
    private static final UserId JANE = UserId.random();
    private static final UserId GERDA = UserId.random();

    private final Event planned = Event.plan(EventId.random(), EventBrief.titled("Jane's wedding"), JANE, T0);

    @Test
    void aPlannedEventStartsAtVersionOneMadeByItsCreator() {
        assertEquals(1, planned.version());
        assertEquals(T0, planned.createdAt());
        assertEquals(T0, planned.updatedAt());
        assertEquals(JANE, planned.createdBy());
        assertEquals(JANE, planned.updatedBy());
    }

    @Test
    void anEditBumpsTheVersionAndRecordsWhoAndWhen() {
        Event edited = planned.edited(1, EventEdit.none().withTitle("Jane & Tom's wedding"), GERDA, T1);

        assertEquals(2, edited.version());
        assertEquals("Jane & Tom's wedding", edited.brief().title());
        assertEquals(GERDA, edited.updatedBy());
        assertEquals(T1, edited.updatedAt());
        assertEquals(planned.id(), edited.id());
        assertEquals(JANE, edited.createdBy(), "who created it does not change");
        assertEquals(T0, edited.createdAt());
    }

    @Test
    void successiveEditsEachBumpOnce() {
        Event second = planned.edited(1, EventEdit.none().withLocation(Optional.of("Vienna")), GERDA, T1)
                .edited(2, EventEdit.none().withDate(Optional.of(LocalDate.of(2027, 5, 1))), JANE, T1.plusSeconds(1));
        assertEquals(3, second.version());
        assertEquals(Optional.of("Vienna"), second.brief().location());
        assertEquals(JANE, second.updatedBy());
    }

    @Test
    void anEditThatChangesNothingReturnsTheSameEvent() {
        assertSame(planned, planned.edited(1, EventEdit.none(), GERDA, T1));
        Event same = planned.edited(1, EventEdit.none().withTitle("Jane's wedding").withLocation(Optional.of("  ")), GERDA, T1);
        assertSame(planned, same);
        assertEquals(1, same.version());
        assertEquals(JANE, same.updatedBy(), "a no-op does not claim an editor");
    }

    @Test
    void aStaleEditIsRefusedCarryingTheCurrentEventAndWhatItWasBasedOn() {
        Event current = planned.edited(1, EventEdit.none().withTitle("Jane & Tom"), GERDA, T1);

        VersionConflict e = assertThrows(VersionConflict.class,
                () -> current.edited(1, EventEdit.none().withTitle("Something else"), JANE, T1.plusSeconds(5)));

        assertSame(current, e.current());
        assertEquals(2, e.current().version());
        assertEquals(GERDA, e.current().updatedBy());
        assertEquals(1, e.basedOn());
        assertEquals("version_conflict", e.errorCode());
        assertEquals(Optional.empty(), e.changedByName(), "the service fills in the name");
        assertEquals(Optional.of(DisplayName.of("Gerda")), e.changedBy(DisplayName.of("Gerda")).changedByName());
    }

    @Test
    void aVersionFromTheFutureIsAsStaleAsOneFromThePast() {
        VersionConflict e = assertThrows(VersionConflict.class,
                () -> planned.edited(7, EventEdit.none().withTitle("x"), JANE, T1));
        assertEquals(7, e.basedOn());
        assertSame(planned, e.current());
    }

    @Test
    void evenANoOpEditBasedOnAStaleVersionIsAConflict() {
        assertThrows(VersionConflict.class, () -> planned.edited(0, EventEdit.none(), JANE, T1));
    }

    @Test
    void anInvalidEditIsRefusedBeforeAnythingChanges() {
        InvalidValue e = assertThrows(InvalidValue.class,
                () -> planned.edited(1, EventEdit.none().withTitle(" "), JANE, T1));
        assertEquals("title", e.field());
        assertEquals(1, planned.version());
    }

    @Test
    void versionsStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> new Event(planned.id(), planned.brief(), 0, T0, JANE, T0, JANE));
    }
}
