package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The in-memory core with a few people in it, for the event use-case tests. */
final class EventWorld {

    final InMemoryAdapters adapters = new InMemoryAdapters();
    final UseCases useCases = adapters.useCases();

    /** A signed-up user called {@code name}, mailing at {@code name@example.org}. */
    UserId user(String name) {
        User user = User.register(UserId.random(), email(name), adapters.clock.now()).renamed(DisplayName.of(name));
        adapters.users.addOrGet(user);
        return user.id();
    }

    static Email email(String name) {
        return Email.of(name.toLowerCase() + "@example.org");
    }

    EventId plan(UserId owner, String title) {
        return useCases.planEvents().plan(owner, EventBrief.titled(title)).event().id();
    }

    /** Invites {@code email} and returns the token from the mail. */
    Secret invite(UserId inviter, EventId event, Email email, Role role) {
        useCases.inviteMembers().invite(inviter, event, email, role);
        return lastInvitation().token();
    }

    Mail.Invitation lastInvitation() {
        List<Mail> sent = adapters.mails();
        return (Mail.Invitation) sent.get(sent.size() - 1);
    }

    /** Brings a new person called {@code name} into the event through an accepted invite. */
    UserId join(UserId inviter, EventId event, String name, Role role) {
        Secret token = invite(inviter, event, email(name), role);
        JoinEvent.Joined joined = useCases.joinEvent().accept(token, Optional.empty());
        assertEquals(role, joined.role());
        UserId id = joined.signedIn().user().id();
        useCases.editProfile().rename(id, DisplayName.of(name));
        tick();
        return id;
    }

    /** Moves the clock on a little, so that things done one after another are ordered in time. */
    void tick() {
        adapters.clock.advance(Duration.ofSeconds(1));
    }

    List<Change> log(EventId event) {
        return adapters.changeLog.of(event);
    }

    Change lastChange(EventId event) {
        List<Change> log = log(event);
        return log.get(log.size() - 1);
    }

    /** Asserts a change's seq, what it was about and who made it. */
    static void assertChange(Change change, long seq, EntityType type, String entityId, ChangeOp op, long version,
                             UserId actor) {
        assertEquals(seq, change.seq(), "seq of " + change);
        assertEquals(type, change.entityType(), "entity type of " + change);
        assertEquals(entityId, change.entityId(), "entity id of " + change);
        assertEquals(op, change.op(), "op of " + change);
        assertEquals(version, change.version(), "version of " + change);
        assertEquals(actor, change.actor(), "actor of " + change);
    }
}
