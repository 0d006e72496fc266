package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.error.NotFound;
import java.util.UUID;

/** Reading UUIDs out of paths, for every kind of id: a malformed id names nothing, so it is "not found". */
public final class Ids {

    private Ids() {
    }

    /** @throws NotFound naming {@code what} when {@code text} is not a UUID in canonical form */
    public static UUID uuidFromPath(String text, String what) {
        if (text == null || text.length() != 36) {
            throw new NotFound(what);
        }
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new NotFound(what);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new NotFound(what);
        }
    }
}
