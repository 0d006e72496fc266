package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.ports.contract.NotificationsContract;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Notifications;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract, and notifications going with their event. */
class PostgresNotificationsTest extends NotificationsContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected Users users() {
        return database.persistence().users();
    }

    @Override
    protected Events events() {
        return database.persistence().events();
    }

    @Override
    protected Notifications notifications() {
        return database.persistence().notifications();
    }

    @Test
    void deletingAnEventDeletesItsNotifications() {
        UserId ann = storedUser();
        EventId event = storedEventId();
        Notification gone = added(notice(ann, event, 1));
        Notification kept = added(notice(ann, storedEventId(), 2));
        added(notice(ann, event, 3));

        events().remove(event);

        assertEquals(List.of(kept), notifications().of(ann, false, Optional.empty(), 10));
        assertEquals(Optional.empty(), notifications().byId(ann, gone.id()));
        assertEquals(1, notifications().unreadCount(ann));
    }
}
