package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.error.NotFound;
import java.util.UUID;

/** Reading UUIDs out of paths: a malformed id names nothing, so it is "not found". */
final class Ids {

    private Ids() {
    }

    static UUID uuidFromPath(String text, String what) {
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
