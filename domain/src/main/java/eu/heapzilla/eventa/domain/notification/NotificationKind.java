package eu.heapzilla.eventa.domain.notification;

import java.util.Locale;
import java.util.Objects;

/**
 * Every kind of notification and its copy: the one table of what eventa tells people. In a
 * template, {@code {actor}} is who did it (their current display name), {@code {title}} the
 * entity's current title (a task's title, a guest's name), {@code {event}} the event's current
 * title and {@code {detail}} what the kind adds (an RSVP answer).
 */
public enum NotificationKind {
    TASK_DONE(Audience.EVERYONE_ELSE, "{actor} marked '{title}' done"),
    TASK_ASSIGNED(Audience.ONE_PERSON, "You were assigned '{title}'"),
    RSVP_CHANGED(Audience.EVERYONE_ELSE, "{actor} set {title}'s RSVP to {detail}"),
    MEMBER_JOINED(Audience.EVERYONE_ELSE, "{actor} joined {event}"),
    INVITED(Audience.ONE_PERSON, "{actor} invited you to {event}");

    /** Who hears of it: one person it is about, or every member of the event but the one who did it. */
    public enum Audience { ONE_PERSON, EVERYONE_ELSE }

    private final Audience audience;
    private final String template;

    NotificationKind(Audience audience, String template) {
        this.audience = audience;
        this.template = template;
    }

    public Audience audience() {
        return audience;
    }

    public String template() {
        return template;
    }

    /** The name on the wire and in pushes: {@code task_done}, {@code invited}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name no kind has (stored data is trusted) */
    public static NotificationKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The sentence a person reads, e.g. "Alex marked 'Book the florist' done". */
    public String text(String actor, String title, String event, String detail) {
        return template.replace("{actor}", Objects.requireNonNull(actor, "actor"))
                .replace("{event}", Objects.requireNonNull(event, "event"))
                .replace("{detail}", Objects.requireNonNull(detail, "detail"))
                .replace("{title}", Objects.requireNonNull(title, "title"));
    }
}
