package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Users;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Fresh, never-colliding test data, so contract suites need no clean-up between tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    /** A line with characters from outside the Basic Multilingual Plane, Cyrillic, CJK and accents. */
    static final String UNICODE_LINE = "Ану & Jörg — 結婚式 💍";

    /** Free text with every line break and a tab, which notes may hold. */
    static final String MULTILINE_TEXT = "Ceremony at 14:00.\nDinner at 19:00,\r\n\tthen dancing.\n\nNo confetti! 🎉";

    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** A single line of exactly {@code length} characters (code points), each a surrogate pair in UTF-16. */
    static String longestLine(int length) {
        return "\uD83C\uDF89".repeat(length);
    }

    /** Free text of exactly {@code length} characters (code points), line breaks included. */
    static String longestText(int length) {
        return "ä\n".repeat(length / 2) + "ß".repeat(length % 2);
    }

    /** Version 1, created and last edited by {@code author} at {@code T0} plus {@code secondsAfterT0}. */
    static Revision firstRevision(UserId author, long secondsAfterT0) {
        return Revision.first(author, T0.plusSeconds(secondsAfterT0));
    }

    /** A revision several edits on, last edited by someone other than its creator. */
    static Revision laterRevision(long version, UserId creator, UserId editor) {
        return new Revision(version, T0.plusSeconds(1), creator, T0.plusSeconds(3_600).plusMillis(250), editor);
    }

    static HouseholdDetails fullHouseholdDetails() {
        return new HouseholdDetails("Familie Müller-Ångström 👪", Optional.of("Hauptstraße 1\n1010 Wien\nÖsterreich"),
                Optional.of(MULTILINE_TEXT));
    }

    /** A guest with every field set: an answer, contact, meal, diet, a named plus-one, and a child. */
    static GuestDetails fullGuestDetails(HouseholdId household) {
        return new GuestDetails(household, UNICODE_LINE, Optional.of(Email.of("Ana.Jorg+rsvp@Example.org")),
                Optional.of("+43 (1) 234-56.78/9"), Rsvp.YES, Optional.of("Vegetarisch — 素食"),
                Optional.of("No nuts.\nLactose-free, please."), true, Optional.of("Zoë Ω"), true,
                Optional.of(MULTILINE_TEXT));
    }

    /** A task with every field set but the completion, which is the task's own. */
    static TaskDetails fullTaskDetails(UserId assignee) {
        return new TaskDetails("Book the florist 💐 — Blumen Schön", Optional.of(MULTILINE_TEXT),
                Optional.of(LocalDate.of(2027, 2, 28)), Optional.of(assignee));
    }

    /** A budget item with every field set, actual amount included. */
    static BudgetItemDetails fullBudgetItemDetails() {
        return new BudgetItemDetails("Blumen & Deko", UNICODE_LINE, Optional.of("Blumen Schön GmbH"), 250_000,
                OptionalLong.of(263_999), 100_000, Optional.of(LocalDate.of(2027, 4, 1)), Optional.of(MULTILINE_TEXT));
    }

    /** 64 random lower-case hex digits, shaped like a SHA-256. */
    static String randomSha256() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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
