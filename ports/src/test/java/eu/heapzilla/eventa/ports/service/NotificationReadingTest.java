package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.ports.in.ReadNotifications;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-app notification list: who is told what, in which words, and reading it. */
class NotificationReadingTest {

    private final EventWorld world = new EventWorld();
    private final ReadNotifications read = world.useCases.readNotifications();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");
    private final UserId piet = world.join(olga, wedding, "Piet", Role.EDITOR);
    private final UserId gerda = world.join(olga, wedding, "Gerda", Role.EDITOR);

    private List<String> texts(UserId user) {
        return read.notifications(user, false, Optional.empty(), 50).notifications().stream()
                .map(ReadNotifications.Shown::text).toList();
    }

    private Task task(UserId by, TaskDetails details) {
        world.tick();
        return world.useCases.keepChecklist().addTask(by, wedding, details);
    }

    private Task complete(UserId by, Task task) {
        world.tick();
        return world.useCases.keepChecklist().complete(by, wedding, task.id(), task.version(), true);
    }

    @Test
    void markingATaskDoneTellsEveryoneElseInTheirWords() {
        Task florist = task(olga, TaskDetails.titled("Book the florist"));
        complete(piet, florist);

        assertEquals("Piet marked 'Book the florist' done", texts(olga).get(0));
        assertEquals("Piet marked 'Book the florist' done", texts(gerda).get(0));
        assertFalse(texts(piet).contains("Piet marked 'Book the florist' done"), "not the one who did it");
    }

    @Test
    void theWordsAreTheNamesAsTheyAreNowOrAsTheyWereOnceTheThingIsGone() {
        Task florist = task(olga, TaskDetails.titled("Book the florist"));
        Task done = complete(piet, florist);
        world.useCases.editProfile().rename(piet, DisplayName.of("Pieter"));
        Task renamed = world.useCases.keepChecklist().editTask(olga, wedding, done.id(), done.version(),
                TaskDetails.Edit.none().withTitle("Book the florist and the band"));

        assertEquals("Pieter marked 'Book the florist and the band' done", texts(gerda).get(0));

        world.useCases.keepChecklist().deleteTask(olga, wedding, renamed.id(), renamed.version());
        assertEquals("Pieter marked 'Book the florist' done", texts(gerda).get(0), "the title it had then");
    }

    @Test
    void anAssignmentTellsOnlyTheAssigneeAndAssigningOneselfTellsNoOne() {
        Task cake = task(olga, new TaskDetails("Order the cake", Optional.empty(), Optional.empty(), Optional.of(piet)));
        world.useCases.keepChecklist().editTask(olga, wedding, cake.id(), cake.version(),
                TaskDetails.Edit.none().withAssignee(Optional.of(olga)));

        assertEquals("You were assigned 'Order the cake'", texts(piet).get(0));
        ReadNotifications.Shown shown = read.notifications(piet, false, Optional.empty(), 1).notifications().get(0);
        assertEquals(NotificationKind.TASK_ASSIGNED, shown.notification().kind());
        assertEquals(cake.id().toString(), shown.notification().entityId());
        assertFalse(texts(gerda).contains("You were assigned 'Order the cake'"));
        assertFalse(texts(olga).stream().anyMatch(text -> text.contains("assigned")));
    }

    @Test
    void anInviteTellsAnInviteeWhoAlreadyHasAnAccountAndAJoiningTellsTheOthers() {
        UserId anna = world.user("Anna");
        EventId reunion = world.plan(gerda, "Class reunion");
        world.useCases.inviteMembers().invite(gerda, reunion, EventWorld.email("Anna"), Role.VIEWER);
        world.useCases.inviteMembers().invite(gerda, reunion, EventWorld.email("Nobody"), Role.VIEWER);

        assertEquals(List.of("Gerda invited you to Class reunion"), texts(anna));
        assertTrue(texts(olga).contains("Gerda joined Jane's wedding"));
        assertTrue(texts(piet).contains("Gerda joined Jane's wedding"));
        assertFalse(texts(gerda).contains("Gerda joined Jane's wedding"));
    }

    @Test
    void anRsvpAnswerTellsEveryoneElse() {
        var household = world.useCases.manageGuests().addHousehold(olga, wedding, HouseholdDetails.named("Müller"));
        Guest anna = world.useCases.manageGuests().addGuest(olga, wedding, GuestDetails.named(household.id(), "Anna Müller"));
        world.useCases.manageGuests().editGuest(gerda, wedding, anna.id(), anna.version(),
                GuestDetails.Edit.none().withRsvp(Rsvp.YES));

        assertEquals("Gerda set Anna Müller's RSVP to yes", texts(olga).get(0));
    }

    @Test
    void unreadOnlyMarkReadAndMarkAllRead() {
        Task a = task(olga, TaskDetails.titled("A"));
        Task b = task(olga, TaskDetails.titled("B"));
        complete(piet, a);
        complete(piet, b);
        ReadNotifications.Page page = read.notifications(gerda, true, Optional.empty(), 50);
        long unread = page.unread();
        assertEquals(page.notifications().size(), unread);

        read.markRead(gerda, page.notifications().get(0).notification().id());
        read.markRead(gerda, page.notifications().get(0).notification().id());

        assertEquals(unread - 1, read.notifications(gerda, true, Optional.empty(), 50).unread());
        assertEquals(unread - 1, read.notifications(gerda, true, Optional.empty(), 50).notifications().size());
        assertEquals(unread, read.notifications(gerda, false, Optional.empty(), 50).notifications().size(), "all of them");
        assertEquals((int) unread - 1, read.markAllRead(gerda));
        assertEquals(0, read.notifications(gerda, true, Optional.empty(), 50).notifications().size());
        assertThrows(NotFound.class, () -> read.markRead(olga, page.notifications().get(0).notification().id()),
                "someone else's notification is none of Olga's");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            complete(piet, task(olga, TaskDetails.titled("Task " + i)));
        }
        List<String> all = texts(gerda);

        ReadNotifications.Page first = read.notifications(gerda, false, Optional.empty(), 3);
        ReadNotifications.Page second = read.notifications(gerda, false,
                Optional.of(first.notifications().get(2).notification().id()), 3);

        assertTrue(first.hasMore());
        assertEquals(all.subList(0, 3), first.notifications().stream().map(ReadNotifications.Shown::text).toList());
        assertEquals(all.subList(3, 6), second.notifications().stream().map(ReadNotifications.Shown::text).toList());
        assertThrows(InvalidValue.class, () -> read.notifications(gerda, false, Optional.empty(), 0));
        assertThrows(InvalidValue.class, () -> read.notifications(gerda, false, Optional.empty(), 201));
    }

    @Test
    void notificationsOfAnEventOneHasLeftAreNotShown() {
        complete(piet, task(olga, TaskDetails.titled("Book the florist")));
        assertEquals("Piet marked 'Book the florist' done", texts(gerda).get(0));

        world.useCases.manageMembers().remove(gerda, wedding, gerda);

        assertEquals(List.of(), texts(gerda));
    }

    @Test
    void theEventIsNamedAsItIsCalledNow() {
        UserId anna = world.user("Anna");
        EventId reunion = world.plan(gerda, "Class reunion");
        world.useCases.inviteMembers().invite(gerda, reunion, EventWorld.email("Anna"), Role.VIEWER);
        long version = world.useCases.planEvents().view(gerda, reunion).event().version();
        world.useCases.planEvents().edit(gerda, reunion, version, EventEdit.none().withTitle("Class of 2006 reunion"));

        assertEquals(List.of("Gerda invited you to Class of 2006 reunion"), texts(anna));
    }
}
