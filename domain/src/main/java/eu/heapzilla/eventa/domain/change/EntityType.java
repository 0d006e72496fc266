package eu.heapzilla.eventa.domain.change;

import java.util.Locale;

/** The kinds of thing inside an event that the change log talks about. */
public enum EntityType {
    EVENT, MEMBER, INVITE;

    /** The name on the wire, e.g. {@code event}, {@code member}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
