package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Fresh, never-colliding test data, so contract suites need no clean-up between tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    private Fixtures() {
    }

    static Email uniqueEmail() {
        return Email.of("guest-" + UUID.randomUUID() + "@example.org");
    }

    static User newUser() {
        return User.register(UserId.random(), uniqueEmail(), T0);
    }

    /**
     * A random UUID whose canonical form starts with {@code hexDigit}: ids starting with 8 to f
     * are negative as Java's signed {@link UUID#compareTo} sees them, so a pair of ids starting
     * with 1 and f tells whether ties are broken in the canonical (and PostgreSQL's) order.
     */
    static UUID uuidStartingWith(char hexDigit) {
        return UUID.fromString(hexDigit + UUID.randomUUID().toString().substring(1));
    }

    /** An event planned by {@code creator} at {@link #T0} with just a title. */
    static Event newEvent(User creator) {
        return newEvent(EventId.random(), creator);
    }

    static Event newEvent(EventId id, User creator) {
        return Event.plan(id, EventBrief.titled("Jane & John's wedding"), creator.id(), T0);
    }

    /** A brief with every field set: a non-Latin title, line breaks and tabs in the notes. */
    static EventBrief fullBrief() {
        return new EventBrief("Ану & Jörg — 結婚式 💍", Optional.of(LocalDate.of(2027, 5, 15)), ZoneId.of("Europe/Vienna"),
                Currency.getInstance("CHF"), Optional.of("Schloss Schönbrunn, Wien"),
                Optional.of("Ceremony at 14:00.\nDinner at 19:00,\r\n\tthen dancing.\n\nNo confetti!"),
                OptionalLong.of(2_500_000));
    }

    /** Stores a new user and an event they planned, for suites that need an existing event. */
    static Event storedEvent(Users users, Events events) {
        Event event = newEvent(users.addOrGet(newUser()));
        events.add(event);
        return event;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
