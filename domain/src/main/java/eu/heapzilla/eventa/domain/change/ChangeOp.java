package eu.heapzilla.eventa.domain.change;

import java.util.Locale;

/** What a change did to its entity. */
public enum ChangeOp {
    CREATED, UPDATED, DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
