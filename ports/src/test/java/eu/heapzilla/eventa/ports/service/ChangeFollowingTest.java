package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import eu.heapzilla.eventa.ports.in.FollowChanges.ChangePage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChangeFollowingTest {

    private final EventWorld world = new EventWorld();
    private final FollowChanges followChanges = world.useCases.followChanges();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");

    /** Five changes in all: the event and Olga created (1, 2), then three edits (3, 4, 5). */
    ChangeFollowingTest() {
        for (int version = 1; version <= 3; version++) {
            world.useCases.planEvents().edit(olga, wedding, version, EventEdit.none().withTitle("Wedding v" + (version + 1)));
        }
    }

    private static List<Long> seqs(ChangePage page) {
        return page.changes().stream().map(Change::seq).toList();
    }

    @Test
    void pagesFollowTheCursorUntilNothingMoreIsWaiting() {
        ChangePage first = followChanges.changesSince(olga, wedding, 0, 2);
        assertEquals(List.of(1L, 2L), seqs(first));
        assertEquals(2, first.cursor());
        assertTrue(first.hasMore());

        ChangePage second = followChanges.changesSince(olga, wedding, first.cursor(), 2);
        assertEquals(List.of(3L, 4L), seqs(second));
        assertEquals(4, second.cursor());
        assertTrue(second.hasMore());

        ChangePage third = followChanges.changesSince(olga, wedding, second.cursor(), 2);
        assertEquals(List.of(5L), seqs(third));
        assertEquals(5, third.cursor());
        assertFalse(third.hasMore());

        ChangePage caughtUp = followChanges.changesSince(olga, wedding, third.cursor(), 2);
        assertEquals(List.of(), caughtUp.changes());
        assertEquals(5, caughtUp.cursor(), "with nothing new the cursor stays where it was");
        assertFalse(caughtUp.hasMore());
    }

    @Test
    void aPageThatEndsExactlyAtTheLastChangeHasNoMore() {
        ChangePage page = followChanges.changesSince(olga, wedding, 3, 2);
        assertEquals(List.of(4L, 5L), seqs(page));
        assertFalse(page.hasMore());
    }

    @Test
    void pagingDeliversEveryChangeExactlyOnceAsLogged() {
        List<Change> seen = new ArrayList<>();
        long cursor = 0;
        ChangePage page;
        do {
            page = followChanges.changesSince(olga, wedding, cursor, 1);
            seen.addAll(page.changes());
            cursor = page.cursor();
        } while (page.hasMore());

        assertEquals(world.log(wedding), seen);
        Change first = seen.get(0);
        assertEquals(EntityType.EVENT, first.entityType());
        assertEquals(ChangeOp.CREATED, first.op());
        Change last = seen.get(4);
        assertEquals(ChangeOp.UPDATED, last.op());
        assertEquals(4, last.version());
    }

    @Test
    void newChangesShowUpAfterTheCursor() {
        ChangePage page = followChanges.changesSince(olga, wedding, 0, FollowChanges.DEFAULT_LIMIT);
        assertEquals(5, page.changes().size());
        world.join(olga, wedding, "Vic", Role.VIEWER);

        ChangePage next = followChanges.changesSince(olga, wedding, page.cursor(), FollowChanges.DEFAULT_LIMIT);

        assertEquals(List.of(6L, 7L, 8L), seqs(next));
        assertEquals(List.of(EntityType.INVITE, EntityType.INVITE, EntityType.MEMBER),
                next.changes().stream().map(Change::entityType).toList());
        assertEquals(8, next.cursor());
    }

    @Test
    void aViewerFollowsChangesToo() {
        UserId vic = world.join(olga, wedding, "Vic", Role.VIEWER);
        assertEquals(8, followChanges.changesSince(vic, wedding, 0, FollowChanges.MAX_LIMIT).cursor());
    }

    @Test
    void theLimitMayBeAsLargeAsAThousand() {
        ChangePage page = followChanges.changesSince(olga, wedding, 0, FollowChanges.MAX_LIMIT);
        assertEquals(1000, FollowChanges.MAX_LIMIT);
        assertEquals(5, page.changes().size());
        assertFalse(page.hasMore());
        assertEquals(List.of(1L), seqs(followChanges.changesSince(olga, wedding, 0, 1)));
    }

    private static void assertInvalid(String field, Executable executable) {
        InvalidValue e = assertThrows(InvalidValue.class, executable);
        assertEquals(field, e.field());
    }

    @Test
    void aCursorAheadOfTheLogIsInvalid() {
        assertInvalid("since", () -> followChanges.changesSince(olga, wedding, 6, 10));
        assertInvalid("since", () -> followChanges.changesSince(olga, wedding, Long.MAX_VALUE, 10));
    }

    @Test
    void aNegativeCursorIsInvalid() {
        assertInvalid("since", () -> followChanges.changesSince(olga, wedding, -1, 10));
    }

    @Test
    void theLimitIsBetweenOneAndAThousand() {
        assertInvalid("limit", () -> followChanges.changesSince(olga, wedding, 0, 0));
        assertInvalid("limit", () -> followChanges.changesSince(olga, wedding, 0, -1));
        assertInvalid("limit", () -> followChanges.changesSince(olga, wedding, 0, 1001));
    }

    @Test
    void aNonMemberIsToldTheEventDoesNotExist() {
        UserId stranger = world.user("Stranger");
        NotFound e = assertThrows(NotFound.class, () -> followChanges.changesSince(stranger, wedding, 0, 10));
        assertEquals("event not found", e.detail());
        assertThrows(NotFound.class, () -> followChanges.changesSince(olga, EventId.random(), 0, 10));
    }

    @Test
    void changesOfOtherEventsAreNotMixedIn() {
        EventId party = world.plan(olga, "Olga's party");
        ChangePage page = followChanges.changesSince(olga, party, 0, 100);
        assertEquals(List.of(1L, 2L), seqs(page));
        assertTrue(page.changes().stream().allMatch(c -> c.event().equals(party)));
    }
}
