package eu.heapzilla.eventa.domain.change;

import java.util.Locale;

/** The kinds of thing inside an event that the change log talks about. */
public enum EntityType {
    EVENT, MEMBER, INVITE, HOUSEHOLD, GUEST, TASK, BUDGET_ITEM, RECEIPT;

    /** The name on the wire, e.g. {@code event}, {@code budget_item}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
