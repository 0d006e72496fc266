package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.util.Locale;

/** What a member may do in an event; see {@link Permissions}. */
public enum Role {
    OWNER, EDITOR, VIEWER;

    /** The name on the wire: {@code owner}, {@code editor}, {@code viewer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String field, String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text)) {
                return role;
            }
        }
        throw new InvalidValue(field, field + " must be one of owner, editor, viewer");
    }
}
