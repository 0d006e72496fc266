package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.MULTILINE_TEXT;
import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.UNICODE_LINE;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.storedEvent;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uuidStartingWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.domain.notification.NotificationId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Notifications;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Notifications} implementation must do. Recipients are stored users and
 * events stored events, as a database demands; each test reads only its own recipients' lists.
 */
public abstract class NotificationsContract {

    private static final int KEEP = Notification.MAX_PER_USER;

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract Notifications notifications();

    protected UserId storedUser() {
        return users().addOrGet(newUser()).id();
    }

    protected EventId storedEventId() {
        return storedEvent(users(), events()).id();
    }

    /** An unread task-done notice to {@code recipient} created {@code secondsAfterT0}. */
    protected static Notification notice(UserId recipient, EventId event, long secondsAfterT0) {
        return notice(recipient, event, NotificationId.random(), T0.plusSeconds(secondsAfterT0));
    }

    protected static Notification notice(UserId recipient, EventId event, NotificationId id, Instant createdAt) {
        return new Notification(id, recipient, event, NotificationKind.TASK_DONE, UserId.random(), EntityType.TASK,
                UUID.randomUUID().toString(), 7, "Book the florist", "", createdAt, Optional.empty());
    }

    protected Notification added(Notification notification) {
        notifications().add(notification, KEEP);
        return notification;
    }

    private List<Notification> all(UserId recipient) {
        return notifications().of(recipient, false, Optional.empty(), KEEP);
    }

    private static List<NotificationId> ids(List<Notification> notifications) {
        return notifications.stream().map(Notification::id).toList();
    }

    private static List<NotificationId> ids(Notification... notifications) {
        return ids(List.of(notifications));
    }

    @Test
    void storesEveryFieldOfEveryKind() {
        UserId ann = storedUser();
        EventId event = storedEventId();
        UserId actor = storedUser();
        List<Notification> stored = List.of(
                new Notification(NotificationId.random(), ann, event, NotificationKind.TASK_DONE, actor, EntityType.TASK,
                        UUID.randomUUID().toString(), 1, UNICODE_LINE, "", T0.plusSeconds(5), Optional.empty()),
                new Notification(NotificationId.random(), ann, event, NotificationKind.TASK_ASSIGNED, actor,
                        EntityType.TASK, UUID.randomUUID().toString(), 2, "Book the florist", "", T0.plusSeconds(4),
                        Optional.of(T0.plusSeconds(60))),
                new Notification(NotificationId.random(), ann, event, NotificationKind.RSVP_CHANGED, actor,
                        EntityType.GUEST, UUID.randomUUID().toString(), 3, "Zoë \"Z\" O'Brien", "maybe",
                        T0.plusSeconds(3), Optional.empty()),
                new Notification(NotificationId.random(), ann, event, NotificationKind.MEMBER_JOINED, actor,
                        EntityType.MEMBER, actor.toString(), Long.MAX_VALUE, "Jörg", MULTILINE_TEXT,
                        T0.plusSeconds(2).plusMillis(999), Optional.of(T0.plusSeconds(3))),
                new Notification(NotificationId.random(), ann, event, NotificationKind.INVITED, UserId.random(),
                        EntityType.INVITE, UUID.randomUUID().toString(), 5, "Jane & John's wedding", "", T0.plusSeconds(1),
                        Optional.empty()));
        stored.forEach(this::added);

        assertEquals(stored, all(ann));
        for (Notification notification : stored) {
            assertEquals(Optional.of(notification), notifications().byId(ann, notification.id()));
        }
    }

    @Test
    void findsByIdOnlyTheRecipientsOwn() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        Notification annsNotice = added(notice(ann, storedEventId(), 1));

        assertEquals(Optional.empty(), notifications().byId(bob, annsNotice.id()));
        assertEquals(Optional.empty(), notifications().byId(ann, NotificationId.random()));
    }

    @Test
    void listsTheRecipientsOwnNewestFirstTiesBrokenByTheIdsCanonicalFormDescending() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        EventId event = storedEventId();
        EventId other = storedEventId();
        Notification oldest = added(notice(ann, event, 1));
        Notification low = added(notice(ann, other, new NotificationId(uuidStartingWith('1')), T0.plusSeconds(2)));
        Notification high = added(notice(ann, event, new NotificationId(uuidStartingWith('f')), T0.plusSeconds(2)));
        Notification newest = added(notice(ann, event, 3));
        added(notice(bob, event, 4));

        assertEquals(ids(newest, high, low, oldest), ids(all(ann)));
        assertEquals(ids(newest, high), ids(notifications().of(ann, false, Optional.empty(), 2)));
        assertEquals(List.of(), notifications().of(storedUser(), false, Optional.empty(), 10));
    }

    @Test
    void pagesOnFromTheOneNamedBefore() {
        UserId ann = storedUser();
        EventId event = storedEventId();
        Notification first = added(notice(ann, event, 1));
        Notification low = added(notice(ann, event, new NotificationId(uuidStartingWith('0')), T0.plusSeconds(2)));
        Notification high = added(notice(ann, event, new NotificationId(uuidStartingWith('a')), T0.plusSeconds(2)));
        Notification fourth = added(notice(ann, event, 4));
        Notification fifth = added(notice(ann, event, 5));

        assertEquals(ids(fourth, high), ids(notifications().of(ann, false, Optional.of(fifth.id()), 2)));
        assertEquals(ids(low, first), ids(notifications().of(ann, false, Optional.of(high.id()), 2)),
                "past a tie on the time");
        assertEquals(ids(first), ids(notifications().of(ann, false, Optional.of(low.id()), 2)));
        assertEquals(List.of(), notifications().of(ann, false, Optional.of(first.id()), 2));
    }

    @Test
    void listsOnlyTheUnreadOnesWhenAsked() {
        UserId ann = storedUser();
        EventId event = storedEventId();
        Notification first = added(notice(ann, event, 1));
        Notification second = added(notice(ann, event, 2));
        Notification third = added(notice(ann, event, 3));
        Notification fourth = added(notice(ann, event, 4));
        notifications().markRead(ann, second.id(), T0.plusSeconds(10));
        notifications().markRead(ann, fourth.id(), T0.plusSeconds(10));

        assertEquals(ids(third, first), ids(notifications().of(ann, true, Optional.empty(), 10)));
        assertEquals(ids(first), ids(notifications().of(ann, true, Optional.of(third.id()), 10)));
        assertEquals(ids(first), ids(notifications().of(ann, true, Optional.of(second.id()), 10)),
                "a read one may be the cursor");
        assertEquals(ids(fourth, third, second, first), ids(all(ann)));
    }

    @Test
    void countsTheRecipientsUnreadOnes() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        EventId event = storedEventId();
        Notification read = added(notice(ann, event, 1));
        added(notice(ann, event, 2));
        added(notice(ann, event, 3));
        added(notice(bob, event, 4));
        notifications().markRead(ann, read.id(), T0.plusSeconds(10));

        assertEquals(2, notifications().unreadCount(ann));
        assertEquals(1, notifications().unreadCount(bob));
        assertEquals(0, notifications().unreadCount(storedUser()));
    }

    @Test
    void marksOneOfTheRecipientsOwnReadOnceKeepingWhenItWasFirstRead() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        Notification notice = added(notice(ann, storedEventId(), 1));

        assertFalse(notifications().markRead(bob, notice.id(), T0.plusSeconds(5)), "not bob's");
        assertFalse(notifications().markRead(ann, NotificationId.random(), T0.plusSeconds(5)), "no such notification");
        assertEquals(Optional.of(notice), notifications().byId(ann, notice.id()));

        assertTrue(notifications().markRead(ann, notice.id(), T0.plusSeconds(10)));
        assertTrue(notifications().markRead(ann, notice.id(), T0.plusSeconds(20)), "read already is still there");

        assertEquals(Optional.of(notice.read(T0.plusSeconds(10))), notifications().byId(ann, notice.id()));
        assertEquals(0, notifications().unreadCount(ann));
    }

    @Test
    void marksAllOfTheRecipientsUnreadOnesReadAndCountsThem() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        EventId event = storedEventId();
        Notification readBefore = added(notice(ann, event, 1));
        Notification first = added(notice(ann, event, 2));
        Notification second = added(notice(ann, storedEventId(), 3));
        Notification bobs = added(notice(bob, event, 4));
        notifications().markRead(ann, readBefore.id(), T0.plusSeconds(5));

        assertEquals(2, notifications().markAllRead(ann, T0.plusSeconds(10)));

        assertEquals(List.of(second.read(T0.plusSeconds(10)), first.read(T0.plusSeconds(10)),
                readBefore.read(T0.plusSeconds(5))), all(ann));
        assertEquals(List.of(bobs), all(bob));
        assertEquals(0, notifications().markAllRead(ann, T0.plusSeconds(20)));
        assertEquals(0, notifications().markAllRead(storedUser(), T0.plusSeconds(20)));
    }

    @Test
    void keepsOnlyTheRecipientsNewestOnes() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        EventId event = storedEventId();
        List<Notification> bobs = List.of(added(notice(bob, event, 1)), added(notice(bob, event, 2)));
        Notification first = notice(ann, event, 1);
        Notification second = notice(ann, event, 2);
        Notification third = notice(ann, event, 3);
        Notification fourth = notice(ann, event, 4);
        for (Notification notification : List.of(first, second, third, fourth)) {
            notifications().add(notification, 3);
        }

        assertEquals(ids(fourth, third, second), ids(all(ann)));
        assertEquals(Optional.empty(), notifications().byId(ann, first.id()));

        notifications().add(notice(ann, event, 0), 3);
        assertEquals(ids(fourth, third, second), ids(all(ann)), "one older than those kept makes way itself");

        assertEquals(ids(bobs.get(1), bobs.get(0)), ids(all(bob)), "another's list stays");
    }

    @Test
    void aNotificationAddedInATransactionThatFailsIsNeverThere() {
        UserId ann = storedUser();
        EventId event = storedEventId();
        Notification kept = added(notice(ann, event, 1));

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            notifications().add(notice(ann, event, 2), 1);
            throw new IllegalStateException("the write fails after notifying");
        }));

        assertEquals(List.of(kept), all(ann));
    }
}
