package eu.heapzilla.eventa.domain.guest;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.util.Locale;

/** A guest's answer to the invitation; every guest starts {@link #PENDING}. */
public enum Rsvp {
    PENDING, YES, NO, MAYBE;

    /** The name on the wire: {@code pending}, {@code yes}, {@code no}, {@code maybe}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rsvp parse(String field, String text) {
        for (Rsvp rsvp : values()) {
            if (rsvp.wireName().equals(text)) {
                return rsvp;
            }
        }
        throw new InvalidValue(field, field + " must be one of pending, yes, no, maybe");
    }
}
